function ConvertTo-TsSortedDictionary {
    param($Dictionary)
    # Array.Sort, not Sort-Object: a .NET call on a hot path.
    $names = [string[]]@($Dictionary.Keys)
    [System.Array]::Sort($names, [System.StringComparer]::OrdinalIgnoreCase)
    $sorted = [ordered]@{}
    foreach ($name in $names) { $sorted[$name] = $Dictionary[$name] }
    return $sorted
}
