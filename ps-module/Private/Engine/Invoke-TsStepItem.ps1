function Invoke-TsStepItem {
    <#
    .SYNOPSIS
    Runs one step: resolves its parameters, calls its runner, judges the exit code, sets the
    _SMSTSLastAction* variables and settles the result entry.
    .DESCRIPTION
    Each step type's behaviour lives in a runner named Invoke-TsStep<Type> (Private/Steps);
    a type without a runner fails with a clear "not implemented yet" message. Runners return
    @{ ExitCode = <int>; Message = <string> } and throw for configuration errors.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$Step,
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Path
    )
    $type = [string]$Step['type']
    $name = [string]$Step['name']
    $environment = $Context.Environment
    $continueOnError = $Step.Contains('continueOnError') -and $Step['continueOnError'] -eq $true
    $entry = New-TsResultEntry -Path $Path -Type $type
    $Context.Results.Add($entry)

    Start-TsResultEntry -Entry $entry -Context $Context
    Write-TsLog -Context $Context -Message "Start executing an instruction. Instruction name: '$name'. Type: '$type'." -Path $Path

    $exitCode = $null
    $succeeded = $false
    $message = ''
    try {
        $parameters = Resolve-TsStepParameters -Step $Step -Context $Context
        $runner = Get-TsStepRunner -Type $type
        if ($Context.WhatIf) {
            $result = @{ ExitCode = 0; Message = "What if: the $type step would run here." }
        }
        else {
            # A runner's stray pipeline output must not be mistaken for its result: the result is the last object.
            $result = @(& $runner -Parameters $parameters -Context $Context -Path $Path)[-1]
        }
        $exitCode = [int]$result.ExitCode
        if ($result.ContainsKey('Message') -and $null -ne $result.Message) { $message = [string]$result.Message }
        $successCodes = @(0)
        if ($parameters.ContainsKey('successCodes') -and $null -ne $parameters['successCodes']) { $successCodes = @($parameters['successCodes']) }
        $succeeded = $successCodes -contains $exitCode
        if (-not $succeeded -and [string]::IsNullOrEmpty($message)) {
            $message = "Exit code $exitCode is not a success code ($($successCodes -join ', '))."
        }
        if ($succeeded -and $exitCode -eq 3010) {
            Write-TsLog -Context $Context -Level warning -Message 'The step asked for a restart (exit code 3010); restart and resume are not implemented yet, so the sequence continues without restarting.' -Path $Path
        }
    }
    catch {
        if ($null -eq $exitCode) { $exitCode = 1 }
        $succeeded = $false
        $message = (Get-TsInnermostError -ErrorRecord $_).Message
    }

    $environment.SetSystem('_SMSTSLastActionRetCode', [string]$exitCode)
    $environment.SetSystem('_SMSTSLastActionSucceeded', $(if ($succeeded) { 'true' } else { 'false' }))
    $environment.SetSystem('_SMSTSLastActionName', $name)
    if ($succeeded) {
        Write-TsLog -Context $Context -Message "Successfully completed the action ($name) with the exit win32 code $exitCode" -Path $Path
    }
    else {
        Write-TsLog -Context $Context -Level error -Message "Failed to run the action: $name. $message (exit code $exitCode)" -Path $Path
    }
    return Complete-TsResultEntry -Entry $entry -Context $Context -Succeeded $succeeded -ContinueOnError $continueOnError -ExitCode $exitCode -Message $message
}
