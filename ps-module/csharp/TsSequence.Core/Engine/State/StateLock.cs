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
    /// the holder's process id, only for the refusal message (the lock file itself cannot be read
    /// while held).
    /// </summary>
    internal sealed class StateLock : IDisposable
    {
        private readonly FileStream stream;

        private StateLock(FileStream stream)
        {
            this.stream = stream;
        }

        /// <summary>Takes the lock of <paramref name="folder"/> (which exists), or fails with StateFolderInUse naming the holder.</summary>
        internal static StateLock Take(string folder)
        {
            string path = StateFiles.Lock(folder);
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException exception) when (IsHeldElsewhere(exception))
            {
                throw new EngineException("StateFolderInUse", ErrorCategory.ResourceBusy, $"The run in '{folder}' is still running in another process{Holder(folder)}; nothing was run. Wait for it to end or stop it, then resume it (Resume-TsSequence, tsseq resume --state-dir).", folder, exception);
            }

            try
            {
                string owner = StateFiles.Owner(folder);
                File.WriteAllText(owner, CurrentProcessId().ToString(CultureInfo.InvariantCulture));
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

            return new StateLock(stream);
        }

        /// <summary>Releases the lock (the run ended or stopped); the files stay, holding nothing.</summary>
        public void Dispose() => stream.Dispose();

        // EWOULDBLOCK from flock on Unix; ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION on Windows.
        private static bool IsHeldElsewhere(IOException exception) =>
            !(exception is FileNotFoundException) && !(exception is DirectoryNotFoundException) &&
            (Platform.IsWindows ? (exception.HResult & 0xFFFF) == 32 || (exception.HResult & 0xFFFF) == 33 : exception.HResult == 11 || exception.HResult == 35);

        private static string Holder(string folder)
        {
            try
            {
                string text = File.ReadAllText(StateFiles.Owner(folder)).Trim();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? $" (pid {pid})" : string.Empty;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                return string.Empty;
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
