function ConvertTo-TsJson {
    <#
    .SYNOPSIS
    Serializes hashtables, PSCustomObjects, lists and primitives to compact JSON text.
    .DESCRIPTION
    Strings are encoded by the platform serializer (System.Text.Json on 7, JavaScriptSerializer
    on 5.1), so every character survives the trip, including quotes, backticks, newlines and
    non-BMP characters; the output is plain ASCII because non-ASCII is escaped. No depth
    truncation (ConvertTo-Json's silent depth-2 default is a known trap): nesting beyond 100
    levels is an error.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][AllowNull()][AllowEmptyString()][AllowEmptyCollection()][object]$InputObject
    )
    $builder = [System.Text.StringBuilder]::new()
    $encoder = $null
    if (-not $script:TsIsCoreClr) { $encoder = New-TsJavaScriptSerializer }
    Write-TsJsonValue -Builder $builder -Value $InputObject -Depth 0 -Encoder $encoder
    return $builder.ToString()
}
