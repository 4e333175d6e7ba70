function Compare-TsOrderedValue {
    param([string]$Left, [string]$Right)
    $style = [System.Globalization.NumberStyles]::Float
    $culture = [System.Globalization.CultureInfo]::InvariantCulture
    $leftNumber = 0.0
    $rightNumber = 0.0
    if ([double]::TryParse($Left, $style, $culture, [ref]$leftNumber) -and [double]::TryParse($Right, $style, $culture, [ref]$rightNumber)) {
        return $leftNumber.CompareTo($rightNumber)
    }
    $versionShape = '^\d+(\.\d+){1,3}$'
    if ($Left -match $versionShape -and $Right -match $versionShape) {
        return ([version]$Left).CompareTo([version]$Right)
    }
    return [string]::Compare($Left, $Right, [System.StringComparison]::OrdinalIgnoreCase)
}
