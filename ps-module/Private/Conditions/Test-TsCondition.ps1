function Test-TsCondition {
    <#
    .SYNOPSIS
    Evaluates a condition tree against the run's variables; a list at the root means all.
    .DESCRIPTION
    Values in conditions are %var%-expanded first, as ConfigMgr expands step fields.
    Condition kinds that are not implemented yet throw, so the step fails with a clear
    message instead of silently running or skipping.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)][AllowNull()][object]$Condition,
        [Parameter(Mandatory = $true)][hashtable]$Context
    )
    if ($null -eq $Condition) { return $true }
    if ($Condition -is [System.Array]) {
        foreach ($child in $Condition) { if (-not (Test-TsCondition -Condition $child -Context $Context)) { return $false } }
        return $true
    }
    $environment = $Context.Environment
    if ($Condition.Contains('variable')) {
        $value = ''
        if ($Condition.Contains('value') -and $null -ne $Condition['value']) { $value = $environment.Expand([string]$Condition['value']) }
        return Compare-TsVariableValue -Actual $environment.Get([string]$Condition['variable']) -Operator ([string]$Condition['operator']) -Expected $value
    }
    if ($Condition.Contains('all')) {
        foreach ($child in @($Condition['all'])) { if (-not (Test-TsCondition -Condition $child -Context $Context)) { return $false } }
        return $true
    }
    if ($Condition.Contains('any')) {
        foreach ($child in @($Condition['any'])) { if (Test-TsCondition -Condition $child -Context $Context) { return $true } }
        return $false
    }
    if ($Condition.Contains('none')) {
        foreach ($child in @($Condition['none'])) { if (Test-TsCondition -Condition $child -Context $Context) { return $false } }
        return $true
    }
    if ($Condition.Contains('os')) { return Test-TsOsCondition -Os $Condition['os'] }
    $kind = @($Condition.Keys)[0]
    throw [System.NotSupportedException]::new("The '$kind' condition is not implemented yet in this version of tsseq; variable, all, any, none and os conditions are.")
}
