function Invoke-TsScriptInRunspace {
    <#
    .SYNOPSIS
    Runs a .ps1 file in a fresh runspace of this engine, with $tsenv, arguments as data and a timeout.
    .DESCRIPTION
    A separate runspace keeps the script's variables and functions out of the engine, lets a
    timeout stop it, and gives `exit N` its script-file meaning (exit code N; a script that
    just ends exits 0, as under powershell.exe -File). It is built
    from this runspace's InitialSessionState, so the script sees the same commands the engine
    has. Arguments go through AddParameter/AddArgument: values are never turned into code.
    The runspace has no host UI, and [Console] output is captured while the script runs, so
    nothing the script prints reaches the engine's console unmasked: host output
    (Write-Host) is merged into the output in order, console text is appended, and warning,
    verbose and error records are returned for the caller to log through the mask. The
    process's current directory follows the working directory for the script's duration
    (steps run one at a time), so .NET relative paths resolve there as in ConfigMgr's own
    powershell.exe. While the script runs, its progress records (Write-Progress, TsProgressUI)
    are handed to -OnProgress on this thread, a few times a second at most; they are drained
    either way, so a script that reports progress in a loop does not pile them up.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][string]$ScriptPath,
        [AllowEmptyCollection()][object[]]$Arguments = @(),
        [Parameter(Mandatory = $true)][string]$WorkingDirectory,
        [Parameter(Mandatory = $true)][TsSequence.TsEnvironment]$Environment,
        [int]$TimeoutMilliseconds = -1,
        [string]$ExecutionPolicy,
        [scriptblock]$OnProgress
    )
    $sessionState = [runspace]::DefaultRunspace.InitialSessionState
    if ($null -eq $sessionState) { $sessionState = [initialsessionstate]::CreateDefault2() }
    # Execution policy exists only on Windows; setting it elsewhere throws when the runspace opens.
    # Opening the runspace stores it process-wide (PSExecutionPolicyPreference): restored below.
    $policySet = $script:TsIsWindows -and -not [string]::IsNullOrEmpty($ExecutionPolicy) -and $ExecutionPolicy -ne 'Undefined'
    $savedPolicy = [System.Environment]::GetEnvironmentVariable('PSExecutionPolicyPreference')
    if ($policySet) {
        $sessionState = $sessionState.Clone()
        $sessionState.ExecutionPolicy = [Microsoft.PowerShell.ExecutionPolicy]$ExecutionPolicy
    }
    $runspace = [runspacefactory]::CreateRunspace($sessionState)
    $shell = $null
    $abandoned = $false
    $consoleOut = [System.IO.StringWriter]::new()
    $consoleError = [System.IO.StringWriter]::new()
    $savedOut = [System.Console]::Out
    $savedError = [System.Console]::Error
    $savedDirectory = [System.Environment]::CurrentDirectory
    try {
        $runspace.Open()
        # Scripts get a view with only ConfigMgr's surface (Value, GetVariables): no engine-only calls.
        $view = [TsSequence.TsEnvironmentView]::new($Environment)
        $runspace.SessionStateProxy.SetVariable('tsenv', $view)
        $runspace.SessionStateProxy.SetVariable('LASTEXITCODE', 0)
        [void]$runspace.SessionStateProxy.Path.SetLocation([System.Management.Automation.WildcardPattern]::Escape($WorkingDirectory))

        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        # Scripts written for ConfigMgr create the environment and progress objects themselves.
        Add-TsScriptShim -Shell $shell -EnvironmentView $view
        $ended = [System.Collections.Generic.List[object]]::new()
        # Only a script that starts a transcript pays for copying its output into it.
        $transcribe = [System.IO.File]::ReadAllText($ScriptPath).IndexOf('Start-Transcript', [System.StringComparison]::OrdinalIgnoreCase) -ge 0
        [void]$shell.Commands.AddCommand((New-TsScriptCommand -ScriptPath $ScriptPath -Arguments $Arguments -Ended $ended -Transcribe:$transcribe))

        $inputData = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $inputData.Complete()
        $outputData = [System.Management.Automation.PSDataCollection[psobject]]::new()
        [System.Environment]::CurrentDirectory = $WorkingDirectory
        [System.Console]::SetOut($consoleOut)
        [System.Console]::SetError($consoleError)
        $pending = $shell.BeginInvoke($inputData, $outputData)
        $timedOut = -not (Wait-TsScriptInvocation -Pending $pending -Progress $shell.Streams.Progress -TimeoutMilliseconds $TimeoutMilliseconds -OnProgress $OnProgress)
        $terminatingError = $null
        if ($timedOut) {
            $stopping = $shell.BeginStop($null, $null)
            # A script blocked inside a .NET call cannot be stopped; leave it rather than hang the engine.
            $abandoned = -not $stopping.AsyncWaitHandle.WaitOne(5000)
        }
        else {
            try { [void]$shell.EndInvoke($pending) }
            catch {
                # The invocation's own reason, not the exception as this call rethrew it (sometimes
                # wrapped, sometimes not): it keeps the script's error record and position.
                $terminatingError = $shell.InvocationStateInfo.Reason
                if ($null -eq $terminatingError) { $terminatingError = $_.Exception }
            }
        }
        $exitCode = $null
        if (-not $timedOut) {
            $exitCode = 0
            if ($null -ne $terminatingError) { $exitCode = 1 }
            elseif ($ended.Count -eq 0 -or $ended[0] -eq $false) {
                # Ended by `exit N` (see New-TsScriptCommand): N is in $LASTEXITCODE. A script
                # that just ended exits 0, as under powershell.exe -File, whatever its last
                # native command returned.
                $last = $runspace.SessionStateProxy.GetVariable('LASTEXITCODE')
                if ($null -ne $last) { $exitCode = [int]$last }
            }
        }
        return @{
            ExitCode         = $exitCode
            TimedOut         = $timedOut
            Output           = (ConvertTo-TsOutputText -Items (Get-TsCollectionSnapshot -Collection $outputData))
            ConsoleText      = $consoleOut.ToString() + $consoleError.ToString()
            Errors           = (Get-TsCollectionSnapshot -Collection $shell.Streams.Error)
            Warnings         = (Get-TsCollectionSnapshot -Collection $shell.Streams.Warning)
            Verbose          = (Get-TsCollectionSnapshot -Collection $shell.Streams.Verbose)
            TerminatingError = $terminatingError
        }
    }
    finally {
        [System.Console]::SetOut($savedOut)
        [System.Console]::SetError($savedError)
        # The script may have deleted the folder the engine started in: then the temp folder.
        try { [System.Environment]::CurrentDirectory = $savedDirectory }
        catch { [System.Environment]::CurrentDirectory = [System.IO.Path]::GetTempPath() }
        if ($policySet) { [System.Environment]::SetEnvironmentVariable('PSExecutionPolicyPreference', $savedPolicy) }
        if (-not $abandoned) {
            if ($null -ne $shell) { $shell.Dispose() }
            $runspace.Dispose()
        }
    }
}
