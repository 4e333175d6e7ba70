using System;
using System.Collections.Generic;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// Why a command a script called does not exist here, in one sentence that names it.
    /// Well-known commands of admins' scripts that do not exist everywhere get the exact reason:
    /// some exist only in Windows PowerShell 5.1 (PowerShell 6 and later removed them), others only
    /// on Windows (a Windows module, or a part of PowerShell built only for Windows).
    /// </summary>
    internal static class MissingCommandReasons
    {
        private static readonly Dictionary<string, Known> Table = Build();

        internal static string For(string name)
        {
            // A module-qualified call (CimCmdlets\Get-CimInstance) is looked up by its command name.
            string bare = name.Substring(name.LastIndexOf('\\') + 1);
            if (Table.TryGetValue(bare, out Known? known))
            {
                if (known.DesktopOnly && IsCore)
                {
                    string instead = known.Instead.Length > 0 ? $"; on Windows, use {known.Instead}, which both have" : string.Empty;
                    return $"{name} exists only in Windows PowerShell 5.1 (PowerShell 6 and later do not have it{instead}).";
                }

                if (!known.DesktopOnly && !Platform.IsWindows)
                {
                    return $"{name} exists only on Windows (module {known.Module}).";
                }

                if (!known.DesktopOnly)
                {
                    return $"{name} comes from the Windows module {known.Module}, which this PowerShell could not load.";
                }
            }

            return $"{name} is not defined by the script, a module or PowerShell (nor is it a program on PATH).";
        }

#if NETFRAMEWORK
        private const bool IsCore = false;
#else
        private const bool IsCore = true;
#endif

        private sealed class Known
        {
            internal Known(bool desktopOnly, string module, string instead)
            {
                DesktopOnly = desktopOnly;
                Module = module;
                Instead = instead;
            }

            internal bool DesktopOnly { get; }

            internal string Module { get; }

            internal string Instead { get; }
        }

        private static Dictionary<string, Known> Build()
        {
            var table = new Dictionary<string, Known>(StringComparer.OrdinalIgnoreCase);
            void Desktop(string module, params string[] pairs)
            {
                // name, the command both editions have instead ("" for none)
                for (int i = 0; i < pairs.Length; i += 2)
                {
                    table[pairs[i]] = new Known(true, module, pairs[i + 1]);
                }
            }

            void Windows(string module, params string[] names)
            {
                foreach (string name in names)
                {
                    table[name] = new Known(false, module, string.Empty);
                }
            }

            Desktop(
                "Microsoft.PowerShell.Management",
                "Get-WmiObject", "Get-CimInstance", "Invoke-WmiMethod", "Invoke-CimMethod", "Set-WmiInstance", "Set-CimInstance",
                "Remove-WmiObject", "Remove-CimInstance", "Register-WmiEvent", "Register-CimIndicationEvent", "Get-EventLog", "Get-WinEvent",
                "Write-EventLog", "", "Clear-EventLog", "", "Limit-EventLog", "", "New-EventLog", "", "Remove-EventLog", "",
                "Show-EventLog", "", "Add-Computer", "", "Remove-Computer", "", "Checkpoint-Computer", "", "Restore-Computer", "",
                "Enable-ComputerRestore", "", "Disable-ComputerRestore", "", "Get-ComputerRestorePoint", "",
                "Reset-ComputerMachinePassword", "", "Test-ComputerSecureChannel", "", "Get-ControlPanelItem", "", "Show-ControlPanelItem", "");
            Desktop("Microsoft.PowerShell.Utility", "ConvertFrom-String", "", "Convert-String", "", "New-WebServiceProxy", "");
            Windows("CimCmdlets", "Get-CimInstance", "Get-CimClass", "Get-CimAssociatedInstance", "Invoke-CimMethod", "New-CimInstance", "Remove-CimInstance", "Set-CimInstance", "New-CimSession", "Get-CimSession", "Remove-CimSession", "New-CimSessionOption", "Register-CimIndicationEvent");
            Windows("Microsoft.PowerShell.Management", "Get-Service", "Start-Service", "Stop-Service", "Restart-Service", "Suspend-Service", "Resume-Service", "Set-Service", "New-Service", "Remove-Service", "Get-HotFix", "Rename-Computer", "Get-ComputerInfo", "Clear-RecycleBin");
            Windows("Microsoft.PowerShell.Diagnostics", "Get-WinEvent", "New-WinEvent", "Get-Counter");
            Windows("Microsoft.PowerShell.Security", "Get-Acl", "Set-Acl", "Get-AuthenticodeSignature", "Set-AuthenticodeSignature");
            Windows("NetAdapter", "Get-NetAdapter", "Enable-NetAdapter", "Disable-NetAdapter");
            Windows("NetTCPIP", "Get-NetIPAddress", "Get-NetIPConfiguration", "New-NetIPAddress", "Get-NetRoute", "Test-NetConnection");
            Windows("DnsClient", "Resolve-DnsName", "Get-DnsClientServerAddress", "Set-DnsClientServerAddress");
            Windows("Storage", "Get-Disk", "Get-PhysicalDisk", "Get-Partition", "Get-Volume", "Initialize-Disk", "New-Partition", "Format-Volume", "Clear-Disk");
            Windows("BitLocker", "Get-BitLockerVolume", "Enable-BitLocker", "Disable-BitLocker", "Suspend-BitLocker", "Resume-BitLocker");
            Windows("TrustedPlatformModule", "Get-Tpm");
            Windows("SecureBoot", "Confirm-SecureBootUEFI");
            Windows("Dism", "Get-WindowsOptionalFeature", "Enable-WindowsOptionalFeature", "Disable-WindowsOptionalFeature", "Get-WindowsCapability", "Add-WindowsCapability", "Get-WindowsPackage", "Add-WindowsPackage", "Get-WindowsDriver", "Add-WindowsDriver", "Get-AppxProvisionedPackage", "Remove-AppxProvisionedPackage");
            Windows("Appx", "Get-AppxPackage", "Add-AppxPackage", "Remove-AppxPackage");
            Windows("ScheduledTasks", "Get-ScheduledTask", "Register-ScheduledTask", "Unregister-ScheduledTask", "Start-ScheduledTask", "New-ScheduledTaskAction", "New-ScheduledTaskTrigger");
            Windows("Microsoft.PowerShell.LocalAccounts", "Get-LocalUser", "New-LocalUser", "Set-LocalUser", "Get-LocalGroup", "Get-LocalGroupMember", "Add-LocalGroupMember", "Remove-LocalGroupMember");
            Windows("ServerManager", "Get-WindowsFeature", "Install-WindowsFeature");
            Windows("PrintManagement", "Get-Printer", "Add-Printer", "Remove-Printer");
            Windows("Defender", "Get-MpComputerStatus", "Get-MpPreference", "Set-MpPreference", "Update-MpSignature");
            Windows("NetSecurity", "Get-NetFirewallRule", "New-NetFirewallRule", "Set-NetFirewallRule");
            Windows("International", "Get-WinSystemLocale", "Set-WinSystemLocale", "Get-WinUserLanguageList", "Set-WinUserLanguageList", "Set-Culture", "Get-WinHomeLocation", "Set-WinHomeLocation");
            return table;
        }
    }
}
