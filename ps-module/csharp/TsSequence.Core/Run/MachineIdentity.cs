using System;
using System.IO;
using System.Security.Cryptography;

namespace TsSequence
{
    /// <summary>
    /// <c>_SMSTSClientGUID</c>: an id that is the same for every run on one machine and differs
    /// between machines, as ConfigMgr's client GUID is. It is derived from the machine's own id
    /// (<c>/etc/machine-id</c>, else <c>/var/lib/dbus/machine-id</c>, on Unix;
    /// <c>HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid</c> on Windows) the way systemd's
    /// <c>sd_id128_get_machine_app_specific</c> does — HMAC-SHA256 keyed with the machine id over
    /// tsseq's application id, cut to a version-4 UUID — because systemd asks that the machine id
    /// itself never be shown to applications' users. The same value is printed by
    /// <c>systemd-id128 machine-id --app-specific=c988e5fe7f5b4c00b3f16d8ebeacb2be</c>.
    /// Written as ConfigMgr shows it: 36 lowercase characters, <c>0a1a9a4b-fc56-44f6-b7cd-c3f8ee37c04c</c>.
    /// Empty when the machine has no readable id.
    /// </summary>
    public static class MachineIdentity
    {
        /// <summary>tsseq's application id for the derivation (fixed forever: changing it changes every machine's GUID).</summary>
        public const string ApplicationId = "c988e5fe7f5b4c00b3f16d8ebeacb2be";

        /// <summary>The derived client GUID, or "" when the machine id cannot be read.</summary>
        public static string ClientGuid()
        {
            byte[]? machineId = ReadMachineId();
            if (machineId is null)
            {
                return string.Empty;
            }

            byte[] hash;
            using (var hmac = new HMACSHA256(machineId))
            {
                hash = hmac.ComputeHash(Hex.Parse(ApplicationId)!);
            }

            // RFC 4122 version 4, variant 1 bits, as systemd's id128_make_v4_uuid.
            hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            string hex = Hex.Lower(hash).Substring(0, 32);
            return hex.Substring(0, 8) + "-" + hex.Substring(8, 4) + "-" + hex.Substring(12, 4) + "-" + hex.Substring(16, 4) + "-" + hex.Substring(20, 12);
        }

        // The machine id as 16 bytes, or null when there is none (missing, unreadable, malformed,
        // or systemd's "uninitialized" first-boot placeholder).
        private static byte[]? ReadMachineId()
        {
            if (Platform.IsWindows)
            {
                string? guid = WindowsRegistry.ReadString(@"SOFTWARE\Microsoft\Cryptography", "MachineGuid");
                return guid is null ? null : ParseId(guid.Trim().Trim('{', '}').Replace("-", string.Empty));
            }

            foreach (string path in new[] { "/etc/machine-id", "/var/lib/dbus/machine-id" })
            {
                try
                {
                    byte[]? id = ParseId(File.ReadAllText(path).Trim());
                    if (id != null)
                    {
                        return id;
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return null;
        }

        private static byte[]? ParseId(string hex)
        {
            byte[]? id = hex.Length == 32 ? Hex.Parse(hex) : null;
            return id is null || Array.TrueForAll(id, b => b == 0) ? null : id;
        }
    }
}
