function ConvertTo-TsSortedDictionary {
    param($Dictionary)
    # Sort-Object is a Utility cmdlet, absent from the embedded engine.
    $names = [string[]]@($Dictionary.Keys)
    [System.Array]::Sort($names, [System.StringComparer]::OrdinalIgnoreCase)
    $sorted = [ordered]@{}
    foreach ($name in $names) { $sorted[$name] = $Dictionary[$name] }
    return $sorted
}
