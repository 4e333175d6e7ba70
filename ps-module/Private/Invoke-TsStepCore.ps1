function Invoke-TsStepCore {
    <#
    .SYNOPSIS
    Runs one step (or group) outside a sequence for the generated Invoke-TsStep, on the engine core.
    .DESCRIPTION
    With -Variables the step gets a fresh environment seeded from them; without, it uses the
    session environment that Get-TsVariable/Set-TsVariable manage (TsSequence.Engine.StepRun).
    Relative paths start at the current location. A Node step calls the Node handlers of the
    bridge request running in this process, if any (a script run from Node; see
    TsSequence.Engine.AttachedNodeSteps); elsewhere it fails saying so. Returns the step's result entry plus
    'variables' (secrets masked), or nothing when -WhatIf/-Confirm declines.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)][object]$Step,
        [System.Collections.IDictionary]$Variables,
        # Invoke-TsStep's $PSCmdlet: its -WhatIf/-Confirm decide whether the step runs at all, its -Verbose shows the log.
        [Parameter(Mandatory = $true)][System.Management.Automation.PSCmdlet]$Caller
    )
    $confirm = [System.Func[string, bool]] { param($target) $Caller.ShouldProcess($target, 'Run task sequence step') }
    try {
        $result = [TsSequence.Engine.StepRun]::Run($Step, $script:TsSession, $Variables, $null,
            $Caller.SessionState.Path.CurrentFileSystemLocation.ProviderPath,
            [TsSequence.Engine.Hosts.CmdletRunHost]::new($Caller, $VerbosePreference), $null,
            [TsSequence.Engine.AttachedNodeSteps]::For($Caller), $confirm)
    }
    catch {
        $Caller.ThrowTerminatingError((ConvertTo-TsErrorRecord -ErrorRecord $_))
    }
    if ($null -ne $result) { [TsSequence.Commands.ResultObjects]::ToPSObject($result) }
}
