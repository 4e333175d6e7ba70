# ConfigMgr's COM objects for a script step's runspace: New-Object -ComObject
# Microsoft.SMS.TSEnvironment returns the step's $tsenv, and Microsoft.SMS.TsProgressUI a progress
# object without a dialog; every other New-Object call goes to the real cmdlet unchanged. The
# engine core (Steps/PowerShellScript/ScriptSurface.cs) embeds this file, parses it once per
# process and runs it in each script's runspace before the script, with the environment view
# as a parameter (data, never text). Valid Windows PowerShell 5.1 syntax.
param([Parameter(Mandatory = $true)][object]$TsEnvironment)
$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
# Bars TsProgressUI has shown (id -> activity), so CloseProgressDialog can complete them.
$progressShown = @{}

# A thin proxy of the real New-Object (the shape ProxyCommand generates): only the two
# ConfigMgr ProgIDs are answered here; every other call, COM or not, goes to the cmdlet
# unchanged. It is a closure: it runs in a module of its own, whose variables (the three
# above, and the TsProgressUI helpers it keeps in its script scope) the script can neither
# see nor stand in for.
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
        # The cmdlet's terminating error, raised again as the proxy's: it ends the New-Object
        # statement only, as the real cmdlet's does (a plain 'throw' would end the whole script).
        $rethrow = {
            param([System.Management.Automation.ErrorRecord]$Record)
            $exception = $Record.Exception
            if ($exception -is [System.Management.Automation.MethodInvocationException] -and $exception.InnerException -is [System.Management.Automation.IContainsErrorRecord]) {
                $Record = $exception.InnerException.ErrorRecord
            }
            $PSCmdlet.ThrowTerminatingError($Record)
        }
        $steppablePipeline = $null
        if ($PSCmdlet.ParameterSetName -eq 'Com') {
            $created = $null
            if ($ComObject -eq 'Microsoft.SMS.TSEnvironment') { $created = $TsEnvironment }
            elseif ($ComObject -eq 'Microsoft.SMS.TsProgressUI') { $created = New-TsProgressUIObject }
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
        catch { $steppablePipeline = $null; & $rethrow $_ }
    }
    process {
        if ($null -eq $steppablePipeline) { return }
        try { $steppablePipeline.Process($_) }
        catch { $steppablePipeline = $null; & $rethrow $_ }
    }
    end {
        if ($null -eq $steppablePipeline) { return }
        try { $steppablePipeline.End() }
        catch { $steppablePipeline = $null; & $rethrow $_ }
    }
}.GetNewClosure()

# Microsoft.SMS.TsProgressUI without a dialog, defined inside the proxy's module (so its
# methods find their helpers there) and built only when a script asks for one. Progress
# goes to the progress stream (the engine turns it into 'progress' events); dialogs nobody
# can see go to the warning stream (the engine logs them) and return at once. ConfigMgr
# shows its dialog whatever the script's $ProgressPreference, so these calls do too.
$defineProgressUi = {
    function script:New-TsProgressUIObject {
        if ($null -eq $script:TsProgressUIMethods) {
            # A box nobody sees is answered as if Enter were pressed: its default (first)
            # button, as the Windows message box results IDOK 1, IDCANCEL 2, IDABORT 3, IDRETRY 4, IDYES 6.
            $script:TsDefaultButton = @{ 0 = @(1, 'OK'); 1 = @(1, 'OK'); 2 = @(3, 'Abort'); 3 = @(6, 'Yes'); 4 = @(6, 'Yes'); 5 = @(4, 'Retry'); 6 = @(2, 'Cancel') }
            $script:TsReport = {
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
            }
            $script:TsTell = {
                param([string]$Text)
                $WarningPreference = 'Continue'
                Write-Warning -Message $Text
            }
            $script:TsFirstNonEmpty = { foreach ($text in $args) { if (-not [string]::IsNullOrEmpty([string]$text)) { return [string]$text } } return '' }
            $script:TsPressDefault = {
                param($Type)
                $button = $TsDefaultButton[[int]($Type -as [int])]
                if ($null -eq $button) { $button = $TsDefaultButton[0] }
                return , $button
            }
            $script:TsProgressUIMethods = [ordered]@{
                ShowTSProgress           = {
                    param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep)
                    & $TsReport 1 0 (& $TsFirstNonEmpty $CustomTitle $TaskSequenceName) $CurrentAction $Step $MaxStep
                }
                ShowActionProgress       = {
                    param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep, $ActionExecInfo, $ActionExecStep, $ActionExecMaxStep)
                    & $TsReport 1 0 (& $TsFirstNonEmpty $CurrentAction $CustomTitle $TaskSequenceName) $ActionExecInfo $ActionExecStep $ActionExecMaxStep
                }
                # Not in Microsoft's reference: taken as ShowActionProgress's arguments; any further ones are ignored.
                ShowActionProgressEx     = {
                    param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep, $ActionExecInfo, $ActionExecStep, $ActionExecMaxStep)
                    & $TsReport 1 0 (& $TsFirstNonEmpty $CurrentAction $CustomTitle $TaskSequenceName) $ActionExecInfo $ActionExecStep $ActionExecMaxStep
                }
                # Not in Microsoft's reference: ShowActionProgress's arguments, then the detail
                # text, step and step count, shown as a child bar of the action's.
                ShowActionDetailProgress = {
                    param($OrgName, $TaskSequenceName, $CustomTitle, $CurrentAction, $Step, $MaxStep, $ActionExecInfo, $ActionExecStep, $ActionExecMaxStep, $DetailInfo, $DetailStep, $DetailMaxStep)
                    $action = & $TsFirstNonEmpty $CurrentAction $CustomTitle $TaskSequenceName
                    & $TsReport 1 0 $action $ActionExecInfo $ActionExecStep $ActionExecMaxStep
                    & $TsReport 2 1 (& $TsFirstNonEmpty $ActionExecInfo $action) $DetailInfo $DetailStep $DetailMaxStep
                }
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
                }
                ShowErrorDialog          = {
                    param($OrgName, $TaskSequenceName, $CustomTitle, $ErrorMessage, $ErrorCode, $TimeoutInSeconds, $ForceReboot, $TaskSequenceStepName)
                    & $TsTell "TsProgressUI error dialog not shown (this run has no user interface): $ErrorMessage (error code $ErrorCode, step '$TaskSequenceStepName')."
                }
                ShowMessage              = {
                    param($Text, $Caption, $Type)
                    $button = & $TsPressDefault $Type
                    & $TsTell "TsProgressUI message box not shown (this run has no user interface): [$Caption] $Text; answered '$($button[1])', its default button."
                }
                ShowMessageEx            = {
                    param($Text, $Caption, $Type, $Result)
                    $button = & $TsPressDefault $Type
                    & $TsTell "TsProgressUI message box not shown (this run has no user interface): [$Caption] $Text; answered '$($button[1])', its default button."
                    if ($Result -is [ref]) { $Result.Value = $button[0] }
                }
                ShowRebootDialog         = {
                    param($OrgName, $TaskSequenceName, $CustomTitle, $RebootMessage, $RebootTimeout)
                    & $TsTell "TsProgressUI restart dialog not shown (this run has no user interface): $RebootMessage"
                }
                ShowSwapMediaDialog      = {
                    param($TaskSequenceName, $MediaNumber)
                    & $TsTell "TsProgressUI swap media dialog not shown (this run has no user interface): media $MediaNumber of '$TaskSequenceName'."
                }
            }
        }
        $ui = [pscustomobject]@{ PSTypeName = 'TsSequence.TsProgressUI' }
        foreach ($name in $script:TsProgressUIMethods.Keys) { $ui.PSObject.Methods.Add([System.Management.Automation.PSScriptMethod]::new($name, $script:TsProgressUIMethods[$name])) }
        return $ui
    }
}
# Run inside the proxy's module, so New-TsProgressUIObject and the blocks it makes belong to it.
. $proxy.Module $defineProgressUi
# The variable form, not Set-Item: a cmdlet's first call in a new runspace costs ~25 ms.
${function:global:New-Object} = $proxy
