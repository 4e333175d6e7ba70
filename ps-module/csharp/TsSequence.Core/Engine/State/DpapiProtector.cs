using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// Windows DPAPI for the current user (CryptProtectData): only this user on this computer can
    /// decrypt. Called in crypt32 directly, so neither build needs the ProtectedData package.
    /// </summary>
    internal sealed class DpapiProtector : SecretProtector
    {
        private const int UiForbidden = 0x1;

        internal override byte[] Protect(byte[] plain) => Call(plain, protect: true);

        internal override byte[] Unprotect(byte[] data) => Call(data, protect: false);

        private static byte[] Call(byte[] input, bool protect)
        {
            var inBlob = new DataBlob { Size = input.Length, Data = Marshal.AllocHGlobal(Math.Max(1, input.Length)) };
            var outBlob = default(DataBlob);
            try
            {
                Marshal.Copy(input, 0, inBlob.Data, input.Length);
                bool done = protect
                    ? CryptProtectData(ref inBlob, null, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outBlob)
                    : CryptUnprotectData(ref inBlob, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outBlob);
                if (!done)
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }

                var output = new byte[outBlob.Size];
                Marshal.Copy(outBlob.Data, output, 0, outBlob.Size);
                return output;
            }
            finally
            {
                Marshal.FreeHGlobal(inBlob.Data);
                if (outBlob.Data != IntPtr.Zero)
                {
                    LocalFree(outBlob.Data);
                }
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct DataBlob
        {
            public int Size;
            public IntPtr Data;
        }

        [DllImport("crypt32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CryptProtectData(ref DataBlob dataIn, string? description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("crypt32.dll", SetLastError = true)]
        private static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr memory);
    }
}
