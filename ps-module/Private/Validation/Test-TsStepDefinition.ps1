function Test-TsStepDefinition {
    <#
    .SYNOPSIS
    Validates one step or group (recursively) against the generated model.
    #>
    [CmdletBinding()]
    param(
        [AllowNull()][object]$Step,
        [string]$JsonPath = '$',
        [Parameter(Mandatory = $true)][AllowEmptyCollection()][System.Collections.Generic.List[string]]$Errors
    )
    if ($Step -isnot [System.Collections.IDictionary]) {
        $Errors.Add("$($JsonPath): must be an object with a ""type""")
        return
    }
    $type = $Step['type']
    $known = @($script:TsStepTypes.Keys) + @('Group', 'Node')
    if ($type -isnot [string] -or $known -notcontains $type) {
        $Errors.Add("$JsonPath.type: must be one of $($known -join ', ')")
        return
    }
    $parameters = Get-TsStepParameterModel -Type $type
    $byName = @{}
    foreach ($parameter in $parameters) { $byName[$parameter.Name] = $parameter }
    foreach ($key in $Step.Keys) {
        if ($key -ceq 'type' -or $key -ceq '$comment') { continue }
        if (-not $byName.ContainsKey($key) -or $byName[$key].Name -cne $key) {
            $Errors.Add("$JsonPath.$($key): unknown property for a $type step")
        }
    }
    foreach ($parameter in $parameters) {
        $present = $Step.Contains($parameter.Name)
        if (-not $present) {
            if ($parameter.Required) { $Errors.Add("$JsonPath.$($parameter.Name): is required") }
            continue
        }
        $problem = Test-TsParameterValue -Parameter $parameter -Value $Step[$parameter.Name]
        if ($problem) { $Errors.Add("$JsonPath.$($parameter.Name): $problem") }
    }
    if ($Step.Contains('condition') -and $null -ne $Step['condition']) {
        Test-TsConditionDefinition -Condition $Step['condition'] -JsonPath "$JsonPath.condition" -Errors $Errors
    }
    if ($type -eq 'Group' -and $Step.Contains('steps')) {
        Test-TsStepList -Steps $Step['steps'] -JsonPath "$JsonPath.steps" -Errors $Errors
    }
}
