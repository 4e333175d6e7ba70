function Invoke-TsStepCore {
    <#
    .SYNOPSIS
    Runs one step (or group) outside a sequence: the shared core of Invoke-TsStep and the bridge.
    .DESCRIPTION
    With -Variables the step gets a fresh environment seeded from them; without, it uses the
    session environment that Get-TsVariable/Set-TsVariable manage, so consecutive
    Invoke-TsStep calls in a console share variables. Either way the built-in variables name
    the session's run folder (Get-TsSessionRun): one folder per session, not one per call. Returns the step's result entry plus
    'variables' (the environment after the step, secrets masked).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)][object]$Step,
        [System.Collections.IDictionary]$Variables,
        [string[]]$SecretNames = @(),
        [scriptblock]$OnEvent,
        [scriptblock]$NodeStepHandler,
        [string]$BaseDirectory,
        # Invoke-TsStep's $PSCmdlet: its -WhatIf/-Confirm decide whether the step runs at all.
        [System.Management.Automation.PSCmdlet]$Caller,
        [switch]$AsDictionary
    )
    $plainStep = ConvertTo-TsPlainData -InputObject $Step
    $errors = [System.Collections.Generic.List[string]]::new()
    Test-TsStepDefinition -Step $plainStep -JsonPath '$' -Errors $errors
    if ($errors.Count -gt 0) {
        $PSCmdlet.ThrowTerminatingError((New-TsErrorRecord -Message "The step is not valid; it was not run:`n  $($errors -join "`n  ")" -ErrorId 'InvalidStep' -Category InvalidArgument -Target $plainStep))
    }
    if ($null -ne $Caller -and -not $Caller.ShouldProcess("step '$($plainStep['name'])' ($($plainStep['type']))", 'Run task sequence step')) { return }
    $run = New-TsRunFolderOrStop -Cmdlet $PSCmdlet -Session
    $contextArguments = @{
        Run = $run; InstructionCount = (Measure-TsInstructionCount -Items @($plainStep))
        OnEvent = $OnEvent; NodeStepHandler = $NodeStepHandler; BaseDirectory = $BaseDirectory; SecretNames = $SecretNames
    }
    if ($PSBoundParameters.ContainsKey('Variables') -and $null -ne $Variables) { $contextArguments['Variables'] = $Variables }
    else { $contextArguments['Environment'] = Get-TsSessionEnvironment }
    $context = New-TsRunContextOrStop -Cmdlet $PSCmdlet -Arguments $contextArguments
    [void](Invoke-TsItem -Item $plainStep -Context $context -Path ([string]$plainStep['name']))
    $result = [ordered]@{}
    foreach ($key in $context.Results[0].Keys) { $result[$key] = $context.Results[0][$key] }
    $result['variables'] = Get-TsResultVariables -Environment $context.Environment
    if ($AsDictionary) { return $result }
    return [pscustomobject]$result
}
