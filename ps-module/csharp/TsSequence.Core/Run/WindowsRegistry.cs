using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace TsSequence
{
    /// <summary>
    /// Reads the Windows registry through advapi32 (the netstandard2.0 build has no
    /// Microsoft.Win32.Registry without an extra package). Reads use the 64-bit view unless told
    /// otherwise, where MachineGuid and the Secure Boot state live. Windows only.
    /// </summary>
    internal static class WindowsRegistry
    {
        private static readonly IntPtr LocalMachine = Hive(0x80000002);

        private const uint TypeString = 0x00000002;   // RRF_RT_REG_SZ
        private const uint TypeDword = 0x00000010;    // RRF_RT_REG_DWORD
        private const uint View64 = 0x00010000;       // RRF_SUBKEY_WOW6464KEY

        private const int KeyRead = 0x20019;          // KEY_READ
        private const int KeyWow64_64 = 0x0100;       // KEY_WOW64_64KEY
        private const int KeyWow64_32 = 0x0200;       // KEY_WOW64_32KEY
        private const int ErrorFileNotFound = 2;
        private const int ErrorPathNotFound = 3;
        private const int ErrorMoreData = 234;
        private const int ErrorNoMoreItems = 259;

        // Long and short hive names, as reg.exe and the ConfigMgr console accept them.
        private static readonly Dictionary<string, uint> Hives = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase)
        {
            { "HKEY_CLASSES_ROOT", 0x80000000 }, { "HKCR", 0x80000000 },
            { "HKEY_CURRENT_USER", 0x80000001 }, { "HKCU", 0x80000001 },
            { "HKEY_LOCAL_MACHINE", 0x80000002 }, { "HKLM", 0x80000002 },
            { "HKEY_USERS", 0x80000003 }, { "HKU", 0x80000003 },
            { "HKEY_CURRENT_CONFIG", 0x80000005 }, { "HKCC", 0x80000005 },
        };

        /// <summary>The hive names a key path may start with (HKLM, HKEY_LOCAL_MACHINE, ...).</summary>
        internal static IEnumerable<string> HiveNames => Hives.Keys;

        /// <summary>
        /// Splits "HKLM\SOFTWARE\X" (a PowerShell drive "HKLM:\..." too) into its hive handle and
        /// subkey; false when it does not start with a known hive. Works on every platform.
        /// </summary>
        internal static bool TrySplitKeyPath(string keyPath, out IntPtr hive, out string subKey)
        {
            string path = keyPath.Replace('/', '\\');
            int slash = path.IndexOf('\\');
            string hiveName = (slash < 0 ? path : path.Substring(0, slash)).TrimEnd(':');
            subKey = slash < 0 ? string.Empty : path.Substring(slash + 1).Trim('\\');
            if (Hives.TryGetValue(hiveName, out uint known))
            {
                hive = Hive(known);
                return true;
            }

            hive = IntPtr.Zero;
            return false;
        }

        /// <summary>A REG_SZ value of HKLM, or null when the key or value does not exist or cannot be read.</summary>
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

        /// <summary>A REG_DWORD value of HKLM, or null when the key or value does not exist or cannot be read.</summary>
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

        /// <summary>
        /// A value of any type ("" is the key's default value): null when the key or the value does
        /// not exist (<paramref name="keyExists"/> tells which); an error other than "not found"
        /// (access denied, say) throws, naming the key.
        /// </summary>
        public static RegistryValue? ReadValue(IntPtr hive, string subKey, string name, bool view32, out bool keyExists)
        {
            keyExists = false;
            IntPtr key = Open(hive, subKey, view32);
            if (key == IntPtr.Zero)
            {
                return null;
            }

            keyExists = true;
            try
            {
                uint size = 256;
                for (;;)
                {
                    var data = new byte[size];
                    int status = RegQueryValueExW(key, name, IntPtr.Zero, out uint type, data, ref size);
                    if (status == ErrorMoreData)
                    {
                        continue;
                    }

                    if (status == ErrorFileNotFound)
                    {
                        return null;
                    }

                    Check(status, subKey);
                    Array.Resize(ref data, (int)size);
                    return new RegistryValue(type, data);
                }
            }
            finally
            {
                RegCloseKey(key);
            }
        }

        /// <summary>The names of a key's subkeys; empty when the key does not exist.</summary>
        public static List<string> SubKeyNames(IntPtr hive, string subKey, bool view32) => Enumerate(hive, subKey, view32, subKeys: true);

        /// <summary>The names of a key's values; empty when the key does not exist.</summary>
        public static List<string> ValueNames(IntPtr hive, string subKey, bool view32) => Enumerate(hive, subKey, view32, subKeys: false);

        /// <summary>HKEY_LOCAL_MACHINE.</summary>
        internal static IntPtr Machine => LocalMachine;

        /// <summary>HKEY_CURRENT_USER.</summary>
        internal static IntPtr CurrentUser => Hive(0x80000001);

        private static List<string> Enumerate(IntPtr hive, string subKey, bool view32, bool subKeys)
        {
            var names = new List<string>();
            IntPtr key = Open(hive, subKey, view32);
            if (key == IntPtr.Zero)
            {
                return names;
            }

            try
            {
                var name = new StringBuilder(16384);
                for (uint index = 0; ; index++)
                {
                    uint length = (uint)name.Capacity;
                    int status = subKeys
                        ? RegEnumKeyExW(key, index, name, ref length, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero)
                        : RegEnumValueW(key, index, name, ref length, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
                    if (status == ErrorNoMoreItems)
                    {
                        return names;
                    }

                    Check(status, subKey);
                    names.Add(name.ToString(0, (int)length));
                }
            }
            finally
            {
                RegCloseKey(key);
            }
        }

        // Zero when the key does not exist.
        private static IntPtr Open(IntPtr hive, string subKey, bool view32)
        {
            int status = RegOpenKeyExW(hive, subKey, 0, KeyRead | (view32 ? KeyWow64_32 : KeyWow64_64), out IntPtr key);
            if (status == ErrorFileNotFound || status == ErrorPathNotFound)
            {
                return IntPtr.Zero;
            }

            Check(status, subKey);
            return key;
        }

        private static void Check(int status, string subKey)
        {
            if (status != 0)
            {
                throw new InvalidOperationException($"Cannot read the registry key '{subKey}': {new Win32Exception(status).Message}");
            }
        }

        // As the Windows headers define the predefined keys: (HKEY)(ULONG_PTR)((LONG)0x8000000x), sign-extended.
        private static IntPtr Hive(uint handle) => new IntPtr(unchecked((int)handle));

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
        private static extern int RegGetValueW(IntPtr key, string subKey, string value, uint flags, out uint type, byte[]? data, ref uint dataSize);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
        private static extern int RegOpenKeyExW(IntPtr key, string subKey, int options, int desired, out IntPtr result);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
        private static extern int RegQueryValueExW(IntPtr key, string name, IntPtr reserved, out uint type, byte[] data, ref uint dataSize);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
        private static extern int RegEnumKeyExW(IntPtr key, uint index, StringBuilder name, ref uint nameLength, IntPtr reserved, IntPtr className, IntPtr classLength, IntPtr lastWrite);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
        private static extern int RegEnumValueW(IntPtr key, uint index, StringBuilder name, ref uint nameLength, IntPtr reserved, IntPtr type, IntPtr data, IntPtr dataLength);

        [DllImport("advapi32.dll", ExactSpelling = true)]
        private static extern int RegCloseKey(IntPtr key);
    }

    /// <summary>A registry value's type (REG_SZ = 1, ...) and raw data, with the data as text.</summary>
    internal sealed class RegistryValue
    {
        private static readonly string[] TypeNames = { "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD" };

        internal RegistryValue(uint type, byte[] data)
        {
            Type = type;
            Data = data;
        }

        internal uint Type { get; }

        internal byte[] Data { get; }

        /// <summary>REG_SZ, REG_DWORD, ... (REG_0x… for a type without a name).</summary>
        internal string TypeName => Type < TypeNames.Length ? TypeNames[Type] : "REG_0x" + Type.ToString("X", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// The data as a condition compares it: strings as written (REG_EXPAND_SZ not expanded),
        /// REG_MULTI_SZ its strings joined by a newline, numbers in decimal, anything else in hex.
        /// </summary>
        internal string Text
        {
            get
            {
                switch (Type)
                {
                    case 1:
                    case 2:
                        return Encoding.Unicode.GetString(Data).TrimEnd('\0');
                    case 7:
                        return string.Join("\n", Encoding.Unicode.GetString(Data).TrimEnd('\0').Split('\0'));
                    case 4 when Data.Length >= 4:
                        return BitConverter.ToUInt32(Data, 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    case 5 when Data.Length >= 4:
                        return ((uint)(Data[0] << 24 | Data[1] << 16 | Data[2] << 8 | Data[3])).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    case 11 when Data.Length >= 8:
                        return BitConverter.ToUInt64(Data, 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    default:
                        return Hex.Lower(Data).ToUpperInvariant();
                }
            }
        }
    }
}
