function Set-TsOutputVariable {
    <#
    .SYNOPSIS
    Stores the last 1000 characters of a step's output in the named variable (ConfigMgr's rule).
    .DESCRIPTION
    Trailing line breaks are dropped first so `echo hello` stores "hello". The name follows
    user-level rules, so a step cannot write a read-only "_" variable through its output.
    When the output contains a secret value (checked before the cut, so half a secret at the
    boundary counts), the variable becomes secret too and is masked wherever it is shown.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [Parameter(Mandatory = $true)][string]$Name,
        [AllowEmptyString()][string]$Text = ''
    )
    $environment = $Context.Environment
    $trimmed = $Text.TrimEnd("`r", "`n")
    # Enough characters before the cut that a secret straddling it is still seen whole.
    $window = 1000 + $environment.LongestSecretLength
    $checked = $trimmed
    if ($checked.Length -gt $window) { $checked = $checked.Substring($checked.Length - $window) }
    $containsSecret = $environment.Mask($checked) -cne $checked
    if ($trimmed.Length -gt 1000) { $trimmed = $trimmed.Substring($trimmed.Length - 1000) }
    $environment.Set($Name, $trimmed)
    if ($containsSecret -and $trimmed.Length -gt 0) { $environment.MarkSecret($Name) }
}
