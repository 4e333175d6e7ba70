function Get-TsResultVariables {
    <#
    .SYNOPSIS
    The variables as they may leave the engine: sorted by name, secret variables as ********,
    and any secret value copied into another variable (say, a command's output) masked too.
    #>
    param([TsSequence.TsEnvironment]$Environment)
    $masked = $Environment.MaskedSnapshot()
    $sorted = ConvertTo-TsSortedDictionary -Dictionary $masked
    foreach ($name in @($sorted.Keys)) { $sorted[$name] = $Environment.Mask([string]$sorted[$name]) }
    return $sorted
}
