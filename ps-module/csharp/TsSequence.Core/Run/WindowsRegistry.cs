using System;
using System.Runtime.InteropServices;
using System.Text;

namespace TsSequence
{
    /// <summary>
    /// Reads HKEY_LOCAL_MACHINE values through advapi32 (the netstandard2.0 build has no
    /// Microsoft.Win32.Registry without an extra package). Always the 64-bit view, where
    /// MachineGuid and the Secure Boot state live. Windows only.
    /// </summary>
    internal static class WindowsRegistry
    {
        private static readonly IntPtr LocalMachine = new IntPtr(unchecked((int)0x80000002));

        private const uint TypeString = 0x00000002;   // RRF_RT_REG_SZ
        private const uint TypeDword = 0x00000010;    // RRF_RT_REG_DWORD
        private const uint View64 = 0x00010000;       // RRF_SUBKEY_WOW6464KEY

        /// <summary>A REG_SZ value, or null when the key or value does not exist or cannot be read.</summary>
        public static string? ReadString(string subKey, string name)
        {
            uint size = 0;
            if (RegGetValueW(LocalMachine, subKey, name, TypeString | View64, out _, null, ref size) != 0 || size == 0)
            {
                return null;
            }

            var data = new byte[size];
            if (RegGetValueW(LocalMachine, subKey, name, TypeString | View64, out _, data, ref size) != 0)
            {
                return null;
            }

            return Encoding.Unicode.GetString(data, 0, (int)size).TrimEnd('\0');
        }

        /// <summary>A REG_DWORD value, or null when the key or value does not exist or cannot be read.</summary>
        public static uint? ReadDword(string subKey, string name)
        {
            var data = new byte[4];
            uint size = 4;
            if (RegGetValueW(LocalMachine, subKey, name, TypeDword | View64, out _, data, ref size) != 0)
            {
                return null;
            }

            return BitConverter.ToUInt32(data, 0);
        }

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
        private static extern int RegGetValueW(IntPtr key, string subKey, string value, uint flags, out uint type, byte[]? data, ref uint dataSize);
    }
}
