function Invoke-TsStepRunCommandLine {
    <#
    .SYNOPSIS
    Run Command Line (SMS_TaskSequence_RunCommandLineAction): runs a command line and records its exit code.
    .DESCRIPTION
    On Unix the command line runs through /bin/sh -c (it is shell code by design); on Windows
    it is started directly, as ConfigMgr does (use cmd.exe /c for pipes and redirection).
    Standard input is closed so a command that reads it gets end-of-file instead of hanging.
    stdout then stderr feed the output variable (last 1000 characters). On timeout the whole
    process tree is killed and the step fails with exit code 1460 (ERROR_TIMEOUT).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Parameters,
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [string]$Path
    )
    Assert-TsUnsupportedOption -Parameters $Parameters -Name 'packageId' -Reason 'package content needs the content catalog, which is not implemented yet.'
    Assert-TsUnsupportedOption -Parameters $Parameters -Name 'runAsUser' -Reason 'running as another user is not implemented yet.'
    $commandLine = [string]$Parameters['commandLine']
    $workingDirectory = Resolve-TsWorkingDirectory -Context $Context -Directory ([string]$Parameters['workingDirectory'])

    $doNotLog = [string]::Equals($Context.Environment.Get('OSDDoNotLogCommand'), 'TRUE', [System.StringComparison]::OrdinalIgnoreCase)
    if ($doNotLog) { Write-TsLog -Context $Context -Message 'Executing command line: (hidden because OSDDoNotLogCommand=TRUE)' -Path $Path }
    else { Write-TsLog -Context $Context -Message "Executing command line: $commandLine" -Path $Path }

    $startInfo = New-TsProcessStartInfo -CommandLine $commandLine -WorkingDirectory $workingDirectory
    $run = Invoke-TsProcess -StartInfo $startInfo -TimeoutMilliseconds (Get-TsTimeoutMilliseconds -Parameters $Parameters)
    if ($Parameters.ContainsKey('outputVariableName') -and -not [string]::IsNullOrEmpty([string]$Parameters['outputVariableName'])) {
        Set-TsOutputVariable -Context $Context -Name ([string]$Parameters['outputVariableName']) -Text ($run.StandardOutput + $run.StandardError)
    }
    if ($run.TimedOut) {
        return @{ ExitCode = 1460; Message = "The command line timed out after $($Parameters['timeoutMinutes']) minute(s); its process tree was terminated." }
    }
    Write-TsLog -Context $Context -Message "Process completed with exit code $($run.ExitCode)" -Path $Path
    return @{ ExitCode = $run.ExitCode; Message = '' }
}
