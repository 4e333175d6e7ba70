function Resume-TsSequence {
    <#
    .SYNOPSIS
    Continues a sequence that stopped for a restart (not implemented yet).
    .DESCRIPTION
    Restart and resume (saved state, `tsseq resume`) are planned; until then this command
    fails with a clear message instead of pretending to resume.
    .PARAMETER StateDirectory
    The folder the interrupted run saved its state in.
    .EXAMPLE
    PS> Resume-TsSequence -StateDirectory /var/lib/tsseq
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([Parameter(Mandatory = $true)][string]$StateDirectory)
    if (-not $PSCmdlet.ShouldProcess($StateDirectory, 'Resume task sequence')) { return }
    $PSCmdlet.ThrowTerminatingError([TsSequence.Engine.EngineException]::new('NotImplemented', [System.Management.Automation.ErrorCategory]::NotImplemented, 'Resume-TsSequence: restart and resume are not implemented yet in this version of tsseq.', $StateDirectory, $null).ErrorRecord)
}
