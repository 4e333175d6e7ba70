using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// Opens a log file for appending so that only its owner can read it: on Unix a new file is
    /// created with mode 0600 in the same call (no moment when it is readable by others, even in a
    /// shared folder such as /tmp); an existing one must be the user's own regular file with one
    /// name (not a symbolic link or a hard link someone planted to make the engine append to, and
    /// make private, a file elsewhere, nor another user's file) and is made 0600. Missing parent
    /// folders are created private (0700). On Windows the file inherits its folder's ACL (see
    /// <see cref="PrivateDirectory"/>).
    /// </summary>
    internal static class PrivateLogFile
    {
        private const int OwnerReadWrite = 384; // 0600

        // FileStreamOptions.UnixCreateMode and File.SetUnixFileMode exist from .NET 7 (PowerShell
        // 7.4+); the netstandard2.0 build finds them once by reflection.
        private static readonly Type? OptionsType = typeof(FileStream).Assembly.GetType("System.IO.FileStreamOptions");
        private static readonly Type? ModeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
        private static readonly ConstructorInfo? StreamWithOptions = OptionsType == null ? null : typeof(FileStream).GetConstructor(new[] { typeof(string), OptionsType });
        private static readonly MethodInfo? SetMode = ModeType == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), ModeType });

        /// <summary>The file at <paramref name="path"/>, open for appending (created when missing).</summary>
        internal static FileStream OpenAppend(string path)
        {
            string? folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                PrivateDirectory.Create(folder!);
            }

            if (File.Exists(path) || Directory.Exists(path))
            {
                return OpenExisting(path);
            }

            if (Platform.IsWindows)
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1);
            }

            if (StreamWithOptions == null || OptionsType == null || ModeType == null)
            {
                throw new PlatformNotSupportedException("Cannot create a private log file on this runtime: it lacks FileStreamOptions.UnixCreateMode (.NET 7 or later, PowerShell 7.4 or later).");
            }

            object options = Activator.CreateInstance(OptionsType)!;
            OptionsType.GetProperty("Mode")!.SetValue(options, FileMode.CreateNew);
            OptionsType.GetProperty("Access")!.SetValue(options, FileAccess.Write);
            OptionsType.GetProperty("Share")!.SetValue(options, FileShare.Read);
            OptionsType.GetProperty("BufferSize")!.SetValue(options, 0);
            OptionsType.GetProperty("UnixCreateMode")!.SetValue(options, Enum.ToObject(ModeType, OwnerReadWrite));
            try
            {
                return (FileStream)StreamWithOptions.Invoke(new[] { path, options });
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
                throw;
            }
        }

        /// <summary>
        /// Whether <paramref name="path"/> is a regular file (not a link, not a folder) of this
        /// user, so the engine may delete it (an old rolled log): on Windows any regular file in
        /// the log's folder; on Unix one whose owner is known to be this user.
        /// </summary>
        internal static bool IsOwnRegularFile(string path)
        {
            var info = new FileInfo(path);
            if (!info.Exists || (info.Attributes & (FileAttributes.ReparsePoint | FileAttributes.Directory)) != 0)
            {
                return false;
            }

            if (Platform.IsWindows)
            {
                return true;
            }

            uint? owner = UnixFiles.OwnerOf(path);
            return owner != null && owner == UnixFiles.EffectiveUser();
        }

        private static FileStream OpenExisting(string path)
        {
            var info = new FileInfo(path);
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0 || (info.Attributes & FileAttributes.Directory) != 0)
            {
                throw new IOException($"The log file '{path}' is a symbolic link or a folder: give the path of a regular file (or of one that does not exist yet).");
            }

            if (!Platform.IsWindows)
            {
                uint? owner = UnixFiles.OwnerOf(path);
                uint? user = UnixFiles.EffectiveUser();
                if (owner != null && user != null && owner != user)
                {
                    throw new IOException($"The log file '{path}' belongs to another user (uid {owner}), so the log would not be private: give another path.");
                }

                uint? links = UnixFiles.LinkCount(path);
                if (links > 1)
                {
                    throw new IOException($"The log file '{path}' has {links} hard links (the same file has another name): give the path of a file with one name (or of one that does not exist yet).");
                }
            }

            if (!Platform.IsWindows && SetMode != null && ModeType != null)
            {
                try
                {
                    SetMode.Invoke(null, new[] { path, Enum.ToObject(ModeType, OwnerReadWrite) });
                }
                catch (TargetInvocationException invocation) when (invocation.InnerException is UnauthorizedAccessException)
                {
                    throw new IOException($"The log file '{path}' belongs to another user, so the log would not be private: give another path.");
                }
            }

            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        }
    }
}
