function Invoke-TsItem {
    <#
    .SYNOPSIS
    Runs one step or group with its options (disabled, condition, continueOnError); returns its status.
    .DESCRIPTION
    The result entry is added before a group's children so the result document lists items in
    document order; its status is filled in when the group ends. As ConfigMgr does for every
    instruction it reaches (spec 4, 6.2), _SMSTSNextInstructionPointer (the item's flat index)
    and _SMSTSCurrentActionName are set first, before the disabled flag and the condition.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$Item,
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Path
    )
    $pointer = $Context.InstructionPointer
    $Context.Environment.SetSystem('_SMSTSNextInstructionPointer', [string]$pointer)
    $Context.Environment.SetSystem('_SMSTSCurrentActionName', [string]$Item['name'])
    # A group's children follow it in the flat table; Invoke-TsItemList moves past the whole item.
    $Context.InstructionPointer = $pointer + 1
    if ($Item.Contains('disabled') -and $Item['disabled'] -eq $true) {
        Write-TsLog -Context $Context -Message "The action ($($Item['name'])) has been skipped because it is disabled" -Path $Path
        Add-TsSkippedResult -Item $Item -Path $Path -Reason 'Disabled' -Context $Context
        return 'Skipped'
    }
    $continueOnError = $Item.Contains('continueOnError') -and $Item['continueOnError'] -eq $true
    if ($Item.Contains('condition') -and $null -ne $Item['condition']) {
        $conditionHolds = $false
        try {
            $conditionHolds = Test-TsCondition -Condition $Item['condition'] -Context $Context
        }
        catch {
            $entry = New-TsResultEntry -Path $Path -Type ([string]$Item['type'])
            $Context.Results.Add($entry)
            $status = Complete-TsResultEntry -Entry $entry -Context $Context -Succeeded $false -ContinueOnError $continueOnError -Message "The condition could not be evaluated: $($_.Exception.Message)"
            # A group's children were not reached: list them, as every item of the document is.
            if ($Item['type'] -eq 'Group') {
                foreach ($child in @($Item['steps'])) {
                    Add-TsSkippedResult -Item $child -Path (Join-TsItemPath -ParentPath $Path -Name ([string]$child['name'])) -Reason 'GroupFailed' -Context $Context
                }
            }
            return $status
        }
        if (-not $conditionHolds) {
            Write-TsLog -Context $Context -Message "The action ($($Item['name'])) has been skipped because the condition was evaluated to be false" -Path $Path
            Add-TsSkippedResult -Item $Item -Path $Path -Reason 'ConditionFalse' -Context $Context
            return 'Skipped'
        }
    }
    if ($Item['type'] -eq 'Group') {
        $entry = New-TsResultEntry -Path $Path -Type 'Group'
        $Context.Results.Add($entry)
        Start-TsResultEntry -Entry $entry -Context $Context
        Write-TsLog -Context $Context -Message "The group ($($Item['name'])) has been successfully started" -Path $Path
        $completed = Invoke-TsItemList -Items @($Item['steps']) -Context $Context -ParentPath $Path
        $message = ''
        if (-not $completed) { $message = 'A step of this group failed.' }
        return Complete-TsResultEntry -Entry $entry -Context $Context -Succeeded $completed -ContinueOnError $continueOnError -Message $message
    }
    return Invoke-TsStepItem -Step $Item -Context $Context -Path $Path
}
