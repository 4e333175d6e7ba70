function Get-TsMissingCommandReason {
    <#
    .SYNOPSIS
    Says why a command a script called does not exist here, in one sentence that names it.
    .DESCRIPTION
    Well-known Windows-only commands get the exact reason ($script:TsWindowsOnlyCommands):
    some exist only in Windows PowerShell 5.1 (PowerShell 6 and later removed them), others
    only on Windows (a Windows module, or a part of PowerShell built only for Windows). Any
    other name is not defined by the script, a module or PowerShell.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory = $true)][string]$Name)
    # A module-qualified call (CimCmdlets\Get-CimInstance) is looked up by its command name.
    $bare = $Name.Substring($Name.LastIndexOf('\') + 1)
    $known = $script:TsWindowsOnlyCommands[$bare]
    if ($null -ne $known) {
        if ($known.Edition -eq 'Desktop' -and $script:TsIsCoreClr) {
            $instead = ''
            if ($known.Instead) { $instead = "; on Windows, use $($known.Instead), which both have" }
            return "$Name exists only in Windows PowerShell 5.1 (PowerShell 6 and later do not have it$instead)."
        }
        if ($known.Edition -eq 'Windows' -and -not $script:TsIsWindows) {
            return "$Name exists only on Windows (module $($known.Module))."
        }
        if ($known.Edition -eq 'Windows') {
            return "$Name comes from the Windows module $($known.Module), which this PowerShell could not load."
        }
    }
    return "$Name is not defined by the script, a module or PowerShell (nor is it a program on PATH)."
}

# Commands admins' scripts often call that do not exist everywhere. Desktop: only Windows
# PowerShell 5.1 has them. Windows: only PowerShell on Windows has them (both editions).
$script:TsWindowsOnlyCommands = @{}
foreach ($tsEntry in @(
        @{ Edition = 'Desktop'; Module = 'Microsoft.PowerShell.Management'; Instead = @{
                'Get-WmiObject' = 'Get-CimInstance'; 'Invoke-WmiMethod' = 'Invoke-CimMethod'; 'Set-WmiInstance' = 'Set-CimInstance'
                'Remove-WmiObject' = 'Remove-CimInstance'; 'Register-WmiEvent' = 'Register-CimIndicationEvent'; 'Get-EventLog' = 'Get-WinEvent'
                'Write-EventLog' = ''; 'Clear-EventLog' = ''; 'Limit-EventLog' = ''; 'New-EventLog' = ''; 'Remove-EventLog' = ''
                'Show-EventLog' = ''; 'Add-Computer' = ''; 'Remove-Computer' = ''; 'Checkpoint-Computer' = ''; 'Restore-Computer' = ''
                'Enable-ComputerRestore' = ''; 'Disable-ComputerRestore' = ''; 'Get-ComputerRestorePoint' = ''
                'Reset-ComputerMachinePassword' = ''; 'Test-ComputerSecureChannel' = ''; 'Get-ControlPanelItem' = ''; 'Show-ControlPanelItem' = ''
            }
        }
        @{ Edition = 'Desktop'; Module = 'Microsoft.PowerShell.Utility'; Instead = @{ 'ConvertFrom-String' = ''; 'Convert-String' = ''; 'New-WebServiceProxy' = '' } }
        @{ Edition = 'Windows'; Module = 'CimCmdlets'; Names = @('Get-CimInstance', 'Get-CimClass', 'Get-CimAssociatedInstance', 'Invoke-CimMethod', 'New-CimInstance', 'Remove-CimInstance', 'Set-CimInstance', 'New-CimSession', 'Get-CimSession', 'Remove-CimSession', 'New-CimSessionOption', 'Register-CimIndicationEvent') }
        @{ Edition = 'Windows'; Module = 'Microsoft.PowerShell.Management'; Names = @('Get-Service', 'Start-Service', 'Stop-Service', 'Restart-Service', 'Suspend-Service', 'Resume-Service', 'Set-Service', 'New-Service', 'Remove-Service', 'Get-HotFix', 'Rename-Computer', 'Get-ComputerInfo', 'Clear-RecycleBin') }
        @{ Edition = 'Windows'; Module = 'Microsoft.PowerShell.Diagnostics'; Names = @('Get-WinEvent', 'New-WinEvent', 'Get-Counter') }
        @{ Edition = 'Windows'; Module = 'Microsoft.PowerShell.Security'; Names = @('Get-Acl', 'Set-Acl', 'Get-AuthenticodeSignature', 'Set-AuthenticodeSignature') }
        @{ Edition = 'Windows'; Module = 'NetAdapter'; Names = @('Get-NetAdapter', 'Enable-NetAdapter', 'Disable-NetAdapter') }
        @{ Edition = 'Windows'; Module = 'NetTCPIP'; Names = @('Get-NetIPAddress', 'Get-NetIPConfiguration', 'New-NetIPAddress', 'Get-NetRoute', 'Test-NetConnection') }
        @{ Edition = 'Windows'; Module = 'DnsClient'; Names = @('Resolve-DnsName', 'Get-DnsClientServerAddress', 'Set-DnsClientServerAddress') }
        @{ Edition = 'Windows'; Module = 'Storage'; Names = @('Get-Disk', 'Get-PhysicalDisk', 'Get-Partition', 'Get-Volume', 'Initialize-Disk', 'New-Partition', 'Format-Volume', 'Clear-Disk') }
        @{ Edition = 'Windows'; Module = 'BitLocker'; Names = @('Get-BitLockerVolume', 'Enable-BitLocker', 'Disable-BitLocker', 'Suspend-BitLocker', 'Resume-BitLocker') }
        @{ Edition = 'Windows'; Module = 'TrustedPlatformModule'; Names = @('Get-Tpm') }
        @{ Edition = 'Windows'; Module = 'SecureBoot'; Names = @('Confirm-SecureBootUEFI') }
        @{ Edition = 'Windows'; Module = 'Dism'; Names = @('Get-WindowsOptionalFeature', 'Enable-WindowsOptionalFeature', 'Disable-WindowsOptionalFeature', 'Get-WindowsCapability', 'Add-WindowsCapability', 'Get-WindowsPackage', 'Add-WindowsPackage', 'Get-WindowsDriver', 'Add-WindowsDriver', 'Get-AppxProvisionedPackage', 'Remove-AppxProvisionedPackage') }
        @{ Edition = 'Windows'; Module = 'Appx'; Names = @('Get-AppxPackage', 'Add-AppxPackage', 'Remove-AppxPackage') }
        @{ Edition = 'Windows'; Module = 'ScheduledTasks'; Names = @('Get-ScheduledTask', 'Register-ScheduledTask', 'Unregister-ScheduledTask', 'Start-ScheduledTask', 'New-ScheduledTaskAction', 'New-ScheduledTaskTrigger') }
        @{ Edition = 'Windows'; Module = 'Microsoft.PowerShell.LocalAccounts'; Names = @('Get-LocalUser', 'New-LocalUser', 'Set-LocalUser', 'Get-LocalGroup', 'Get-LocalGroupMember', 'Add-LocalGroupMember', 'Remove-LocalGroupMember') }
        @{ Edition = 'Windows'; Module = 'ServerManager'; Names = @('Get-WindowsFeature', 'Install-WindowsFeature') }
        @{ Edition = 'Windows'; Module = 'PrintManagement'; Names = @('Get-Printer', 'Add-Printer', 'Remove-Printer') }
        @{ Edition = 'Windows'; Module = 'Defender'; Names = @('Get-MpComputerStatus', 'Get-MpPreference', 'Set-MpPreference', 'Update-MpSignature') }
        @{ Edition = 'Windows'; Module = 'NetSecurity'; Names = @('Get-NetFirewallRule', 'New-NetFirewallRule', 'Set-NetFirewallRule') }
        @{ Edition = 'Windows'; Module = 'International'; Names = @('Get-WinSystemLocale', 'Set-WinSystemLocale', 'Get-WinUserLanguageList', 'Set-WinUserLanguageList', 'Set-Culture', 'Get-WinHomeLocation', 'Set-WinHomeLocation') }
    )) {
    if ($tsEntry.ContainsKey('Instead')) {
        foreach ($tsName in $tsEntry.Instead.Keys) { $script:TsWindowsOnlyCommands[$tsName] = @{ Edition = $tsEntry.Edition; Module = $tsEntry.Module; Instead = $tsEntry.Instead[$tsName] } }
    }
    else {
        foreach ($tsName in $tsEntry.Names) { $script:TsWindowsOnlyCommands[$tsName] = @{ Edition = $tsEntry.Edition; Module = $tsEntry.Module; Instead = '' } }
    }
}
