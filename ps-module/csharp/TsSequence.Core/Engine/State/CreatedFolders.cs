using System;
using System.IO;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// What a run refused before its first step must not leave in a state folder the caller
    /// named: the folder and its Logs folder when the run created them (and they are still
    /// empty), and state.lock when the run created it. Whatever was there before stays.
    /// </summary>
    internal sealed class CreatedFolders
    {
        private readonly bool folderExisted;
        private readonly bool logsExisted;

        internal CreatedFolders(bool folderExisted, bool logsExisted)
        {
            this.folderExisted = folderExisted;
            this.logsExisted = logsExisted;
        }

        /// <summary>What exists of <paramref name="stateDirectory"/> before the run touches it (null: a default folder, handled by the run itself).</summary>
        internal static CreatedFolders Before(string? stateDirectory)
        {
            if (stateDirectory == null)
            {
                return new CreatedFolders(true, true);
            }

            string folder = Path.GetFullPath(stateDirectory);
            return new CreatedFolders(Directory.Exists(folder), Directory.Exists(Path.Combine(folder, "Logs")));
        }

        /// <summary>Removes what the refused run created in <paramref name="folder"/>; best effort (a refusal is reported either way).</summary>
        internal void Undo(string folder, bool removeLock)
        {
            try
            {
                string lockFile = StateFiles.Lock(folder);
                if (removeLock && File.Exists(lockFile))
                {
                    File.Delete(lockFile);
                }

                string logs = Path.Combine(folder, "Logs");
                if (!logsExisted && Directory.Exists(logs) && IsEmpty(logs))
                {
                    Directory.Delete(logs);
                }

                if (!folderExisted && Directory.Exists(folder) && IsEmpty(folder))
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
            }
        }

        private static bool IsEmpty(string folder)
        {
            using (var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator())
            {
                return !entries.MoveNext();
            }
        }
    }
}
