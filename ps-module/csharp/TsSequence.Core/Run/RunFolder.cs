using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;

namespace TsSequence
{
    /// <summary>
    /// The private folder of one run, <c>&lt;data home&gt;/tsseq/runs/&lt;run id&gt;/</c> with a
    /// <c>Logs</c> subfolder: <c>_SMSTSMDataPath</c> and <c>_SMSTSLogPath</c> (ConfigMgr's
    /// <c>_SMSTaskSequence</c> folder and its logs). Each Invoke-TsSequence run gets one; a
    /// PowerShell session gets one, on first use, for all its Invoke-TsStep calls. The folder is
    /// private (see <see cref="PrivateDirectory"/>). A folder that is still empty when its run
    /// ends is removed, so runs that wrote nothing leave nothing behind; old finished runs' folders
    /// go when a new run starts (<see cref="RunRetention"/>).
    /// </summary>
    public sealed class RunFolder
    {
        private RunFolder(string runId, string dataPath)
        {
            RunId = runId;
            DataPath = dataPath;
            LogPath = Path.Combine(dataPath, "Logs");
        }

        /// <summary>
        /// The run id (<c>_SMSTSAdvertID</c>): the UTC start time and 32 random bits,
        /// <c>yyyyMMdd-HHmmss-xxxxxxxx</c>, so folders sort by start time and never collide.
        /// </summary>
        public string RunId { get; }

        /// <summary>The run's folder (<c>_SMSTSMDataPath</c>).</summary>
        public string DataPath { get; }

        /// <summary>The run's log folder (<c>_SMSTSLogPath</c>), inside <see cref="DataPath"/>.</summary>
        public string LogPath { get; }

        /// <summary>Creates a new run folder under the user's data directory (<see cref="DataHome"/>).</summary>
        public static RunFolder Create() => Create(Path.Combine(DataHome.Resolve(), "tsseq", "runs"));

        /// <summary>Creates a new run folder, and its Logs folder, inside <paramref name="runsRoot"/>.</summary>
        public static RunFolder Create(string runsRoot)
        {
            if (string.IsNullOrEmpty(runsRoot))
            {
                throw new ArgumentException("The folder for runs must be given.", nameof(runsRoot));
            }

            // A clash needs the same second and the same 32 random bits; retry rather than share.
            string root = Path.GetFullPath(runsRoot);
            // The runs folder and its parent are ours (tsseq/runs): whoever could write to them
            // could swap a run folder for a link between its creation and a script's first log.
            PrivateDirectory.Create(root);
            PrivateDirectory.AssertPrivate(root);
            string? parent = Path.GetDirectoryName(root);
            if (!string.IsNullOrEmpty(parent))
            {
                PrivateDirectory.AssertPrivate(parent!);
            }

            for (int attempt = 0; attempt < 10; attempt++)
            {
                string runId = NewRunId();
                var folder = new RunFolder(runId, Path.Combine(root, runId));
                if (!Directory.Exists(folder.DataPath))
                {
                    PrivateDirectory.CreateOwnerOnly(folder.DataPath);
                    PrivateDirectory.Create(folder.LogPath);
                    RunRetention.Prune(root);
                    return folder;
                }
            }

            throw new IOException("Cannot create a new run folder in '" + root + "': every name tried exists.");
        }

        /// <summary>
        /// A run folder at a place the caller chose (-StateDirectory, --state-dir): created
        /// private when missing, refused when it is not private or not the user's
        /// (<see cref="PrivateDirectory.CreateOwnerOnly"/>). <paramref name="runId"/> is the run's
        /// id: a new one for a new run, the saved one when a run resumes.
        /// </summary>
        public static RunFolder At(string dataPath, string? runId = null)
        {
            string full = Path.GetFullPath(dataPath);
            PrivateDirectory.CreateOwnerOnly(full);
            var folder = new RunFolder(runId ?? NewRunId(), full);
            PrivateDirectory.Create(folder.LogPath);
            return folder;
        }

        /// <summary>
        /// The folder a what-if run names (_SMSTSMDataPath) without creating anything:
        /// <paramref name="dataPath"/>, or a new run folder's place under the user's data directory.
        /// </summary>
        public static RunFolder Named(string? dataPath)
        {
            string runId = NewRunId();
            return new RunFolder(runId, Path.GetFullPath(dataPath ?? Path.Combine(DataHome.Resolve(), "tsseq", "runs", runId)));
        }

        /// <summary>
        /// Removes the Logs folder and the run folder if nothing was written into them; true when
        /// the folder is gone. A folder in use (a file was written, or it cannot be removed) stays.
        /// </summary>
        public bool RemoveIfEmpty()
        {
            try
            {
                if (Directory.Exists(LogPath) && IsEmpty(LogPath))
                {
                    Directory.Delete(LogPath);
                }

                if (Directory.Exists(DataPath) && IsEmpty(DataPath))
                {
                    Directory.Delete(DataPath);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            return !Directory.Exists(DataPath);
        }

        /// <summary>
        /// Calls <see cref="RemoveIfEmpty"/> when the process exits: for a session's folder, whose
        /// run has no end of its own.
        /// </summary>
        public void RemoveIfEmptyAtExit()
        {
            AppDomain.CurrentDomain.ProcessExit += (sender, args) => RemoveIfEmpty();
        }

        private static bool IsEmpty(string path)
        {
            using (var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator())
            {
                return !entries.MoveNext();
            }
        }

        private static string NewRunId()
        {
            var random = new byte[4];
            using (var generator = RandomNumberGenerator.Create())
            {
                generator.GetBytes(random);
            }

            return DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Hex.Lower(random);
        }
    }
}
