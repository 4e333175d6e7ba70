function New-TsRunContextOrStop {
    <#
    .SYNOPSIS
    New-TsRunContext for a public command: a refused initial variable stops the command with
    a proper error record (id TsSequence.InvalidVariable) before anything runs.
    .PARAMETER Arguments
    The parameters for New-TsRunContext, splatted as given.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][System.Management.Automation.PSCmdlet]$Cmdlet,
        [Parameter(Mandatory = $true)][hashtable]$Arguments
    )
    try {
        return New-TsRunContext @Arguments
    }
    catch {
        $reason = (Get-TsInnermostError -ErrorRecord $_).Message
        $Cmdlet.ThrowTerminatingError((New-TsErrorRecord -Message "Invalid variables; nothing was run: $reason" -ErrorId 'InvalidVariable' -Category InvalidArgument -Target $Arguments['Variables']))
    }
}
