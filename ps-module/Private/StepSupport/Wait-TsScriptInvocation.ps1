function Wait-TsScriptInvocation {
    <#
    .SYNOPSIS
    Waits for a script started with BeginInvoke, handing its progress records to -OnProgress meanwhile; $false on timeout.
    .DESCRIPTION
    The wait wakes at least every 250 ms to drain the progress stream (ReadAll empties it), so
    progress reaches the caller while the script runs and memory stays flat however often the
    script reports. Within one drain, a record replaced by a later one of the same activity is
    dropped (Select-TsProgressRecord): progress is a state, and only the newest can be shown.
    A finished script returns at once; the last records are drained before returning.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)][System.IAsyncResult]$Pending,
        [Parameter(Mandatory = $true)][AllowEmptyCollection()][System.Management.Automation.PSDataCollection[System.Management.Automation.ProgressRecord]]$Progress,
        [int]$TimeoutMilliseconds = -1,
        [scriptblock]$OnProgress
    )
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $finished = $false
    while ($true) {
        $slice = 250
        if ($TimeoutMilliseconds -ge 0) {
            $left = $TimeoutMilliseconds - $clock.ElapsedMilliseconds
            if ($left -le 0) { break }
            if ($left -lt $slice) { $slice = [int]$left }
        }
        $finished = $Pending.AsyncWaitHandle.WaitOne($slice)
        if ($Progress.Count -gt 0) {
            $records = $Progress.ReadAll()
            if ($null -ne $OnProgress) {
                # The script is still running: a failing listener must not end this wait.
                try { foreach ($record in (Select-TsProgressRecord -Records $records)) { & $OnProgress $record } }
                catch { Write-Warning -Message "TsSequence: reporting the script's progress failed: $($_.Exception.Message)" }
            }
        }
        if ($finished) { break }
    }
    return $finished
}
