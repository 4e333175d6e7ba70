function Resume-TsSequence {
    <#
    .SYNOPSIS
    Continues a task sequence run from its saved state, after a restart or a crash.
    .DESCRIPTION
    Reads the state an Invoke-TsSequence run saved before every step in its state folder and
    continues at the step it names: after a restart, with the next step (or the same one when
    SMSTSRetryRequested was set); after a crash in the middle of a step, that step runs again if
    it has retryCount left and fails otherwise, as ConfigMgr does. A run that already finished
    says so and returns its result. A sequence document changed since the run started (the saved
    copy against its hash, and the sequence file when the run came from one that still exists) is
    refused, as is a missing or corrupt state, naming the file, and a folder whose run is still
    running in another process (StateFolderInUse). The result covers the whole run.
    .PARAMETER StateDirectory
    The folder the interrupted run saved its state in (its -StateDirectory, or the folder it printed).
    .PARAMETER LogPath
    The log file to continue writing (default: the run's own log).
    .PARAMETER RestartProvider
    Who acts on a further restart: exit (default), windows or systemd.
    .PARAMETER OnEvent
    A script block called with each event (stepStarted, stepFinished, log, output, progress) as a dictionary.
    .EXAMPLE
    PS> Resume-TsSequence -StateDirectory ./state
    .OUTPUTS
    System.Management.Automation.PSCustomObject
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true, Position = 0)][string]$StateDirectory,
        [string]$LogPath,
        [ValidateSet('exit', 'windows', 'systemd')][string]$RestartProvider = 'exit',
        [scriptblock]$OnEvent
    )
    $full = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($StateDirectory)
    if (-not $PSCmdlet.ShouldProcess($full, 'Resume task sequence')) { return }
    $listener = $null
    if ($null -ne $OnEvent) { $listener = [TsSequence.Engine.Hosts.ScriptBlockListener]::new($OnEvent) }
    try {
        $options = [TsSequence.Engine.RunOptions]::new()
        $options.StateDirectory = $full
        if ($LogPath) { $options.LogPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($LogPath) }
        $options.RestartProvider = $RestartProvider
        $result = [TsSequence.Engine.SequenceRun]::Resume([TsSequence.Engine.Hosts.CmdletRunHost]::new($PSCmdlet, $VerbosePreference), $listener,
            [TsSequence.Engine.AttachedNodeSteps]::For($PSCmdlet), $options)
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((ConvertTo-TsErrorRecord -ErrorRecord $_))
    }
    [TsSequence.Commands.ResultObjects]::ToPSObject($result)
}
