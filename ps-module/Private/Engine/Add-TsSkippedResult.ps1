function Add-TsSkippedResult {
    <#
    .SYNOPSIS
    Records an item that did not run (and, for a group, every item inside it) as Skipped.
    .DESCRIPTION
    The result document lists every step and group the run reached or skipped, so a skipped
    group's descendants are listed too, with the reason that applied to the group.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$Item,
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Path,
        [Parameter(Mandatory = $true)][ValidateSet('Disabled', 'ConditionFalse', 'GroupFailed')][string]$Reason,
        [Parameter(Mandatory = $true)][hashtable]$Context
    )
    $entry = New-TsResultEntry -Path $Path -Type ([string]$Item['type'])
    $entry['skipReason'] = $Reason
    $Context.Results.Add($entry)
    Send-TsEvent -Context $Context -Payload (Copy-TsEventEntry -Entry $entry -Kind 'stepFinished')
    if ($Item['type'] -eq 'Group' -and $Item.Contains('steps')) {
        foreach ($child in @($Item['steps'])) {
            $childPath = Join-TsItemPath -ParentPath $Path -Name ([string]$child['name'])
            Add-TsSkippedResult -Item $child -Path $childPath -Reason $Reason -Context $Context
        }
    }
}
