using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// A run's smsts.log: CMTrace records (<see cref="CmTraceLine"/>) appended in UTF-8, from any
    /// thread. Records are buffered and reach the file (the operating system, not fsync: a killed
    /// engine loses nothing written, only a power loss can) when the caller says a step is done
    /// (<see cref="Flush"/>), past 64 KB, on a roll and when the file is closed. When the file would
    /// pass <c>maxSize</c> bytes it is rolled as ConfigMgr rolls smsts.log: renamed
    /// <c>smsts-YYYYMMDD-HHMMSS.log</c> (the local time of the roll; a name already taken, by a roll
    /// in the same second or by any file, gets a counter: <c>smsts-YYYYMMDD-HHMMSS-2.log</c>, -3 ...),
    /// keeping the newest <c>maxHistory</c> rolled files (0: none; the log starts again empty). Only
    /// rolled files of this user count and are removed: a name planted in the folder (another
    /// user's file, a link) is never deleted nor followed. A write that fails (disk full, the
    /// folder removed) stops the log rather than the run: <see cref="Failure"/> says why.
    /// </summary>
    public sealed class LogFile : IDisposable
    {
        /// <summary>ConfigMgr's defaults since 1806: 5 MB, 3 rolled files.</summary>
        public const long DefaultMaxSize = 5 * 1024 * 1024;

        /// <summary>ConfigMgr's default number of rolled files kept (SMSTSLogMaxHistory).</summary>
        public const int DefaultMaxHistory = 3;

        /// <summary>The smallest size honoured: below it every few lines would roll.</summary>
        public const long MinimumMaxSize = 1024;

        private const int FlushAt = 64 * 1024;

        // Taken names tried in a row before a roll gives up (the log stops): names are not searched without end.
        private const int MostTakenNames = 1000;
        private static readonly Encoding Utf8 = new UTF8Encoding(false);
        private readonly object sync = new object();
        private readonly StringBuilder record = new StringBuilder(256);
        private readonly long maxSize;
        private readonly int maxHistory;
        private readonly Regex rolledName;
        private byte[] pending = new byte[8192];
        private int pendingLength;
        private long fileLength;
        private FileStream? stream;

        private LogFile(string path, long maxSize, int maxHistory)
        {
            Path = System.IO.Path.GetFullPath(path);
            this.maxSize = Math.Max(MinimumMaxSize, maxSize);
            this.maxHistory = Math.Max(0, maxHistory);
            rolledName = new Regex("^" + Regex.Escape(Stem) + @"-(\d{8}-\d{6})(?:-(\d{1,9}))?" + Regex.Escape(Extension) + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            stream = PrivateLogFile.OpenAppend(Path);
            fileLength = stream.Length;
        }

        /// <summary>The file's full path.</summary>
        public string Path { get; }

        /// <summary>Why the log stopped, or null while it works.</summary>
        public string? Failure { get; private set; }

        private string Folder => System.IO.Path.GetDirectoryName(Path) ?? ".";

        private string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

        private string Extension => System.IO.Path.GetExtension(Path);

        /// <summary>Opens (creating, privately) <paramref name="path"/> for appending.</summary>
        public static LogFile Open(string path, long maxSize = DefaultMaxSize, int maxHistory = DefaultMaxHistory) => new LogFile(path, maxSize, maxHistory);

        /// <summary>Appends one record (already masked); thread-safe.</summary>
        public void Write(string message, string component, int type, string file)
        {
            lock (sync)
            {
                if (stream == null)
                {
                    return;
                }

                record.Clear();
                CmTraceLine.Append(record, message, DateTime.UtcNow, component, type, Environment.CurrentManagedThreadId, file);
                string text = record.ToString();
                int bytes = Utf8.GetByteCount(text);
                long size = fileLength + pendingLength;
                if (size > 0 && size + bytes > maxSize)
                {
                    Roll();
                    if (stream == null)
                    {
                        return;
                    }
                }

                if (pendingLength + bytes > pending.Length)
                {
                    Array.Resize(ref pending, Math.Max(pending.Length * 2, pendingLength + bytes));
                }

                pendingLength += Utf8.GetBytes(text, 0, text.Length, pending, pendingLength);
                if (pendingLength >= FlushAt)
                {
                    WritePending();
                }
            }
        }

        /// <summary>Hands what is buffered to the file.</summary>
        public void Flush()
        {
            lock (sync)
            {
                WritePending();
            }
        }

        /// <summary>Flushes and closes the file.</summary>
        public void Dispose()
        {
            lock (sync)
            {
                WritePending();
                stream?.Dispose();
                stream = null;
            }
        }

        private void WritePending()
        {
            if (stream == null || pendingLength == 0)
            {
                return;
            }

            try
            {
                stream.Write(pending, 0, pendingLength);
                stream.Flush();
                fileLength += pendingLength;
                pendingLength = 0;
                if (pending.Length > FlushAt * 2)
                {
                    pending = new byte[8192];
                }
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is ObjectDisposedException)
            {
                Stop("the log could not be written: " + exception.Message);
            }
        }

        private void Roll()
        {
            WritePending();
            if (stream == null)
            {
                return;
            }

            try
            {
                stream.Dispose();
                stream = null;
                if (maxHistory == 0)
                {
                    File.Delete(Path);
                }
                else
                {
                    File.Move(Path, RolledPath());
                    RemoveOldRolled();
                }

                stream = PrivateLogFile.OpenAppend(Path);
                fileLength = stream.Length;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is PlatformNotSupportedException)
            {
                Stop("the log could not be rolled: " + exception.Message);
            }
        }

        // smsts-YYYYMMDD-HHMMSS.log at the roll's local time, or with a counter past every name of
        // that second already there (so the newest roll sorts last, even after older ones were removed).
        private string RolledPath()
        {
            string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            int first = 1;
            foreach (string file in Directory.EnumerateFileSystemEntries(Folder, Stem + "-" + stamp + "*" + Extension))
            {
                Match match = rolledName.Match(System.IO.Path.GetFileName(file));
                if (match.Success && match.Groups[1].Value == stamp)
                {
                    first = Math.Max(first, (match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1) + 1);
                }
            }

            for (int counter = first; counter < first + MostTakenNames; counter++)
            {
                string name = Stem + "-" + stamp + (counter == 1 ? string.Empty : "-" + counter.ToString(CultureInfo.InvariantCulture)) + Extension;
                string candidate = System.IO.Path.Combine(Folder, name);
                if (!Taken(candidate))
                {
                    return candidate;
                }
            }

            throw new IOException($"{MostTakenNames} names {Stem}-{stamp}-N{Extension} in a row are taken in '{Folder}'");
        }

        // Anything at the path, a dangling link included.
        private static bool Taken(string path) => File.Exists(path) || Directory.Exists(path) || (!Platform.IsWindows && UnixFiles.OwnerOf(path) != null);

        // This user's rolled files, oldest first (by the time in the name, then the counter).
        private List<string> RolledNames()
        {
            var rolled = new List<KeyValuePair<string, string>>(); // sort key, name
            foreach (string file in Directory.EnumerateFiles(Folder, Stem + "-*" + Extension))
            {
                string name = System.IO.Path.GetFileName(file);
                Match match = rolledName.Match(name);
                if (match.Success && PrivateLogFile.IsOwnRegularFile(file))
                {
                    string counter = match.Groups[2].Success ? match.Groups[2].Value : "1";
                    rolled.Add(new KeyValuePair<string, string>(match.Groups[1].Value + "-" + counter.PadLeft(9, '0'), name));
                }
            }

            rolled.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return rolled.ConvertAll(entry => entry.Value);
        }

        private void RemoveOldRolled()
        {
            List<string> names = RolledNames();
            for (int i = 0; i < names.Count - maxHistory; i++)
            {
                File.Delete(System.IO.Path.Combine(Folder, names[i]));
            }
        }

        private void Stop(string reason)
        {
            Failure ??= reason;
            try
            {
                stream?.Dispose();
            }
            catch (Exception)
            {
                // Closing a file that failed may fail again; it is closed anyway.
            }

            stream = null;
            pendingLength = 0;
        }
    }
}
