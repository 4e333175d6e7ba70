using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TsSequence
{
    /// <summary>
    /// Gives a Windows folder an owner-only, protected ACL (inheritance from the parent cut): full
    /// control to the folder's owner (OWNER RIGHTS) and SYSTEM, inherited by the files and folders
    /// inside. Through advapi32 directly: the netstandard2.0 build has no ACL API without a package.
    /// </summary>
    internal static class WindowsAcl
    {
        // D:P = protected DACL; OICI = inherited by files and subfolders; FA = full access;
        // OW = the owner (S-1-3-4), SY = LocalSystem (which runs a resume registered at boot).
        private const string OwnerOnly = "D:P(A;OICI;FA;;;OW)(A;OICI;FA;;;SY)";

        private const int SeFileObject = 1;
        private const int DaclSecurityInformation = 0x4;
        private const int ProtectedDaclSecurityInformation = unchecked((int)0x80000000);

        /// <summary>Replaces the ACL of <paramref name="path"/> with the owner-only one.</summary>
        /// <exception cref="Win32Exception">The ACL could not be set.</exception>
        internal static void MakeOwnerOnly(string path)
        {
            if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(OwnerOnly, 1, out IntPtr descriptor, IntPtr.Zero))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            try
            {
                if (!GetSecurityDescriptorDacl(descriptor, out bool present, out IntPtr dacl, out bool _) || !present)
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }

                int error = SetNamedSecurityInfoW(path, SeFileObject, DaclSecurityInformation | ProtectedDaclSecurityInformation, IntPtr.Zero, IntPtr.Zero, dacl, IntPtr.Zero);
                if (error != 0)
                {
                    throw new Win32Exception(error, "Cannot make '" + path + "' private to you: " + new Win32Exception(error).Message);
                }
            }
            finally
            {
                LocalFree(descriptor);
            }
        }

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool ConvertStringSecurityDescriptorToSecurityDescriptorW(string descriptor, int revision, out IntPtr securityDescriptor, IntPtr size);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool GetSecurityDescriptorDacl(IntPtr securityDescriptor, out bool present, out IntPtr dacl, out bool defaulted);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode)]
        private static extern int SetNamedSecurityInfoW(string name, int type, int information, IntPtr owner, IntPtr group, IntPtr dacl, IntPtr sacl);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr memory);
    }
}
