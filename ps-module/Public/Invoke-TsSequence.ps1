function Invoke-TsSequence {
    <#
    .SYNOPSIS
    Runs a task sequence document and returns its result document.
    .DESCRIPTION
    Reads the sequence (a JSON file, or an object/hashtable), validates all of it against the
    step model before anything runs, then runs its steps and groups in order with ConfigMgr's
    semantics: disabled items and false conditions skip, a failure stops its group unless
    continueOnError absorbs it. Returns the result document: status (Succeeded, Failed or
    RestartPending), exitCode (0, 1 or 3010), every step and group with path, status, skipReason, exitCode, timing
    and message, and the final variables with secret values masked.

    Before the first step the engine sets ConfigMgr's built-in read-only variables, among them
    _SMSTSPackageID and _SMSTSPackageName (the document's id and name), _SMSTSAdvertID (a new
    id for each run), _SMSTSMDataPath (the run's private folder,
    <data home>/tsseq/runs/<_SMSTSAdvertID>, where the data home is $XDG_DATA_HOME or
    ~/.local/share on Linux and macOS and %LOCALAPPDATA% on Windows) and _SMSTSLogPath (its Logs
    subfolder, where scripts may write their logs). The run folder is the state folder: the
    state is saved there before every step (not with -WhatIf). A default run folder loses its
    state files when the run finishes; its Logs folder (smsts.log) stays. While a run runs it
    holds its state folder's lock (state.lock): another run or a resume in that folder is refused
    until it ends. A -WhatIf run creates no folder.

    When a step asks for a restart (Restart Computer, exit code 3010, SMSTSRebootRequested, or on
    Unix the creation of /var/run/reboot-required) the run ends after it with status
    RestartPending (exitCode 3010) once the restart provider acted; Resume-TsSequence continues it.
    The state folder is written as a verbose record at the start (-Verbose).
    .PARAMETER Path
    Path of a sequence document (JSON). Relative paths inside it (working directories,
    script files) are taken from the folder of this file.
    .PARAMETER InputObject
    A sequence document as a hashtable or object (for example from ConvertFrom-Json).
    .PARAMETER Variables
    Variables to set before the first step; they override the document's own variables.
    .PARAMETER SecretVariable
    Names of variables (from -Variables or the document) whose values must be masked.
    .PARAMETER StateDirectory
    Folder the run saves its state in before every step (for restart and resume with
    Resume-TsSequence): created private if missing (0700 on Unix, owner-only ACL on Windows);
    a folder that is not private, not yours, or holds a run already is refused. Secret values are
    saved encrypted (DPAPI on Windows, AES-GCM with a key file on Unix). Default: a new folder per
    run under the user's data directory.
    .PARAMETER LogPath
    The smsts.log-style log file (CMTrace format). Default: smsts.log in the state folder's Logs folder.
    .PARAMETER NoState
    Saves no state: the run cannot be resumed, and a restart a step asks for ends the run
    RestartPending without restarting the computer. The run folder and its log (smsts.log) are
    still written; give -LogPath to put the log elsewhere. Cannot be combined with -StateDirectory.
    .PARAMETER RestartProvider
    Who acts when a step asks for a restart: exit (default: save state and return with status
    RestartPending), windows (restart the computer and resume at boot) or systemd (the same
    through a systemd unit).
    .PARAMETER BaseDirectory
    Folder that relative paths are taken from when -InputObject is used (default: current directory).
    .PARAMETER OnEvent
    A script block called with each event (stepStarted, stepFinished, log, output, progress) as a dictionary.
    .EXAMPLE
    PS> Invoke-TsSequence -Path ./examples/hello.json -Variables @{ Platform = 'linux' }
    .OUTPUTS
    System.Management.Automation.PSCustomObject
    #>
    [CmdletBinding(DefaultParameterSetName = 'Path', SupportsShouldProcess = $true)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true, ParameterSetName = 'Path', Position = 0)][string]$Path,
        [Parameter(Mandatory = $true, ParameterSetName = 'InputObject', ValueFromPipeline = $true)][object]$InputObject,
        [System.Collections.IDictionary]$Variables,
        [string[]]$SecretVariable = @(),
        [string]$StateDirectory,
        [string]$LogPath,
        [ValidateSet('exit', 'windows', 'systemd')][string]$RestartProvider = 'exit',
        [switch]$NoState,
        [string]$BaseDirectory,
        [scriptblock]$OnEvent
    )
    process {
        $listener = $null
        if ($null -ne $OnEvent) { $listener = [TsSequence.Engine.Hosts.ScriptBlockListener]::new($OnEvent) }
        try {
            # The engine core reads, validates and runs the document (TsSequence.Engine.SequenceRun).
            if ($PSCmdlet.ParameterSetName -eq 'Path') {
                $source = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
                $document = [TsSequence.Documents.SequenceFile]::Read($source)
                if (-not $PSBoundParameters.ContainsKey('BaseDirectory')) { $BaseDirectory = [System.IO.Path]::GetDirectoryName($source) }
            }
            else {
                $document = [TsSequence.Documents.PlainData]::From($InputObject)
                $source = 'the input object'
            }
            if ([string]::IsNullOrEmpty($BaseDirectory)) { $BaseDirectory = $PSCmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath }
            $options = [TsSequence.Engine.RunOptions]::new()
            if ($StateDirectory) { $options.StateDirectory = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($StateDirectory) }
            if ($LogPath) { $options.LogPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($LogPath) }
            $options.RestartProvider = $RestartProvider
            $options.WhatIf = [bool]$WhatIfPreference
            $options.NoState = [bool]$NoState
            $result = [TsSequence.Engine.SequenceRun]::Run($document, $source, $Variables, $SecretVariable, $BaseDirectory,
                [TsSequence.Engine.Hosts.CmdletRunHost]::new($PSCmdlet, $VerbosePreference), $listener,
                [TsSequence.Engine.AttachedNodeSteps]::For($PSCmdlet), $options)
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((ConvertTo-TsErrorRecord -ErrorRecord $_))
        }
        [TsSequence.Commands.ResultObjects]::ToPSObject($result)
    }
}
