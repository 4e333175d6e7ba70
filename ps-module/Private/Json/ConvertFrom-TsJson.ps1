function ConvertFrom-TsJson {
    <#
    .SYNOPSIS
    Parses JSON text into ordered hashtables, object arrays and primitives.
    .DESCRIPTION
    The one place that knows the JSON API differs between runtimes: System.Text.Json on
    PowerShell 7 (.NET 10), JavaScriptSerializer on Windows PowerShell 5.1 (.NET Framework).
    ConvertFrom-Json is not used: 5.1 has no -AsHashtable and returns PSCustomObjects, and
    this is a hot path.
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
