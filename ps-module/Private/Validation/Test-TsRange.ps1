function Test-TsRange {
    param([hashtable]$Parameter, [double]$Value)
    if ($null -ne $Parameter.Minimum -and $Value -lt $Parameter.Minimum) { return "must be at least $($Parameter.Minimum)" }
    if ($null -ne $Parameter.Maximum -and $Value -gt $Parameter.Maximum) { return "must be at most $($Parameter.Maximum)" }
    return $null
}
