function ConvertFrom-TsJavaScriptValue {
    param($Value)
    if ($Value -is [System.Collections.IDictionary]) {
        $result = [ordered]@{}
        foreach ($key in $Value.Keys) { $result[[string]$key] = ConvertFrom-TsJavaScriptValue -Value $Value[$key] }
        return , $result
    }
    if ($Value -is [System.Array]) {
        $items = [System.Collections.Generic.List[object]]::new()
        foreach ($item in $Value) { $items.Add((ConvertFrom-TsJavaScriptValue -Value $item)) }
        return , $items.ToArray()
    }
    return $Value
}
