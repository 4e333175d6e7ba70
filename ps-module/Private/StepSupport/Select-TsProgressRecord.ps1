function Select-TsProgressRecord {
    <#
    .SYNOPSIS
    The progress records worth reporting from one batch, in order: for each activity, only the newest state before each completion.
    .DESCRIPTION
    A record is dropped when a later record of the same activity id replaces it before that
    activity completes, so a loop reporting 10,000 steps between two drains costs one event,
    while the last state before CloseProgressDialog (or Write-Progress -Completed) is kept.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ProgressRecord[]])]
    param([Parameter(Mandatory = $true)][AllowEmptyCollection()][System.Collections.Generic.IList[System.Management.Automation.ProgressRecord]]$Records)
    $kept = [System.Collections.Generic.List[System.Management.Automation.ProgressRecord]]::new()
    # activity id -> index in $kept of its newest record still open to replacement
    $open = @{}
    foreach ($record in $Records) {
        $id = $record.ActivityId
        if ($record.RecordType -eq [System.Management.Automation.ProgressRecordType]::Completed) {
            $kept.Add($record)
            $open.Remove($id)
            continue
        }
        if ($open.ContainsKey($id)) { $kept[$open[$id]] = $record; continue }
        $open[$id] = $kept.Count
        $kept.Add($record)
    }
    return , $kept.ToArray()
}
