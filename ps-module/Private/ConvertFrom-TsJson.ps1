function ConvertFrom-TsJson {
    <#
    .SYNOPSIS
    Parses JSON text into ordered hashtables, object arrays and primitives.
    .DESCRIPTION
    The one place that knows the JSON API differs between runtimes: System.Text.Json on
    PowerShell 7 (.NET 10), JavaScriptSerializer on Windows PowerShell 5.1 (.NET Framework).
    ConvertFrom-Json is not used because the embedded engine has no Utility cmdlets.
    Objects become [ordered] hashtables (case-insensitive keys, document order kept).
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Json
    )
    if ($script:TsIsCoreClr) {
        $options = New-TsJsonDocumentOptions
        $document = [System.Text.Json.JsonDocument]::Parse($Json, $options)
        try {
            return , (ConvertFrom-TsJsonElement -Element $document.RootElement)
        }
        finally {
            $document.Dispose()
        }
    }
    $serializer = New-TsJavaScriptSerializer
    return , (ConvertFrom-TsJavaScriptValue -Value $serializer.DeserializeObject($Json))
}

function New-TsJsonDocumentOptions {
    $options = [System.Text.Json.JsonDocumentOptions]::new()
    $options.MaxDepth = 256
    return $options
}

function ConvertFrom-TsJsonElement {
    param($Element)
    switch ([string]$Element.ValueKind) {
        'Object' {
            $result = [ordered]@{}
            foreach ($property in $Element.EnumerateObject()) {
                $result[$property.Name] = ConvertFrom-TsJsonElement -Element $property.Value
            }
            return , $result
        }
        'Array' {
            $items = [System.Collections.Generic.List[object]]::new()
            foreach ($item in $Element.EnumerateArray()) {
                $items.Add((ConvertFrom-TsJsonElement -Element $item))
            }
            return , $items.ToArray()
        }
        'String' { return $Element.GetString() }
        'Number' {
            $long = 0L
            if ($Element.TryGetInt64([ref]$long)) {
                if ($long -ge [int]::MinValue -and $long -le [int]::MaxValue) { return [int]$long }
                return $long
            }
            return $Element.GetDouble()
        }
        'True' { return $true }
        'False' { return $false }
        default { return $null }
    }
}

function New-TsJavaScriptSerializer {
    [void][System.Reflection.Assembly]::LoadWithPartialName('System.Web.Extensions')
    $serializer = [System.Web.Script.Serialization.JavaScriptSerializer]::new()
    $serializer.MaxJsonLength = [int]::MaxValue
    $serializer.RecursionLimit = 256
    return $serializer
}

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
