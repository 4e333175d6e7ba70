function Set-TsOutputVariable {
    <#
    .SYNOPSIS
    Stores the last 1000 characters of a step's output in the named variable (ConfigMgr's rule).
    .DESCRIPTION
    Trailing line breaks are dropped first so `echo hello` stores "hello". The name follows
    user-level rules, so a step cannot write a read-only "_" variable through its output.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [Parameter(Mandatory = $true)][string]$Name,
        [AllowEmptyString()][string]$Text = ''
    )
    $trimmed = $Text.TrimEnd("`r", "`n")
    if ($trimmed.Length -gt 1000) { $trimmed = $trimmed.Substring($trimmed.Length - 1000) }
    $Context.Environment.Set($Name, $trimmed)
}
