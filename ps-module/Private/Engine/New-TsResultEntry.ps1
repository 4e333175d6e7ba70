function New-TsResultEntry {
    <#
    .SYNOPSIS
    Creates a step/group entry of the result document (DESIGN.md section 4), not yet run.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param([Parameter(Mandatory = $true)][AllowEmptyString()][string]$Path, [Parameter(Mandatory = $true)][string]$Type)
    return [ordered]@{
        path       = $Path
        type       = $Type
        status     = 'Skipped'
        exitCode   = $null
        startedAt  = $null
        durationMs = 0
        message    = ''
    }
}
