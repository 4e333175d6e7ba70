using System;
using System.Text;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// Encrypts what the saved state must not hold in plain text (secret variable values, the
    /// sequence document): DPAPI for the current user on Windows, AES-GCM with a key of the run's
    /// own (a separate 0600 file in the state folder) on Unix.
    /// </summary>
    internal abstract class SecretProtector
    {
        /// <summary>The protector of the state folder <paramref name="stateFolder"/>; <paramref name="create"/>: make its key if missing.</summary>
        internal static SecretProtector For(string stateFolder, bool create) =>
            Platform.IsWindows ? new DpapiProtector() : (SecretProtector)AesGcmProtector.Open(stateFolder, create);

        /// <summary>The encrypted form of <paramref name="plain"/>.</summary>
        internal abstract byte[] Protect(byte[] plain);

        /// <summary>The plain form; an exception when <paramref name="data"/> was not protected by this key (or was changed).</summary>
        internal abstract byte[] Unprotect(byte[] data);

        /// <summary>Text as Base64 of its protected UTF-8.</summary>
        internal string ProtectText(string text) => Convert.ToBase64String(Protect(Encoding.UTF8.GetBytes(text)));

        /// <summary>The text <see cref="ProtectText"/> protected.</summary>
        internal string UnprotectText(string protectedText) => Encoding.UTF8.GetString(Unprotect(Convert.FromBase64String(protectedText)));
    }
}
