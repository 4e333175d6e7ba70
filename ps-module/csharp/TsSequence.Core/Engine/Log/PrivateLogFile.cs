using System;
using System.IO;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// Opens a log file for appending so that only its owner can read it: on Unix a new file is
    /// created with mode 0600 in the same call (no moment when it is readable by others, even in a
    /// shared folder such as /tmp); an existing one must be the user's own regular file with one
    /// name (not a symbolic link or a hard link someone planted to make the engine append to, and
    /// make private, a file elsewhere, nor another user's file) and is made 0600. On Unix that is
    /// one open(2) that never follows a link at the last component, checked through the open
    /// descriptor (<see cref="UnixAppendFile"/>), so a path swapped for a link between a check and
    /// the open cannot redirect the log. Missing parent folders are created private (0700). On
    /// Windows (and .NET Framework) the file inherits its folder's ACL (see
    /// <see cref="PrivateDirectory"/>) and a reparse point at the path is refused before the open.
    /// </summary>
    internal static class PrivateLogFile
    {
        /// <summary>The file at <paramref name="path"/>, open for appending (created when missing).</summary>
        internal static FileStream OpenAppend(string path)
        {
            string? folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                PrivateDirectory.Create(folder!);
            }

            if (!Platform.IsWindows)
            {
                return UnixAppendFile.Open(path);
            }

            if (File.Exists(path) || Directory.Exists(path))
            {
                return OpenExisting(path);
            }

            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1);
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

            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        }
    }
}
