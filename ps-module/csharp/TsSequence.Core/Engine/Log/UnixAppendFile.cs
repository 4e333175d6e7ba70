using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// Opens a log file on Unix in one call that cannot be tricked by a path swapped between a
    /// check and the open: open(2) with O_NOFOLLOW (a symbolic link at the last component is
    /// refused, never followed), O_CREAT with mode 0600 (a new file is private from its first
    /// moment), O_APPEND, O_CLOEXEC (no step's process inherits it), O_NONBLOCK (a FIFO planted
    /// there cannot hang the run) and O_NOCTTY. What was opened is then checked through the
    /// descriptor itself (fstat: a regular file, this user's, one name) and made 0600 with
    /// fchmod, so every check is of the file that is written. The open(2) flag values differ by
    /// system (and, for O_NOFOLLOW, by Linux architecture): Linux, macOS and FreeBSD are known;
    /// elsewhere the log is refused rather than opened unsafely.
    /// </summary>
    internal static class UnixAppendFile
    {
        private const int OwnerReadWrite = 384; // 0600

        /// <summary>The file at <paramref name="path"/>, open for appending (created 0600 when missing).</summary>
        /// <exception cref="IOException">The path is a link, a folder, not a regular file, another user's, or has several names.</exception>
        internal static FileStream Open(string path)
        {
            Flags? flags = Flags.ForThisSystem();
            if (flags == null)
            {
                throw new PlatformNotSupportedException($"Cannot open the log file '{path}' safely on this system (its open(2) flags are not known to tsseq); give no log path on another system.");
            }

            int descriptor = open(Native(path), flags.Value, OwnerReadWrite);
            if (descriptor < 0)
            {
                int error = Marshal.GetLastWin32Error();
                if (error == flags.LinkRefused || error == flags.LinkRefusedAlso)
                {
                    throw new IOException($"The log file '{path}' is a symbolic link: give the path of a regular file (or of one that does not exist yet). The link and what it points to were left alone.");
                }

                if (error == IsADirectory)
                {
                    throw new IOException($"The log file '{path}' is a folder: give the path of a regular file (or of one that does not exist yet).");
                }

                if (error == NoReader)
                {
                    throw new IOException($"The log file '{path}' is a FIFO (named pipe) or a device, not a regular file: give the path of a regular file (or of one that does not exist yet).");
                }

                throw new IOException($"Cannot open the log file '{path}': {Describe(error)}.");
            }

            var handle = new SafeFileHandle((IntPtr)descriptor, ownsHandle: true);
            try
            {
                Check(path, descriptor);
                if (fchmod(descriptor, OwnerReadWrite) != 0)
                {
                    throw new IOException($"The log file '{path}' cannot be made private (mode 0600): {Describe(Marshal.GetLastWin32Error())}; give another path.");
                }

                var stream = new FileStream(handle, FileAccess.Write, 1);
                // O_APPEND puts every write at the end; the stream's own position is set there too,
                // for systems whose positioned writes do not follow O_APPEND.
                stream.Seek(0, SeekOrigin.End);
                return stream;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        // EISDIR: 21 on Linux, macOS and FreeBSD.
        private const int IsADirectory = 21;

        // ENXIO (6 on Linux, macOS and FreeBSD): O_NONBLOCK write-only open of a FIFO nobody reads.
        private const int NoReader = 6;

        // Refuses what the descriptor names unless it is a regular file of this user with one link.
        private static void Check(string path, int descriptor)
        {
            uint? mode = null;
            uint? owner = null;
            uint? links = null;
            var status = new byte[256];
            try
            {
                // struct statx: stx_nlink (u32) at 16, stx_uid (u32) at 20, stx_mode (u16) at 28.
                if (statx(descriptor, new byte[] { 0 }, 0x1000, 0xF, status) == 0) // AT_EMPTY_PATH; STATX_TYPE|MODE|NLINK|UID
                {
                    links = BitConverter.ToUInt32(status, 16);
                    owner = BitConverter.ToUInt32(status, 20);
                    mode = BitConverter.ToUInt16(status, 28);
                }
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                // Not Linux (or a libc without statx): .NET's own fstat below, without a link count.
            }

            if (mode == null)
            {
                try
                {
                    // .NET's FileStatus: Flags, Mode (int32 at 4), Uid (uint32 at 8).
                    if (FStat((IntPtr)descriptor, status) == 0)
                    {
                        mode = (uint)BitConverter.ToInt32(status, 4);
                        owner = BitConverter.ToUInt32(status, 8);
                    }
                }
                catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
                {
                }
            }

            if (mode == null)
            {
                throw new IOException($"Cannot tell what the log file '{path}' is (fstat failed), so it cannot be known to be private: give another path.");
            }

            if ((mode.Value & 0xF000) != 0x8000)
            {
                string kind = (mode.Value & 0xF000) switch
                {
                    0x1000 => "a FIFO (named pipe)",
                    0x2000 => "a character device",
                    0x6000 => "a block device",
                    0xC000 => "a socket",
                    _ => "not a regular file",
                };
                throw new IOException($"The log file '{path}' is {kind}: give the path of a regular file (or of one that does not exist yet).");
            }

            uint? user = UnixFiles.EffectiveUser();
            if (owner != null && user != null && owner != user)
            {
                throw new IOException($"The log file '{path}' belongs to another user (uid {owner}), so the log would not be private: give another path.");
            }

            if (links > 1)
            {
                throw new IOException($"The log file '{path}' has {links} hard links (the same file has another name): give the path of a file with one name (or of one that does not exist yet).");
            }
        }

        private static string Describe(int error)
        {
            try
            {
                IntPtr text = strerror(error);
                string? described = text == IntPtr.Zero ? null : Marshal.PtrToStringAnsi(text);
                return (described ?? "error") + " (errno " + error.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                return "errno " + error.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        private static byte[] Native(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

        /// <summary>The open(2) flags of this system, and the errno values O_NOFOLLOW gives for a link.</summary>
        private sealed class Flags
        {
            private Flags(int value, int linkRefused, int linkRefusedAlso)
            {
                Value = value;
                LinkRefused = linkRefused;
                LinkRefusedAlso = linkRefusedAlso;
            }

            internal int Value { get; }

            internal int LinkRefused { get; }

            internal int LinkRefusedAlso { get; }

            internal static Flags? ForThisSystem()
            {
#if NETFRAMEWORK
                // .NET Framework runs on Windows only, where the log is opened by PrivateLogFile itself.
                return null;
#else
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                {
                    // O_NOFOLLOW is 0100000 on arm, arm64 and powerpc, 0400000 on the others.
                    int architecture = (int)RuntimeInformation.ProcessArchitecture;
                    bool armLike = architecture == 2 || architecture == 3 || architecture == 7 || architecture == 8; // Arm, Arm64, Armv6, Ppc64le
                    int noFollow = armLike ? 0x8000 : 0x20000;
                    // O_WRONLY | O_CREAT | O_NOCTTY | O_APPEND | O_NONBLOCK | O_CLOEXEC; ELOOP 40.
                    return new Flags(0x1 | 0x40 | 0x100 | 0x400 | 0x800 | 0x80000 | noFollow, 40, 40);
                }

                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    // O_WRONLY | O_NONBLOCK | O_APPEND | O_NOFOLLOW | O_CREAT | O_NOCTTY | O_CLOEXEC; ELOOP 62.
                    return new Flags(0x1 | 0x4 | 0x8 | 0x100 | 0x200 | 0x20000 | 0x1000000, 62, 62);
                }

                if (RuntimeInformation.OSDescription.IndexOf("FreeBSD", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    // As macOS but O_CLOEXEC 0x100000, O_NOCTTY 0x8000; a link gives EMLINK (31) or ELOOP (62).
                    return new Flags(0x1 | 0x4 | 0x8 | 0x100 | 0x200 | 0x8000 | 0x100000, 31, 62);
                }

                return null;
#endif
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int open(byte[] path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int fchmod(int descriptor, int mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] status);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr strerror(int error);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        private static extern int FStat(IntPtr descriptor, byte[] status);
    }
}
