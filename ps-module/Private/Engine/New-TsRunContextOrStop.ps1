function New-TsRunContextOrStop {
    <#
    .SYNOPSIS
    New-TsRunContext for a public command: a refused initial variable stops the command with
    a proper error record (id TsSequence.InvalidVariable) before anything runs.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][System.Management.Automation.PSCmdlet]$Cmdlet,
        [string]$SequenceName = '',
        [TsSequence.TsEnvironment]$Environment,
        [System.Collections.IDictionary]$Variables,
        [System.Collections.IDictionary]$OverrideVariables,
        [string[]]$SecretNames = @(),
        [scriptblock]$OnEvent,
        [scriptblock]$NodeStepHandler,
        [string]$BaseDirectory,
        [switch]$WhatIf
    )
    $arguments = @{}
    foreach ($name in @($PSBoundParameters.Keys)) { if ($name -ne 'Cmdlet') { $arguments[$name] = $PSBoundParameters[$name] } }
    try {
        return New-TsRunContext @arguments
    }
    catch {
        $reason = (Get-TsInnermostError -ErrorRecord $_).Message
        $Cmdlet.ThrowTerminatingError((New-TsErrorRecord -Message "Invalid variables; nothing was run: $reason" -ErrorId 'InvalidVariable' -Category InvalidArgument -Target $Variables))
    }
}
