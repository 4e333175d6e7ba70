function Write-TsJsonValue {
    param([System.Text.StringBuilder]$Builder, $Value, [int]$Depth, $Encoder)
    if ($Depth -gt 100) { throw 'ConvertTo-TsJson: the object is nested more than 100 levels deep.' }
    if ($null -eq $Value) { [void]$Builder.Append('null'); return }
    if ($Value -is [System.Management.Automation.PSObject] -and
        $Value.PSObject.BaseObject -isnot [System.Management.Automation.PSCustomObject]) {
        $Value = $Value.PSObject.BaseObject
    }
    if ($Value -is [string] -or $Value -is [char]) {
        [void]$Builder.Append((ConvertTo-TsJsonString -Text ([string]$Value) -Encoder $Encoder))
        return
    }
    if ($Value -is [bool]) { [void]$Builder.Append($(if ($Value) { 'true' } else { 'false' })); return }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [short] -or $Value -is [byte] -or
        $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [uint16] -or $Value -is [sbyte] -or $Value -is [decimal]) {
        [void]$Builder.Append(([System.IFormattable]$Value).ToString($null, [System.Globalization.CultureInfo]::InvariantCulture))
        return
    }
    if ($Value -is [double] -or $Value -is [single]) {
        if ([double]::IsNaN($Value) -or [double]::IsInfinity($Value)) { [void]$Builder.Append('null'); return }
        [void]$Builder.Append(([double]$Value).ToString('R', [System.Globalization.CultureInfo]::InvariantCulture))
        return
    }
    if ($Value -is [datetime]) {
        [void]$Builder.Append((ConvertTo-TsJsonString -Text ($Value.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)) -Encoder $Encoder))
        return
    }
    if ($Value -is [enum]) { [void]$Builder.Append((ConvertTo-TsJsonString -Text $Value.ToString() -Encoder $Encoder)); return }
    if ($Value -is [System.Collections.IDictionary]) {
        [void]$Builder.Append('{')
        $first = $true
        foreach ($key in $Value.Keys) {
            if (-not $first) { [void]$Builder.Append(',') }
            $first = $false
            [void]$Builder.Append((ConvertTo-TsJsonString -Text ([string]$key) -Encoder $Encoder)).Append(':')
            $item = $Value[$key]
            # Strings and nulls inline: variables are all strings, and a function call per value
            # is most of the serializer's cost.
            if ($item -is [string]) {
                if ($null -eq $Encoder) { [void]$Builder.Append([System.Text.Json.JsonSerializer]::Serialize($item, [string])) }
                else { [void]$Builder.Append($Encoder.Serialize($item)) }
            }
            elseif ($null -eq $item) { [void]$Builder.Append('null') }
            else { Write-TsJsonValue -Builder $Builder -Value $item -Depth ($Depth + 1) -Encoder $Encoder }
        }
        [void]$Builder.Append('}')
        return
    }
    if ($Value -is [System.Management.Automation.PSObject]) {
        [void]$Builder.Append('{')
        $first = $true
        foreach ($property in $Value.PSObject.Properties) {
            if (-not $first) { [void]$Builder.Append(',') }
            $first = $false
            [void]$Builder.Append((ConvertTo-TsJsonString -Text $property.Name -Encoder $Encoder)).Append(':')
            Write-TsJsonValue -Builder $Builder -Value $property.Value -Depth ($Depth + 1) -Encoder $Encoder
        }
        [void]$Builder.Append('}')
        return
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        [void]$Builder.Append('[')
        $first = $true
        foreach ($item in $Value) {
            if (-not $first) { [void]$Builder.Append(',') }
            $first = $false
            Write-TsJsonValue -Builder $Builder -Value $item -Depth ($Depth + 1) -Encoder $Encoder
        }
        [void]$Builder.Append(']')
        return
    }
    [void]$Builder.Append((ConvertTo-TsJsonString -Text $Value.ToString() -Encoder $Encoder))
}
