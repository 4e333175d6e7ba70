using System;
using System.Globalization;
using System.IO;

namespace TsSequence
{
    /// <summary>
    /// Keeps the default runs folder (&lt;data home&gt;/tsseq/runs) from growing for ever: every
    /// finished run leaves its folder with its smsts.log, so when a run starts, the folders beyond
    /// the newest <see cref="Keep"/> that started more than <see cref="MinimumAge"/> ago and hold no
    /// saved state (state.json: a run waiting for a restart or a resume) are removed. Best effort:
    /// a folder that cannot be removed stays. Folders given with -StateDirectory are never touched.
    /// </summary>
    internal static class RunRetention
    {
        internal const int Keep = 100;

        internal static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

        internal static void Prune(string runsRoot)
        {
            string[] folders;
            try
            {
                folders = Directory.GetDirectories(runsRoot);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                return;
            }

            if (folders.Length <= Keep)
            {
                return;
            }

            // Run ids start with their UTC start time (yyyyMMdd-HHmmss), so names sort by age.
            Array.Sort(folders, StringComparer.Ordinal);
            DateTime cutoff = DateTime.UtcNow - MinimumAge;
            for (int i = 0; i < folders.Length - Keep; i++)
            {
                string name = Path.GetFileName(folders[i]);
                if (name.Length < 15 || !DateTime.TryParseExact(name.Substring(0, 15), "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime started) || started > cutoff)
                {
                    continue;
                }

                if (File.Exists(Path.Combine(folders[i], "state.json")))
                {
                    continue;
                }

                try
                {
                    Directory.Delete(folders[i], recursive: true);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // In use or not ours to remove: it stays.
                }
            }
        }
    }
}
