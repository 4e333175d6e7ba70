function Invoke-TsProcess {
    <#
    .SYNOPSIS
    Starts a process, collects stdout/stderr without deadlocking, and enforces a timeout.
    .DESCRIPTION
    Both streams are read asynchronously (ReadToEndAsync: no script-block event handlers,
    which would run on threads without a runspace). On timeout the process tree is killed:
    Kill($true) where .NET has it (Core 3+), Kill() on .NET Framework.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][System.Diagnostics.ProcessStartInfo]$StartInfo,
        [int]$TimeoutMilliseconds = -1
    )
    $process = [System.Diagnostics.Process]::new()
    $process.StartInfo = $StartInfo
    try {
        [void]$process.Start()
    }
    catch {
        throw [System.InvalidOperationException]::new("The command could not be started: $($_.Exception.Message)")
    }
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $timedOut = -not $process.WaitForExit($TimeoutMilliseconds)
        if ($timedOut) {
            Stop-TsProcessTree -Process $process
            [void]$process.WaitForExit(10000)
        }
        else {
            # The parameterless overload also waits for the redirected streams to drain.
            $process.WaitForExit()
        }
        [void][System.Threading.Tasks.Task]::WaitAll(@($stdout, $stderr), 10000)
        $exitCode = $null
        if (-not $timedOut) { $exitCode = $process.ExitCode }
        return @{
            ExitCode       = $exitCode
            TimedOut       = $timedOut
            StandardOutput = $(if ($stdout.IsCompleted) { $stdout.Result } else { '' })
            StandardError  = $(if ($stderr.IsCompleted) { $stderr.Result } else { '' })
        }
    }
    finally {
        $process.Dispose()
    }
}
