using System.IO;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// The files of a saved run in its state folder (the run folder, _SMSTSMDataPath):
    /// <c>sequence.json</c> (written once: the document, protected, its hash, the base directory,
    /// the source file), <c>state.json</c> (replaced before every step: position, variables,
    /// bookkeeping), <c>results.jsonl</c> (result entries, appended once each), on Unix <c>state.key</c> (the key of the protected values),
    /// and <c>state.lock</c> / <c>state.owner</c> (<see cref="StateLock"/>).
    /// </summary>
    internal static class StateFiles
    {
        internal const int Format = 1;

        internal static string Sequence(string folder) => Path.Combine(folder, "sequence.json");

        internal static string State(string folder) => Path.Combine(folder, "state.json");

        internal static string Results(string folder) => Path.Combine(folder, "results.jsonl");

        internal static string Lock(string folder) => Path.Combine(folder, "state.lock");

        internal static string Owner(string folder) => Path.Combine(folder, "state.owner");

        /// <summary>Deletes the state files of a run, its lock released (its logs stay).</summary>
        internal static void Remove(string folder)
        {
            foreach (string file in new[] { State(folder), Results(folder), Sequence(folder), Path.Combine(folder, AesGcmProtector.KeyFileName), Owner(folder), Lock(folder) })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }
    }
}
