function Test-TsConditionDefinition {
    <#
    .SYNOPSIS
    Validates the shape of a condition tree (DESIGN.md section 4, Conditions).
    #>
    [CmdletBinding()]
    param(
        [AllowNull()][object]$Condition,
        [string]$JsonPath,
        [Parameter(Mandatory = $true)][AllowEmptyCollection()][System.Collections.Generic.List[string]]$Errors
    )
    if ($Condition -is [System.Array]) {
        for ($index = 0; $index -lt $Condition.Length; $index++) {
            Test-TsConditionDefinition -Condition $Condition[$index] -JsonPath "$JsonPath[$index]" -Errors $Errors
        }
        return
    }
    if ($Condition -isnot [System.Collections.IDictionary]) {
        $Errors.Add("$($JsonPath): must be a condition object")
        return
    }
    $kinds = @('variable', 'all', 'any', 'none', 'file', 'folder', 'registry', 'wmi', 'software', 'os')
    $kind = @($Condition.Keys | Where-Object { $kinds -ccontains $_ })
    if ($kind.Count -ne 1) {
        $Errors.Add("$($JsonPath): must have exactly one of $($kinds -join ', ')")
        return
    }
    switch ($kind[0]) {
        'variable' {
            $operators = @('exists', 'notExists', 'equals', 'notEquals', 'less', 'lessEqual', 'greater', 'greaterEqual', 'like', 'notLike')
            foreach ($key in $Condition.Keys) {
                if (@('variable', 'operator', 'value') -cnotcontains $key) { $Errors.Add("$JsonPath.$($key): unknown property for a variable condition") }
            }
            if ($Condition['variable'] -isnot [string] -or $Condition['variable'].Length -eq 0) { $Errors.Add("$JsonPath.variable: must be a variable name") }
            $operator = $Condition['operator']
            if ($operators -cnotcontains $operator) { $Errors.Add("$JsonPath.operator: must be one of $($operators -join ', ')") }
            elseif (@('exists', 'notExists') -cnotcontains $operator -and $Condition['value'] -isnot [string]) {
                $Errors.Add("$JsonPath.value: must be a string for operator '$operator'")
            }
        }
        { @('all', 'any', 'none') -ccontains $_ } {
            $children = $Condition[$_]
            if ($children -isnot [System.Array]) { $Errors.Add("$JsonPath.$($_): must be an array of conditions"); return }
            for ($index = 0; $index -lt $children.Length; $index++) {
                Test-TsConditionDefinition -Condition $children[$index] -JsonPath "$JsonPath.$_[$index]" -Errors $Errors
            }
        }
        default {
            if ($Condition[$_] -isnot [System.Collections.IDictionary]) { $Errors.Add("$JsonPath.$($_): must be an object") }
        }
    }
}
