using System;
using System.IO;
using System.Runtime.InteropServices;

namespace TsSequence
{
    /// <summary>
    /// How the machine booted: <c>_SMSTSBootUEFI</c> (<c>true</c>/<c>false</c>) and
    /// <c>_TSSecureBoot</c> (<c>Enabled</c>/<c>Disabled</c>/<c>NA</c>). Empty when the platform
    /// does not say: on Unix a <c>/sys/firmware</c> that is absent or empty (macOS; containers
    /// that mask it) tells nothing, and a BIOS machine is only recognised by a populated
    /// <c>/sys/firmware</c> without <c>efi</c>.
    /// </summary>
    public static class Firmware
    {
        private const string LinuxFirmware = "/sys/firmware";

        // The EFI global-variable GUID; the variable's data is 4 attribute bytes then 1 value byte.
        private const string LinuxSecureBootVariable = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c";

        /// <summary>"true" in UEFI mode, "false" in BIOS mode, "" when unknown.</summary>
        public static string BootUefi()
        {
            if (Platform.IsWindows)
            {
                try
                {
                    // FIRMWARE_TYPE: 1 BIOS, 2 UEFI (Windows 8 and later).
                    if (GetFirmwareType(out int type))
                    {
                        return type == 2 ? "true" : type == 1 ? "false" : string.Empty;
                    }
                }
                catch (EntryPointNotFoundException)
                {
                }

                return string.Empty;
            }

            if (Directory.Exists(Path.Combine(LinuxFirmware, "efi")))
            {
                return "true";
            }

            return HasEntries(LinuxFirmware) ? "false" : string.Empty;
        }

        /// <summary>
        /// ConfigMgr's values: "Enabled" or "Disabled" on a UEFI machine that reports the state,
        /// "NA" where there is no Secure Boot (BIOS mode, or no state to read), "" when unknown.
        /// </summary>
        public static string SecureBoot()
        {
            string uefi = BootUefi();
            if (uefi.Length == 0)
            {
                return string.Empty;
            }

            if (uefi == "false")
            {
                return "NA";
            }

            if (Platform.IsWindows)
            {
                uint? enabled = WindowsRegistry.ReadDword(@"SYSTEM\CurrentControlSet\Control\SecureBoot\State", "UEFISecureBootEnabled");
                return enabled is null ? "NA" : enabled.Value != 0 ? "Enabled" : "Disabled";
            }

            try
            {
                byte[] data = File.ReadAllBytes(LinuxSecureBootVariable);
                return data.Length >= 5 ? (data[4] == 1 ? "Enabled" : "Disabled") : string.Empty;
            }
            catch (FileNotFoundException)
            {
                // efivarfs mounted and the variable absent: firmware without Secure Boot.
                return HasEntries("/sys/firmware/efi/efivars") ? "NA" : string.Empty;
            }
            catch (IOException)
            {
                return string.Empty;
            }
            catch (UnauthorizedAccessException)
            {
                return string.Empty;
            }
        }

        private static bool HasEntries(string path)
        {
            try
            {
                using (var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator())
                {
                    return entries.MoveNext();
                }
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        [DllImport("kernel32.dll", ExactSpelling = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetFirmwareType(out int firmwareType);
    }
}
