function Assert-TsUnsupportedOption {
    <#
    .SYNOPSIS
    Fails a step that asks for an option this version cannot honour, instead of ignoring it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Parameters,
        [Parameter(Mandatory = $true)][string]$Name,
        [Parameter(Mandatory = $true)][string]$Reason
    )
    if (-not $Parameters.ContainsKey($Name)) { return }
    $value = $Parameters[$Name]
    if ($null -eq $value -or $value -eq $false -or ($value -is [string] -and $value.Length -eq 0)) { return }
    throw [System.NotSupportedException]::new("The '$Name' option is not supported yet: $Reason")
}
