function Invoke-TsScriptInRunspace {
    <#
    .SYNOPSIS
    Runs a .ps1 file in a fresh runspace of this engine, with $tsenv, arguments as data and a timeout.
    .DESCRIPTION
    A separate runspace keeps the script's variables and functions out of the engine, lets a
    timeout stop it, and gives `exit N` its script-file meaning ($LASTEXITCODE). It is built
    from this runspace's InitialSessionState, so the script sees the same commands the engine
    has. Arguments go through AddParameter/AddArgument: values are never turned into code.
    Host output (Write-Host, Information) is merged into the output so the output variable
    reads like the console would.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][string]$ScriptPath,
        [AllowEmptyCollection()][object[]]$Arguments = @(),
        [Parameter(Mandatory = $true)][string]$WorkingDirectory,
        [Parameter(Mandatory = $true)][TsSequence.TsEnvironment]$Environment,
        [int]$TimeoutMilliseconds = -1,
        [string]$ExecutionPolicy
    )
    $sessionState = [runspace]::DefaultRunspace.InitialSessionState
    if ($null -eq $sessionState) { $sessionState = [initialsessionstate]::CreateDefault2() }
    # Execution policy exists only on Windows; setting it elsewhere throws when the runspace opens.
    if ($script:TsIsWindows -and -not [string]::IsNullOrEmpty($ExecutionPolicy) -and $ExecutionPolicy -ne 'Undefined') {
        $sessionState = $sessionState.Clone()
        $sessionState.ExecutionPolicy = [Microsoft.PowerShell.ExecutionPolicy]$ExecutionPolicy
    }
    # The engine's own host: scripts may use $Host.UI, and Write-Host needs a UI to write to.
    $runspace = [runspacefactory]::CreateRunspace($Host, $sessionState)
    $shell = $null
    try {
        $runspace.Open()
        $runspace.SessionStateProxy.SetVariable('tsenv', $Environment)
        $runspace.SessionStateProxy.SetVariable('LASTEXITCODE', 0)
        [void]$runspace.SessionStateProxy.Path.SetLocation([System.Management.Automation.WildcardPattern]::Escape($WorkingDirectory))

        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        # Scripts written for ConfigMgr create the environment object themselves.
        [void]$shell.AddScript($script:TsComObjectShim).Invoke()
        $shell.Commands.Clear()

        $command = [System.Management.Automation.Runspaces.Command]::new($ScriptPath)
        $command.MergeMyResults([System.Management.Automation.Runspaces.PipelineResultTypes]::Information, [System.Management.Automation.Runspaces.PipelineResultTypes]::Output)
        foreach ($argument in $Arguments) {
            if ($null -eq $argument.Name) { $command.Parameters.Add([System.Management.Automation.Runspaces.CommandParameter]::new([System.Management.Automation.Language.NullString]::Value, $argument.Value)) }
            elseif ($argument.HasValue) { $command.Parameters.Add($argument.Name, $argument.Value) }
            else { $command.Parameters.Add([System.Management.Automation.Runspaces.CommandParameter]::new($argument.Name, $true)) }
        }
        [void]$shell.Commands.AddCommand($command)

        $inputData = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $inputData.Complete()
        $outputData = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $pending = $shell.BeginInvoke($inputData, $outputData)
        $timedOut = -not $pending.AsyncWaitHandle.WaitOne($TimeoutMilliseconds)
        $terminatingError = $null
        if ($timedOut) {
            $stopping = $shell.BeginStop($null, $null)
            [void]$stopping.AsyncWaitHandle.WaitOne(10000)
        }
        else {
            try { [void]$shell.EndInvoke($pending) }
            catch { $terminatingError = Get-TsInnermostError -ErrorRecord $_ }
        }
        $exitCode = $null
        if (-not $timedOut) {
            $exitCode = 0
            if ($null -ne $terminatingError) { $exitCode = 1 }
            else {
                $last = $runspace.SessionStateProxy.GetVariable('LASTEXITCODE')
                if ($null -ne $last) { $exitCode = [int]$last }
            }
        }
        return @{
            ExitCode         = $exitCode
            TimedOut         = $timedOut
            Output           = (ConvertTo-TsOutputText -Items $outputData)
            Errors           = @($shell.Streams.Error)
            TerminatingError = $terminatingError
        }
    }
    finally {
        if ($null -ne $shell) { $shell.Dispose() }
        $runspace.Dispose()
    }
}

# Fixed text, no data in it: gives scripts ConfigMgr's `New-Object -ComObject Microsoft.SMS.TSEnvironment`.
$script:TsComObjectShim = @'
function global:New-Object {
    [CmdletBinding(DefaultParameterSetName = 'Net')]
    param(
        [Parameter(ParameterSetName = 'Net', Mandatory = $true, Position = 0)][string]$TypeName,
        [Parameter(ParameterSetName = 'Net', Position = 1)][object[]]$ArgumentList,
        [Parameter(ParameterSetName = 'Com', Mandatory = $true)][string]$ComObject,
        [Parameter(ParameterSetName = 'Com')][switch]$Strict,
        [System.Collections.IDictionary]$Property
    )
    if ($PSCmdlet.ParameterSetName -eq 'Com' -and $ComObject -eq 'Microsoft.SMS.TSEnvironment') { return $tsenv }
    $real = Get-Command -Name 'Microsoft.PowerShell.Utility\New-Object' -CommandType Cmdlet -ErrorAction SilentlyContinue
    if ($null -eq $real) {
        if ($PSCmdlet.ParameterSetName -eq 'Com') { throw "New-Object -ComObject $ComObject is not available in this engine." }
        $type = $TypeName -as [type]
        if ($null -eq $type) { throw "New-Object: type '$TypeName' was not found." }
        $created = $null
        if ($null -eq $ArgumentList) { $created = [System.Activator]::CreateInstance($type) } else { $created = [System.Activator]::CreateInstance($type, [object[]]$ArgumentList) }
        if ($null -ne $Property) { foreach ($key in $Property.Keys) { $created.$key = $Property[$key] } }
        return $created
    }
    & $real @PSBoundParameters
}
'@
