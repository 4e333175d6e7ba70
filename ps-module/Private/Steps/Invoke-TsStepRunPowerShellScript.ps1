function Invoke-TsStepRunPowerShellScript {
    <#
    .SYNOPSIS
    Run PowerShell Script (SMS_TaskSequence_RunPowerShellScriptAction): runs an inline script or a script file.
    .DESCRIPTION
    An inline sourceScript is written to a temporary .ps1 (as ConfigMgr does) so `exit N`
    behaves as in a script file; the script runs in a fresh runspace with $tsenv, its
    parameters passed as data, under executionPolicy on Windows (elsewhere PowerShell has no
    execution policy). The exit code is $LASTEXITCODE (set by `exit N`), 1 for a
    terminating error, else 0. Non-terminating errors are logged and do not fail the step,
    as with powershell.exe -File.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Parameters,
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [string]$Path
    )
    Assert-TsUnsupportedOption -Parameters $Parameters -Name 'packageId' -Reason 'package content needs the content catalog, which is not implemented yet; give scriptName as a path instead.'
    Assert-TsUnsupportedOption -Parameters $Parameters -Name 'runAsUser' -Reason 'running as another user is not implemented yet.'
    Assert-TsOutputVariableName -Parameters $Parameters
    $source = [string]$Parameters['sourceScript']
    $scriptName = [string]$Parameters['scriptName']
    if ([string]::IsNullOrEmpty($source) -and [string]::IsNullOrEmpty($scriptName)) {
        throw [System.ArgumentException]::new('Give the script inline (sourceScript) or as a file (scriptName).')
    }
    $workingDirectory = Resolve-TsWorkingDirectory -Context $Context -Directory ([string]$Parameters['workingDirectory'])
    $arguments = ConvertTo-TsScriptArgumentList -Parameters $Parameters['parameters'] -Context $Context
    $logParameters = [string]::Equals($Context.Environment.Get('OSDLogPowerShellParameters'), 'TRUE', [System.StringComparison]::OrdinalIgnoreCase)

    $temporaryScript = $null
    if (-not [string]::IsNullOrEmpty($source)) {
        $temporaryScript = New-TsPrivateScriptFile -Source $source
        $scriptPath = $temporaryScript.File
        Write-TsLog -Context $Context -Message 'Running the inline PowerShell script' -Path $Path
    }
    else {
        $scriptPath = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($Context.BaseDirectory, $scriptName))
        if (-not [System.IO.File]::Exists($scriptPath)) { throw [System.IO.FileNotFoundException]::new("The script '$scriptPath' does not exist.") }
        Write-TsLog -Context $Context -Message "Running the PowerShell script $scriptPath" -Path $Path
    }
    if ($logParameters) { Write-TsLog -Context $Context -Message "Script parameters: $($Parameters['parameters'])" -Path $Path }

    try {
        $run = Invoke-TsScriptInRunspace -ScriptPath $scriptPath -Arguments $arguments -WorkingDirectory $workingDirectory -Environment $Context.Environment -TimeoutMilliseconds (Get-TsTimeoutMilliseconds -Parameters $Parameters) -ExecutionPolicy ([string]$Parameters['executionPolicy'])
    }
    finally {
        if ($null -ne $temporaryScript) { [System.IO.Directory]::Delete($temporaryScript.Folder, $true) }
    }
    foreach ($record in $run.Warnings) { Write-TsLog -Context $Context -Level warning -Message "Script warning: $record" -Path $Path }
    foreach ($record in $run.Verbose) { Write-TsLog -Context $Context -Level verbose -Message "Script verbose: $record" -Path $Path }
    foreach ($record in $run.Errors) { Write-TsLog -Context $Context -Level warning -Message "Script error: $record" -Path $Path }
    if ($run.ConsoleText.Length -gt 0) {
        # What the script wrote to [Console] still reaches the console, but only through the mask.
        [System.Console]::Out.Write($Context.Environment.Mask($run.ConsoleText))
    }
    if ($Parameters.ContainsKey('outputVariableName') -and -not [string]::IsNullOrEmpty([string]$Parameters['outputVariableName'])) {
        Set-TsOutputVariable -Context $Context -Name ([string]$Parameters['outputVariableName']) -Text ($run.Output + $run.ConsoleText)
    }
    if ($run.TimedOut) {
        return @{ ExitCode = 1460; Message = "The script timed out after $($Parameters['timeoutMinutes']) minute(s) and was stopped." }
    }
    $message = ''
    if ($null -ne $run.TerminatingError) { $message = "The script failed: $($run.TerminatingError.Message)" }
    elseif ($run.Errors.Count -gt 0) {
        # Like powershell.exe -File, errors that did not stop the script do not fail the step; say so.
        $message = "The script reported $($run.Errors.Count) error(s) but completed; the first: $($run.Errors[0])"
    }
    $exitCode = $run.ExitCode
    $missing = Get-TsMissingCommandAdvice -Errors (@($run.Errors) + @($run.TerminatingError))
    if ($missing) {
        $message = ($message + ' ' + $missing).Trim()
        # A script that needs what the embedded engine lacks did not do its job: fail the step
        # with the advice rather than report a success built on errors.
        if ($exitCode -eq 0 -and (Test-TsReducedEngine)) { $exitCode = 1 }
    }
    return @{ ExitCode = $exitCode; Message = $message }
}
