function Test-TsParameterValue {
    <#
    .SYNOPSIS
    Checks one property value against its model description; returns what was expected, or $null.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory = $true)][hashtable]$Parameter, [AllowNull()][object]$Value)
    if ($null -eq $Value) { return 'must not be null' }
    switch ($Parameter.Type) {
        'string' {
            if ($Value -isnot [string]) { return 'must be a string' }
            if ($null -ne $Parameter.MinLength -and $Value.Length -lt $Parameter.MinLength) { return "must be at least $($Parameter.MinLength) characters long" }
            if ($null -ne $Parameter.MaxLength -and $Value.Length -gt $Parameter.MaxLength) { return "must be at most $($Parameter.MaxLength) characters long" }
            if ($null -ne $Parameter.Enum -and @($Parameter.Enum) -cnotcontains $Value) { return "must be one of $(@($Parameter.Enum) -join ', ')" }
            if ($null -ne $Parameter.Pattern -and $Value -notmatch $Parameter.Pattern) { return "must match the pattern $($Parameter.Pattern)" }
        }
        'boolean' { if ($Value -isnot [bool]) { return 'must be true or false' } }
        'integer' {
            if (-not (Test-TsIsInteger -Value $Value)) { return 'must be an integer' }
            return Test-TsRange -Parameter $Parameter -Value ([double]$Value)
        }
        'number' {
            if (-not (Test-TsIsNumber -Value $Value)) { return 'must be a number' }
            return Test-TsRange -Parameter $Parameter -Value ([double]$Value)
        }
        'string[]' {
            if ($Value -isnot [System.Array]) { return 'must be an array of strings' }
            foreach ($item in $Value) { if ($item -isnot [string]) { return 'must be an array of strings' } }
        }
        'integer[]' {
            if ($Value -isnot [System.Array]) { return 'must be an array of integers' }
            foreach ($item in $Value) { if (-not (Test-TsIsInteger -Value $item)) { return 'must be an array of integers' } }
        }
        'steps' { if ($Value -isnot [System.Array]) { return 'must be an array of steps' } }
        'parameters' {
            if ($Value -isnot [string] -and $Value -isnot [System.Collections.IDictionary]) { return 'must be a string of script parameters or an object of named values' }
        }
        'rules' { if ($Value -isnot [System.Array]) { return 'must be an array of rules' } }
        'condition' {
            if ($Value -isnot [System.Collections.IDictionary] -and $Value -isnot [System.Array]) { return 'must be a condition object or an array of conditions' }
        }
        default { }
    }
    return $null
}
