function Invoke-TsStepRunCommandLine {
    <#
    .SYNOPSIS
    Run Command Line (SMS_TaskSequence_RunCommandLineAction): runs a command line and records its exit code.
    .DESCRIPTION
    On Unix the command line runs through /bin/sh -c (it is shell code by design); on Windows
    it is started directly, as ConfigMgr does (use cmd.exe /c for pipes and redirection).
    The compiled ProcessRunner closes standard input (a command reading it gets end-of-file),
    keeps only the tail of stdout and stderr in arrival order (memory stays bounded whatever
    the command prints), and on timeout kills the whole process tree; the step then fails
    with exit code 1460 (ERROR_TIMEOUT).
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
    Assert-TsOutputVariableName -Parameters $Parameters
    $commandLine = [string]$Parameters['commandLine']
    $workingDirectory = Resolve-TsWorkingDirectory -Context $Context -Directory ([string]$Parameters['workingDirectory'])
    $environment = $Context.Environment

    $doNotLog = [string]::Equals($environment.Get('OSDDoNotLogCommand'), 'TRUE', [System.StringComparison]::OrdinalIgnoreCase)
    if ($doNotLog) { Write-TsLog -Context $Context -Message 'Executing command line: (hidden because OSDDoNotLogCommand=TRUE)' -Path $Path }
    else { Write-TsLog -Context $Context -Message "Executing command line: $commandLine" -Path $Path }

    $startInfo = New-TsProcessStartInfo -CommandLine $commandLine -WorkingDirectory $workingDirectory
    # The tail kept is long enough for Set-TsOutputVariable to see a secret cut at the 1000-character mark.
    $keep = 1000 + $environment.LongestSecretLength
    $run = [TsSequence.ProcessRunner]::Run($startInfo, (Get-TsTimeoutMilliseconds -Parameters $Parameters), $keep, 2000)
    if (-not $run.Started) {
        throw [System.InvalidOperationException]::new("The command could not be started: $($run.StartError)")
    }
    if ($Parameters.ContainsKey('outputVariableName') -and -not [string]::IsNullOrEmpty([string]$Parameters['outputVariableName'])) {
        Set-TsOutputVariable -Context $Context -Name ([string]$Parameters['outputVariableName']) -Text $run.OutputTail
    }
    if ($run.TimedOut) {
        return @{ ExitCode = 1460; Message = "The command line timed out after $($Parameters['timeoutMinutes']) minute(s); its process tree was terminated." }
    }
    Write-TsLog -Context $Context -Message "Process completed with exit code $($run.ExitCode)" -Path $Path
    return @{ ExitCode = [int]$run.ExitCode; Message = '' }
}
