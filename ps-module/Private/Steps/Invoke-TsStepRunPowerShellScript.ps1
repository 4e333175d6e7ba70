function Invoke-TsStepRunPowerShellScript {
    <#
    .SYNOPSIS
    Run PowerShell Script (SMS_TaskSequence_RunPowerShellScriptAction): runs an inline script or a script file.
    .DESCRIPTION
    An inline sourceScript is written to a temporary .ps1 (as ConfigMgr does) so `exit N`
    behaves as in a script file; the script runs in a fresh runspace with $tsenv, its
    parameters passed as data, under executionPolicy on Windows (elsewhere PowerShell has no
    execution policy). A scriptName must end in .ps1, as powershell.exe -File requires: any
    other file would be started as a program. The exit code is N of `exit N`, 1 for a
    terminating error, else 0 (as with -File, a native command's exit code does not leak). Non-terminating errors do not fail the step,
    as with powershell.exe -File, with one exception: a script that called a command that
    does not exist did not do its work, so the step fails naming every such command (a green
    step that skipped its work is the worse outcome). Every error is in the step's message
    with its line and position, and in the log. Progress the script reports (Write-Progress,
    TsProgressUI) becomes 'progress' events of this step.
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
        if (-not $scriptName.EndsWith('.ps1', [System.StringComparison]::OrdinalIgnoreCase)) {
            throw [System.ArgumentException]::new("Processing -File '$scriptName' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name (scriptName), and then try again.")
        }
        $scriptPath = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($Context.BaseDirectory, $scriptName))
        if (-not [System.IO.File]::Exists($scriptPath)) { throw [System.IO.FileNotFoundException]::new("The script '$scriptPath' does not exist.") }
        Write-TsLog -Context $Context -Message "Running the PowerShell script $scriptPath" -Path $Path
    }
    if ($logParameters) { Write-TsLog -Context $Context -Message "Script parameters: $($Parameters['parameters'])" -Path $Path }

    try {
        # Called further down this call, so $Context and $Path are found here (dynamic scoping);
        # not GetNewClosure(), which would lose the module's private functions.
        $onProgress = $null
        if ($null -ne $Context.OnEvent) { $onProgress = { param($record) Send-TsProgressEvent -Context $Context -Record $record -Path $Path } }
        $run = Invoke-TsScriptInRunspace -ScriptPath $scriptPath -Arguments $arguments -WorkingDirectory $workingDirectory -Environment $Context.Environment -TimeoutMilliseconds (Get-TsTimeoutMilliseconds -Parameters $Parameters) -ExecutionPolicy ([string]$Parameters['executionPolicy']) -OnProgress $onProgress
    }
    finally {
        if ($null -ne $temporaryScript) { [System.IO.Directory]::Delete($temporaryScript.Folder, $true) }
    }
    $report = Get-TsScriptErrorReport -Errors $run.Errors -TerminatingError $run.TerminatingError -ScriptPath $scriptPath -Environment $Context.Environment
    foreach ($record in $run.Warnings) { Write-TsLog -Context $Context -Level warning -Message "Script warning: $record" -Path $Path }
    foreach ($record in $run.Verbose) { Write-TsLog -Context $Context -Level verbose -Message "Script verbose: $record" -Path $Path }
    foreach ($entry in $report.Entries) { Write-TsLog -Context $Context -Level warning -Message "Script error: $entry" -Path $Path }
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
    $exitCode = $run.ExitCode
    if ($report.MissingCommands.Count -gt 0 -and $exitCode -eq 0) { $exitCode = 1 }
    return @{ ExitCode = $exitCode; Message = $report.Message }
}
