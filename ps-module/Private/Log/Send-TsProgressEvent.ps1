function Send-TsProgressEvent {
    <#
    .SYNOPSIS
    Sends a step's progress record (Write-Progress, TsProgressUI) as a 'progress' event, its text masked.
    .DESCRIPTION
    percent is $null when the record does not say (PercentComplete -1); completed marks the
    end of that activity (Write-Progress -Completed, CloseProgressDialog). activityId and
    parentActivityId tell nested bars apart (TsProgressUI uses 1 for the action, 2 for its detail).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [Parameter(Mandatory = $true)][System.Management.Automation.ProgressRecord]$Record,
        [string]$Path = ''
    )
    if ($null -eq $Context.OnEvent) { return }
    $environment = $Context.Environment
    $percent = $null
    if ($Record.PercentComplete -ge 0) { $percent = $Record.PercentComplete }
    $payload = [ordered]@{
        kind             = 'progress'
        path             = $Path
        activityId       = $Record.ActivityId
        parentActivityId = $Record.ParentActivityId
        activity         = $environment.Mask([string]$Record.Activity)
        status           = $environment.Mask([string]$Record.StatusDescription)
        percent          = $percent
        completed        = $Record.RecordType -eq [System.Management.Automation.ProgressRecordType]::Completed
    }
    if (-not [string]::IsNullOrEmpty($Record.CurrentOperation)) { $payload['currentOperation'] = $environment.Mask($Record.CurrentOperation) }
    Send-TsEvent -Context $Context -Payload $payload
}
