function Invoke-TsSequence {
    <#
    .SYNOPSIS
    Runs a task sequence document and returns its result document.
    .DESCRIPTION
    Reads the sequence (a JSON file, or an object/hashtable), validates all of it against the
    step model before anything runs, then runs its steps and groups in order with ConfigMgr's
    semantics: disabled items and false conditions skip, a failure stops its group unless
    continueOnError absorbs it. Returns the result document: status (Succeeded or Failed),
    exitCode (0 or 1), every step and group with path, status, skipReason, exitCode, timing
    and message, and the final variables with secret values masked.

    Before the first step the engine sets ConfigMgr's built-in read-only variables, among them
    _SMSTSPackageID and _SMSTSPackageName (the document's id and name), _SMSTSAdvertID (a new
    id for each run), _SMSTSMDataPath (the run's private folder,
    <data home>/tsseq/runs/<_SMSTSAdvertID>, where the data home is $XDG_DATA_HOME or
    ~/.local/share on Linux and macOS and %LOCALAPPDATA% on Windows) and _SMSTSLogPath (its Logs
    subfolder, where scripts may write their logs). A run folder still empty at the end of the
    run is removed.
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
    Reserved for restart and resume (not implemented yet).
    .PARAMETER LogPath
    Reserved for the smsts-style log file (not implemented yet).
    .PARAMETER BaseDirectory
    Folder that relative paths are taken from when -InputObject is used (default: current directory).
    .PARAMETER OnEvent
    A script block called with each event (stepStarted, stepFinished, log) as a dictionary.
    .PARAMETER NodeStepHandler
    Used by the Node bridge: the script block that runs Node steps. Not for direct use.
    .PARAMETER AsDictionary
    Used by the Node bridge: return the result as ordered dictionaries instead of objects.
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
        [string]$BaseDirectory,
        [scriptblock]$OnEvent,
        [Parameter(DontShow = $true)][scriptblock]$NodeStepHandler,
        [Parameter(DontShow = $true)][switch]$AsDictionary
    )
    process {
        if ($PSCmdlet.ParameterSetName -eq 'Path') {
            $fullPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
            $document = Read-TsSequenceFile -Path $fullPath -Cmdlet $PSCmdlet
            if (-not $PSBoundParameters.ContainsKey('BaseDirectory')) { $BaseDirectory = [System.IO.Path]::GetDirectoryName($fullPath) }
            $source = $fullPath
        }
        else {
            $document = ConvertTo-TsPlainData -InputObject $InputObject
            $source = 'the input object'
        }
        if ([string]::IsNullOrEmpty($BaseDirectory)) { $BaseDirectory = $PSCmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath }
        $problems = Test-TsDocument -Document $document
        if ($problems.Count -gt 0) {
            $message = "The sequence in $source is not valid; nothing was run:`n  $($problems -join "`n  ")"
            $PSCmdlet.ThrowTerminatingError((New-TsErrorRecord -Message $message -ErrorId 'InvalidSequence' -Category InvalidData -Target $source))
        }
        foreach ($reserved in @('StateDirectory', 'LogPath')) {
            if ($PSBoundParameters.ContainsKey($reserved)) { $PSCmdlet.WriteWarning("-$reserved is not implemented yet; it has no effect on this run.") }
        }
        $whatIf = [bool]$WhatIfPreference
        $run = New-TsRunFolderOrStop -Cmdlet $PSCmdlet
        try {
            $context = New-TsRunContextOrStop -Cmdlet $PSCmdlet -Arguments @{
                Run = $run; SequenceId = [string]$document['id']; SequenceName = [string]$document['name']
                InstructionCount = (Measure-TsInstructionCount -Items @($document['steps']))
                Variables = $document['variables']; OverrideVariables = $Variables; SecretNames = $SecretVariable
                OnEvent = $OnEvent; NodeStepHandler = $NodeStepHandler; BaseDirectory = $BaseDirectory; WhatIf = $whatIf
            }
            $completed = Invoke-TsItemList -Items @($document['steps']) -Context $context
            $result = [ordered]@{
                status    = $(if ($completed) { 'Succeeded' } else { 'Failed' })
                exitCode  = $(if ($completed) { 0 } else { 1 })
                steps     = @(foreach ($entry in $context.Results) { if ($AsDictionary) { $entry } else { [pscustomobject]$entry } })
                variables = Get-TsResultVariables -Environment $context.Environment
            }
        }
        finally {
            [void]$run.RemoveIfEmpty()
        }
        if ($AsDictionary) { return $result }
        return [pscustomobject]$result
    }
}
