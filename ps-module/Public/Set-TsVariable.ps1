function Set-TsVariable {
    <#
    .SYNOPSIS
    Sets (or, with an empty value, deletes) a task sequence variable of the session's environment.
    .DESCRIPTION
    The same rules as the Set Task Sequence Variable step: names are case-insensitive, names
    starting with "_" are read-only, an empty value deletes. -Secret masks the value in every
    log, event and result.
    .PARAMETER Name
    The variable name.
    .PARAMETER Value
    The value; an empty string deletes the variable.
    .PARAMETER Secret
    Treat the value as a secret (ConfigMgr's "Do not display this value").
    .EXAMPLE
    PS> Set-TsVariable -Name AppRoot -Value '/opt/apps'
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, Position = 0)][string]$Name,
        [Parameter(Mandatory = $true, Position = 1)][AllowEmptyString()][string]$Value,
        [switch]$Secret
    )
    if (-not $PSCmdlet.ShouldProcess($Name, 'Set task sequence variable')) { return }
    try {
        $environment = $script:TsSession.Environment
        $environment.Set($Name, $Value)
    }
    catch {
        $reason = (ConvertTo-TsErrorRecord -ErrorRecord $_).Exception.Message
        $PSCmdlet.ThrowTerminatingError([TsSequence.Engine.EngineException]::new('InvalidVariable', [System.Management.Automation.ErrorCategory]::InvalidArgument, $reason, $Name, $null).ErrorRecord)
    }
    if ($Secret -and $Value.Length -gt 0) { $environment.MarkSecret($Name) }
}
