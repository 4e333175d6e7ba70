function ConvertTo-TsJsonString {
    param([string]$Text, $Encoder)
    if ($null -eq $Encoder) { return [System.Text.Json.JsonSerializer]::Serialize($Text, [string]) }
    return $Encoder.Serialize($Text)
}
