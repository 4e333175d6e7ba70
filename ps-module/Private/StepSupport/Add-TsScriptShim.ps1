function Add-TsScriptShim {
    <#
    .SYNOPSIS
    Gives a script's runspace ConfigMgr's COM objects: New-Object -ComObject Microsoft.SMS.TSEnvironment and Microsoft.SMS.TsProgressUI.
    .DESCRIPTION
    Runs $script:TsScriptShim (fixed code, below) in the script's runspace before the script;
    the environment view arrives as a parameter, never as text.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][powershell]$Shell,
        [Parameter(Mandatory = $true)][object]$EnvironmentView
    )
    [void]$Shell.AddScript($script:TsScriptShim.ToString()).AddParameter('TsEnvironment', $EnvironmentView).Invoke()
    $Shell.Commands.Clear()
}

# Parsed with the module (so Windows PowerShell 5.1 checks its syntax) and run as text in the
# script's runspace: a script block belongs to the runspace that created it.
$script:TsScriptShim = {
    param([Parameter(Mandatory = $true)][object]$TsEnvironment)
    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT

    # Microsoft.SMS.TsProgressUI without a dialog. Progress goes to the progress stream (the
    # engine turns it into 'progress' events); dialogs nobody can see go to the warning stream
    # (the engine logs them) and return at once. ConfigMgr shows its dialog whatever the
    # script's $ProgressPreference, so these calls do too. Every block is a closure, so the
    # script's own variables can never stand in for these (a script block that is not bound
    # would look names up through its caller's scopes).
    $progressShown = @{}
    # A box nobody sees is answered as if Enter were pressed: its default (first) button. The
    # values are the Windows message box results (IDOK 1, IDCANCEL 2, IDABORT 3, IDRETRY 4, IDYES 6).
    $defaultButton = @{ 0 = @(1, 'OK'); 1 = @(1, 'OK'); 2 = @(3, 'Abort'); 3 = @(6, 'Yes'); 4 = @(6, 'Yes'); 5 = @(4, 'Retry'); 6 = @(2, 'Cancel') }
    $report = {
        param([int]$Id, [int]$ParentId, [string]$Activity, [string]$Status, $Step, $MaxStep)
        $ProgressPreference = 'Continue'
        if ([string]::IsNullOrEmpty($Activity)) { $Activity = 'Task sequence' }
        $percent = -1
        $done = $Step -as [double]
        $total = $MaxStep -as [double]
        if ($null -ne $done -and $null -ne $total -and $total -gt 0) { $percent = [int][System.Math]::Max(0, [System.Math]::Min(100, [System.Math]::Floor(100 * $done / $total))) }
        $arguments = @{ Id = $Id; Activity = $Activity; PercentComplete = $percent }
        if ($ParentId -gt 0) { $arguments['ParentId'] = $ParentId }
        if (-not [string]::IsNullOrEmpty($Status)) { $arguments['Status'] = $Status }
        $progressShown[$Id] = $Activity
        Write-Progress @arguments
    }.GetNewClosure()
    $tell = {
        param([string]$Text)
        $WarningPreference = 'Continue'
        Write-Warning -Message $Text
    }.GetNewClosure()
    $firstNonEmpty = { foreach ($text in $args) { if (-not [string]::IsNullOrEmpty([string]$text)) { return [string]$text } } return '' }.GetNewClosure()
    $pressDefault = {
        param($Type)
        $button = $defaultButton[[int]($Type -as [int])]
        if ($null -eq $button) { $button = $defaultButton[0] }
        return , $button
    }.GetNewClosure()

    $methods = [ordered]@{
        ShowTSProgress           = {
            param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep)
            & $report 1 0 (& $firstNonEmpty $CustomTitle $TaskSequenceName) $CurrentAction $Step $MaxStep
        }.GetNewClosure()
        ShowActionProgress       = {
            param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep, $ActionExecInfo, $ActionExecStep, $ActionExecMaxStep)
            & $report 1 0 (& $firstNonEmpty $CurrentAction $CustomTitle $TaskSequenceName) $ActionExecInfo $ActionExecStep $ActionExecMaxStep
        }.GetNewClosure()
        # Not in Microsoft's reference: taken as ShowActionProgress's arguments; any further ones are ignored.
        ShowActionProgressEx     = {
            param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep, $ActionExecInfo, $ActionExecStep, $ActionExecMaxStep)
            & $report 1 0 (& $firstNonEmpty $CurrentAction $CustomTitle $TaskSequenceName) $ActionExecInfo $ActionExecStep $ActionExecMaxStep
        }.GetNewClosure()
        # Not in Microsoft's reference: ShowActionProgress's arguments, then the detail text,
        # step and step count, shown as a child bar of the action's.
        ShowActionDetailProgress = {
            param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep, $ActionExecInfo, $ActionExecStep, $ActionExecMaxStep, $DetailInfo, $DetailStep, $DetailMaxStep)
            $action = & $firstNonEmpty $CurrentAction $CustomTitle $TaskSequenceName
            & $report 1 0 $action $ActionExecInfo $ActionExecStep $ActionExecMaxStep
            & $report 2 1 (& $firstNonEmpty $ActionExecInfo $action) $DetailInfo $DetailStep $DetailMaxStep
        }.GetNewClosure()
        CloseProgressDialog      = {
            $ProgressPreference = 'Continue'
            foreach ($id in @(2, 1)) {
                if ($progressShown.ContainsKey($id)) {
                    $closing = @{ Id = $id; Activity = $progressShown[$id]; Completed = $true }
                    if ($id -eq 2) { $closing['ParentId'] = 1 }
                    Write-Progress @closing
                    $progressShown.Remove($id)
                }
            }
        }.GetNewClosure()
        ShowErrorDialog          = {
            param($OrgName, $TaskSequenceName, $CustomTitle, $ErrorMessage, $ErrorCode, $TimeoutInSeconds, $ForceReboot, $TaskSequenceStepName)
            & $tell "TsProgressUI error dialog not shown (this run has no user interface): $ErrorMessage (error code $ErrorCode, step '$TaskSequenceStepName')."
        }.GetNewClosure()
        ShowMessage              = {
            param($Text, $Caption, $Type)
            $button = & $pressDefault $Type
            & $tell "TsProgressUI message box not shown (this run has no user interface): [$Caption] $Text; answered '$($button[1])', its default button."
        }.GetNewClosure()
        ShowMessageEx            = {
            param($Text, $Caption, $Type, $Result)
            $button = & $pressDefault $Type
            & $tell "TsProgressUI message box not shown (this run has no user interface): [$Caption] $Text; answered '$($button[1])', its default button."
            if ($Result -is [ref]) { $Result.Value = $button[0] }
        }.GetNewClosure()
        ShowRebootDialog         = {
            param($OrgName, $TaskSequenceName, $CustomTitle, $RebootMessage, $RebootTimeout)
            & $tell "TsProgressUI restart dialog not shown (this run has no user interface): $RebootMessage"
        }.GetNewClosure()
        ShowSwapMediaDialog      = {
            param($TaskSequenceName, $MediaNumber)
            & $tell "TsProgressUI swap media dialog not shown (this run has no user interface): media $MediaNumber of '$TaskSequenceName'."
        }.GetNewClosure()
    }
    $newProgressUi = {
        $ui = [pscustomobject]@{ PSTypeName = 'TsSequence.TsProgressUI' }
        foreach ($name in $methods.Keys) { Add-Member -InputObject $ui -MemberType ScriptMethod -Name $name -Value $methods[$name] }
        return $ui
    }.GetNewClosure()

    # The cmdlet's terminating error, raised again as the proxy's: it ends the New-Object
    # statement only, as the real cmdlet's does (a plain 'throw' would end the whole script).
    $rethrow = {
        param([System.Management.Automation.PSCmdlet]$Cmdlet, [System.Management.Automation.ErrorRecord]$Record)
        $exception = $Record.Exception
        if ($exception -is [System.Management.Automation.MethodInvocationException] -and $exception.InnerException -is [System.Management.Automation.IContainsErrorRecord]) {
            $Record = $exception.InnerException.ErrorRecord
        }
        $Cmdlet.ThrowTerminatingError($Record)
    }

    # A thin proxy of the real New-Object (the shape ProxyCommand generates): only these two
    # ProgIDs are answered here; every other call, COM or not, goes to the cmdlet unchanged.
    $proxy = {
        [CmdletBinding(DefaultParameterSetName = 'Net')]
        param(
            [Parameter(ParameterSetName = 'Net', Mandatory = $true, Position = 0)][string]$TypeName,
            [Parameter(ParameterSetName = 'Net', Position = 1)][Alias('Args')][object[]]$ArgumentList,
            [Parameter(ParameterSetName = 'Com', Mandatory = $true, Position = 0)][string]$ComObject,
            [Parameter(ParameterSetName = 'Com')][switch]$Strict,
            [System.Collections.IDictionary]$Property
        )
        begin {
            $steppablePipeline = $null
            if ($PSCmdlet.ParameterSetName -eq 'Com') {
                $created = $null
                if ($ComObject -eq 'Microsoft.SMS.TSEnvironment') { $created = $TsEnvironment }
                elseif ($ComObject -eq 'Microsoft.SMS.TsProgressUI') { $created = & $newProgressUi }
                elseif (-not $onWindows) {
                    $exception = [System.PlatformNotSupportedException]::new("New-Object -ComObject '$ComObject': COM objects exist only on Windows.")
                    $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new($exception, 'ComObjectOnlyOnWindows', [System.Management.Automation.ErrorCategory]::NotImplemented, $ComObject))
                }
                if ($null -ne $created) {
                    if ($null -ne $Property) { foreach ($key in $Property.Keys) { $created.$key = $Property[$key] } }
                    $PSCmdlet.WriteObject($created)
                    return
                }
            }
            $wrapped = $ExecutionContext.InvokeCommand.GetCommand('Microsoft.PowerShell.Utility\New-Object', [System.Management.Automation.CommandTypes]::Cmdlet)
            $forward = { & $wrapped @PSBoundParameters }
            $steppablePipeline = $forward.GetSteppablePipeline($MyInvocation.CommandOrigin)
            try { $steppablePipeline.Begin($PSCmdlet) }
            catch { $steppablePipeline = $null; & $rethrow $PSCmdlet $_ }
        }
        process {
            if ($null -eq $steppablePipeline) { return }
            try { $steppablePipeline.Process($_) }
            catch { $steppablePipeline = $null; & $rethrow $PSCmdlet $_ }
        }
        end {
            if ($null -eq $steppablePipeline) { return }
            try { $steppablePipeline.End() }
            catch { $steppablePipeline = $null; & $rethrow $PSCmdlet $_ }
        }
    }.GetNewClosure()
    Set-Item -Path 'function:global:New-Object' -Value $proxy
}
