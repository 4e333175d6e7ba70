function Expand-TsArgumentValue {
    param($Value, [TsSequence.TsEnvironment]$Environment)
    if ($Value -is [string]) { return $Environment.Expand($Value) }
    if ($Value -is [System.Array]) { return , @(foreach ($item in $Value) { Expand-TsArgumentValue -Value $item -Environment $Environment }) }
    return $Value
}
