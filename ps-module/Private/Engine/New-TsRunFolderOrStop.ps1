function New-TsRunFolderOrStop {
    <#
    .SYNOPSIS
    The run folder for a public command (a new one per sequence run, or with -Session the
    session's); when it cannot be created the command stops before anything runs.
    #>
    [CmdletBinding()]
    [OutputType([TsSequence.RunFolder])]
    param(
        [Parameter(Mandatory = $true)][System.Management.Automation.PSCmdlet]$Cmdlet,
        [switch]$Session
    )
    try {
        if ($Session) { return Get-TsSessionRun }
        return [TsSequence.RunFolder]::Create()
    }
    catch {
        $reason = (Get-TsInnermostError -ErrorRecord $_).Message
        $Cmdlet.ThrowTerminatingError((New-TsErrorRecord -Message "Cannot create the run folder (_SMSTSMDataPath); nothing was run: $reason" -ErrorId 'RunFolderUnavailable' -Category ResourceUnavailable))
    }
}
