function Get-TsTimeoutMilliseconds {
    <#
    .SYNOPSIS
    Converts a step's timeoutMinutes (fractions allowed) to milliseconds; -1 means no timeout.
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param([Parameter(Mandatory = $true)][hashtable]$Parameters)
    if (-not $Parameters.ContainsKey('timeoutMinutes') -or $null -eq $Parameters['timeoutMinutes']) { return -1 }
    return [int][math]::Ceiling([double]$Parameters['timeoutMinutes'] * 60000)
}
