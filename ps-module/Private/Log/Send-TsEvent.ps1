function Send-TsEvent {
    <#
    .SYNOPSIS
    Hands one run event (stepStarted, stepFinished, log, progress) to the caller's callback, if any.
    .DESCRIPTION
    A failing callback must not fail the step that raised the event, so its errors are
    written as warnings instead of propagating.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$Payload
    )
    if ($null -eq $Context.OnEvent) { return }
    try {
        $null = & $Context.OnEvent $Payload
    }
    catch {
        Write-Warning -Message "TsSequence: the event callback failed: $($_.Exception.Message)"
    }
}
