function Compare-TsVariableValue {
    <#
    .SYNOPSIS
    Applies a variable-condition operator (DESIGN.md section 5).
    .DESCRIPTION
    equals/notEquals ignore case. less/greater compare as numbers when both sides are numbers,
    as versions when both look like a.b[.c[.d]], else ordinally ignoring case. like/notLike use
    PowerShell wildcards, ignoring case. An undefined variable ($null) only satisfies notExists,
    notEquals and notLike.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()][object]$Actual,
        [Parameter(Mandatory = $true)][string]$Operator,
        [AllowEmptyString()][string]$Expected = ''
    )
    # $Actual stays untyped: a [string] parameter would turn "undefined" ($null) into ''.
    $defined = $null -ne $Actual
    $Actual = [string]$Actual
    switch ($Operator) {
        'exists' { return $defined }
        'notExists' { return -not $defined }
        'equals' { return $defined -and [string]::Equals($Actual, $Expected, [System.StringComparison]::OrdinalIgnoreCase) }
        'notEquals' { return -not ($defined -and [string]::Equals($Actual, $Expected, [System.StringComparison]::OrdinalIgnoreCase)) }
        'like' { return $defined -and (New-TsWildcard -Pattern $Expected).IsMatch($Actual) }
        'notLike' { return -not ($defined -and (New-TsWildcard -Pattern $Expected).IsMatch($Actual)) }
    }
    if (-not $defined) { return $false }
    $order = Compare-TsOrderedValue -Left $Actual -Right $Expected
    switch ($Operator) {
        'less' { return $order -lt 0 }
        'lessEqual' { return $order -le 0 }
        'greater' { return $order -gt 0 }
        'greaterEqual' { return $order -ge 0 }
    }
    throw [System.ArgumentException]::new("Unknown condition operator '$Operator'.")
}
