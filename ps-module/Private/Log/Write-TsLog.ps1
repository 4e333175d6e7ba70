function Write-TsLog {
    <#
    .SYNOPSIS
    Records one log line of a run: masked, sent as a 'log' event and written to Verbose.
    .DESCRIPTION
    Every message passes through the variable store's Mask() so no secret value reaches a
    log, an event or the console, whoever produced the text.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [ValidateSet('verbose', 'info', 'warning', 'error')][string]$Level = 'info',
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Message,
        [string]$Path = ''
    )
    $masked = $Context.Environment.Mask($Message)
    # Both checks skip work on the hot path: most runs have no listener and no -Verbose.
    if ($null -ne $Context.OnEvent) {
        Send-TsEvent -Context $Context -Payload ([ordered]@{ kind = 'log'; level = $Level; message = $masked; path = $Path })
    }
    if ($VerbosePreference -ne [System.Management.Automation.ActionPreference]::SilentlyContinue) {
        Write-Verbose -Message $(if ($Path) { "[$Path] $masked" } else { $masked })
    }
}
