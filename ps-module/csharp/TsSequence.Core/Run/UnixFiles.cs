using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace TsSequence
{
    /// <summary>
    /// The Unix file facts .NET Standard cannot name: a file's mode (set at 0600), who owns a
    /// path, and fsync of a folder. Modes go through File.SetUnixFileMode (.NET 7+, found by
    /// reflection as PrivateDirectory does); owner and folder sync through the runtime's own
    /// native shim (libSystem.Native, shipped with every .NET) and libc. Each is best effort where
    /// the runtime lacks it: the caller decides whether that is acceptable.
    /// </summary>
    internal static class UnixFiles
    {
        private static readonly MethodInfo? SetMode = FindSetMode();

        /// <summary>Sets <paramref name="path"/> to mode 0600 (owner read/write); false when the runtime cannot.</summary>
        internal static bool MakeOwnerOnly(string path)
        {
            if (SetMode is null)
            {
                return false;
            }

            object mode = Enum.ToObject(SetMode.GetParameters()[1].ParameterType, 384); // 0600
            try
            {
                SetMode.Invoke(null, new[] { path, mode });
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
            }

            return true;
        }

        /// <summary>The uid owning <paramref name="path"/> (not following a link), or null when it cannot be read.</summary>
        internal static uint? OwnerOf(string path)
        {
            // SystemNative_LStat fills .NET's FileStatus: Flags, Mode, Uid, Gid first (stable since .NET Core 2).
            var status = new byte[256];
            try
            {
                return LStat(Native(path), status) == 0 ? BitConverter.ToUInt32(status, 8) : (uint?)null;
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                return null;
            }
        }

        /// <summary>
        /// How many hard links <paramref name="path"/> has (not following a link), or null when it
        /// cannot be read: Linux only (statx, glibc 2.28+; elsewhere the entry point is missing; .NET's own FileStatus has no link count
        /// and struct stat's layout differs by architecture).
        /// </summary>
        internal static uint? LinkCount(string path)
        {
            // struct statx: stx_mask, stx_blksize (u32 each), stx_attributes (u64), stx_nlink (u32) at 16.
            var status = new byte[256];
            try
            {
                return statx(-100, Native(path), 0x100, 0x4, status) == 0 ? BitConverter.ToUInt32(status, 16) : (uint?)null; // AT_FDCWD, AT_SYMLINK_NOFOLLOW, STATX_NLINK
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                return null;
            }
        }

        /// <summary>
        /// What <paramref name="path"/> is when it exists and is neither a regular file nor a
        /// directory (following links): "a FIFO (named pipe)", "a character device", …; null for a
        /// regular file, a directory, a missing path, or where the runtime cannot tell (Windows).
        /// </summary>
        internal static string? NonRegularKind(string path)
        {
            if (Path.DirectorySeparatorChar == '\\')
            {
                return null;
            }

            // FileStatus: Flags, then Mode (int32 at 4), as OwnerOf reads Uid at 8.
            var status = new byte[256];
            try
            {
                if (Stat(Native(path), status) != 0)
                {
                    return null;
                }
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                return null;
            }

            switch (BitConverter.ToInt32(status, 4) & 0xF000)
            {
                case 0x8000: return null; // S_IFREG
                case 0x4000: return null; // S_IFDIR: opening it fails with its own message
                case 0x1000: return "a FIFO (named pipe)";
                case 0x2000: return "a character device";
                case 0x6000: return "a block device";
                case 0xC000: return "a socket";
                default: return "not a regular file";
            }
        }

        /// <summary>The effective uid of this process, or null when it cannot be read.</summary>
        internal static uint? EffectiveUser()
        {
            try
            {
                return geteuid();
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                return null;
            }
        }

        /// <summary>fsyncs a folder, so a rename inside it survives a power loss; false when it could not.</summary>
        internal static bool SyncFolder(string folder)
        {
            try
            {
                int descriptor = open(Native(folder), 0); // O_RDONLY
                if (descriptor < 0)
                {
                    return false;
                }

                try
                {
                    return fsync(descriptor) == 0;
                }
                finally
                {
                    close(descriptor);
                }
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                return false;
            }
        }

        // A path as the native calls take it: UTF-8, NUL-terminated (net462 has no LPUTF8Str marshalling).
        private static byte[] Native(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

        private static MethodInfo? FindSetMode()
        {
            Type? mode = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
            return mode is null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), mode });
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        private static extern int LStat(byte[] path, byte[] status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int Stat(byte[] path, byte[] status);

        [DllImport("libc", SetLastError = true)]
        private static extern uint geteuid();

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] status);

        [DllImport("libc", SetLastError = true)]
        private static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int descriptor);
    }
}
