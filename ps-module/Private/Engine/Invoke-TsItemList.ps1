function Invoke-TsItemList {
    <#
    .SYNOPSIS
    Runs the steps and groups of one list in order; returns $false when a failure was not absorbed.
    .DESCRIPTION
    ConfigMgr semantics (spec 2.3): a failed item without continueOnError stops its list, and
    the items not reached are recorded as Skipped with skipReason GroupFailed. The context's
    InstructionPointer moves past each item, reached or not, so every item keeps its flat index.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyCollection()][object[]]$Items,
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [string]$ParentPath = ''
    )
    $failed = $false
    foreach ($item in $Items) {
        $path = Join-TsItemPath -ParentPath $ParentPath -Name ([string]$item['name'])
        $next = $Context.InstructionPointer + 1
        if ($item['type'] -eq 'Group') { $next = $Context.InstructionPointer + (Measure-TsInstructionCount -Items @($item)) }
        if ($failed) {
            Add-TsSkippedResult -Item $item -Path $path -Reason 'GroupFailed' -Context $Context
        }
        else {
            $status = Invoke-TsItem -Item $item -Context $Context -Path $path
            if ($status -eq 'Failed') { $failed = $true }
        }
        $Context.InstructionPointer = $next
    }
    return -not $failed
}
