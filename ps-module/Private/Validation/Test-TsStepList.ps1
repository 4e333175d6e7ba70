function Test-TsStepList {
    param($Steps, [string]$JsonPath, [System.Collections.Generic.List[string]]$Errors)
    if ($Steps -isnot [System.Array]) {
        $Errors.Add("$($JsonPath): must be an array of steps")
        return
    }
    for ($index = 0; $index -lt $Steps.Length; $index++) {
        Test-TsStepDefinition -Step $Steps[$index] -JsonPath "$JsonPath[$index]" -Errors $Errors
    }
}
