function Get-TsSessionRun {
    <#
    .SYNOPSIS
    The run folder of this PowerShell session, shared by every Invoke-TsStep call in it.
    .DESCRIPTION
    Created on first use, not per call: one <data home>/tsseq/runs/<run id>/ folder per session
    (see TsSequence.RunFolder), removed when the process exits if nothing was written into it.
    Invoke-TsSequence makes a folder of its own for each run.
    #>
    [CmdletBinding()]
    [OutputType([TsSequence.RunFolder])]
    param()
    # PSVariable.GetValue answers $null for a variable never set, where Set-StrictMode would throw.
    $run = $ExecutionContext.SessionState.PSVariable.GetValue('TsSessionRun')
    if ($null -eq $run) {
        $run = [TsSequence.RunFolder]::Create()
        $run.RemoveIfEmptyAtExit()
        $script:TsSessionRun = $run
    }
    return $run
}
