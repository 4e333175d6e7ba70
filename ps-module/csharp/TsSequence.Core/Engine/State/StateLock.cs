using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// A run's exclusive hold on its state folder, for as long as it runs: <c>state.lock</c>
    /// opened with FileShare.None (a share lock on Windows; on Unix .NET takes an flock, which
    /// excludes every other open with a lock, in this process or another). The OS drops it when
    /// the process dies, so a crashed run's folder can be resumed at once, while a run whose
    /// engine is still alive (its caller killed) cannot be run twice. <c>state.owner</c> names
    /// the holder's process id, for the refusal message (the lock file itself cannot be read
    /// while held), and is removed when the lock is released: one found by a run that got the
    /// lock was left by a holder that died (a killed run), so it is stale, whatever process now
    /// has that id (<see cref="StaleOwner"/>), and the run takes the folder over.
    /// </summary>
    internal sealed class StateLock : IDisposable
    {
        private readonly FileStream stream;
        private readonly string owner;

        private StateLock(FileStream stream, string owner, bool createdLockFile, int? staleOwner)
        {
            this.stream = stream;
            this.owner = owner;
            CreatedLockFile = createdLockFile;
            StaleOwner = staleOwner;
        }

        /// <summary>True when state.lock did not exist before this lock was taken (a refused run removes it again).</summary>
        internal bool CreatedLockFile { get; }

        /// <summary>The process id a state.owner left by a dead holder named; null when there was none.</summary>
        internal int? StaleOwner { get; }

        /// <summary>The line saying the folder was taken over from a dead holder, or null.</summary>
        internal string? TakeOverNote => StaleOwner == null ? null
            : $"state.owner named pid {StaleOwner.Value.ToString(CultureInfo.InvariantCulture)}, a run that ended without releasing the folder (it was killed or crashed); the lock was free, so this run takes the folder over.";

        /// <summary>Takes the lock of <paramref name="folder"/> (which exists), or fails with StateFolderInUse naming the holder.</summary>
        internal static StateLock Take(string folder)
        {
            string path = StateFiles.Lock(folder);
            bool created = !File.Exists(path);
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException exception) when (IsHeldElsewhere(exception))
            {
                throw new EngineException("StateFolderInUse", ErrorCategory.ResourceBusy, $"The run in '{folder}' is still running in another process{Holder(folder)}; nothing was run. Wait for it to end or stop it, then resume it (Resume-TsSequence, tsseq resume --state-dir).", folder, exception);
            }

            string owner = StateFiles.Owner(folder);
            int? stale;
            try
            {
                int self = CurrentProcessId();
                stale = ReadOwner(owner);
                if (stale == self)
                {
                    stale = null;
                }

                File.WriteAllText(owner, self.ToString(CultureInfo.InvariantCulture));
                if (!Platform.IsWindows)
                {
                    UnixFiles.MakeOwnerOnly(path);
                    UnixFiles.MakeOwnerOnly(owner);
                }
            }
            catch
            {
                stream.Dispose();
                throw;
            }

            return new StateLock(stream, owner, created, stale);
        }

        /// <summary>Releases the lock (the run ended or stopped): state.owner goes first (it names a holder no more); state.lock stays, holding nothing.</summary>
        public void Dispose()
        {
            try
            {
                File.Delete(owner);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                // A stale owner file is only ever a message; the lock is what counts.
            }

            stream.Dispose();
        }

        // EWOULDBLOCK from flock on Unix; ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION on Windows.
        private static bool IsHeldElsewhere(IOException exception) =>
            !(exception is FileNotFoundException) && !(exception is DirectoryNotFoundException) &&
            (Platform.IsWindows ? (exception.HResult & 0xFFFF) == 32 || (exception.HResult & 0xFFFF) == 33 : exception.HResult == 11 || exception.HResult == 35);

        // The holder named in the refusal: state.owner's pid when that process is alive (the
        // holder may not have written its own yet, leaving a dead one's there).
        private static string Holder(string folder)
        {
            int? pid = ReadOwner(StateFiles.Owner(folder));
            return pid != null && IsRunning(pid.Value) ? $" (pid {pid.Value.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
        }

        private static int? ReadOwner(string path)
        {
            try
            {
                if (!File.Exists(path))
                {
                    return null;
                }

                string text = File.ReadAllText(path).Trim();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : (int?)null;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using (var process = System.Diagnostics.Process.GetProcessById(pid))
                {
                    return !process.HasExited;
                }
            }
            catch (Exception exception) when (exception is ArgumentException || exception is InvalidOperationException || exception is System.ComponentModel.Win32Exception || exception is NotSupportedException)
            {
                return false;
            }
        }

        private static int CurrentProcessId()
        {
            using (var process = System.Diagnostics.Process.GetCurrentProcess())
            {
                return process.Id;
            }
        }
    }
}
