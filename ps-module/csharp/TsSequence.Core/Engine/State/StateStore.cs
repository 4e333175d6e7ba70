using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using TsSequence.Json;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// Saves a run's state in its state folder (<see cref="StateFiles"/>). The document goes
    /// once, protected (it may hold secret step fields); state.json is rewritten whole before
    /// every step, and kept cheap for long sequences: result entries are appended once to the
    /// <see cref="ResultJournal"/> (state.json names its valid length and holds only the open
    /// groups' entries), a secret value is encrypted once and its sealed form reused.
    /// </summary>
    internal sealed class StateStore : IDisposable
    {
        private readonly string statePath;
        private readonly SecretProtector protector;
        private readonly Dictionary<string, string> sealedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly ResultJournal journal;
        private readonly AsciiBuffer buffer = new AsciiBuffer(1 << 16);

        private StateStore(string folder, SecretProtector protector, ResultJournal journal)
        {
            statePath = StateFiles.State(folder);
            this.protector = protector;
            this.journal = journal;
        }

        /// <summary>The store of a run that starts now: writes sequence.json (durably) and makes the key.</summary>
        internal static StateStore Begin(RunFolder run, string documentJson, string documentHash, string baseDirectory, string? sourcePath, string? sourceHash, RunOptions options)
        {
            SecretProtector protector = SecretProtector.For(run.DataPath, create: true);
            var sequence = new OrderedDictionary
            {
                { "format", StateFiles.Format },
                { "runId", run.RunId },
                { "documentHash", documentHash },
                { "document", protector.ProtectText(documentJson) },
                { "baseDirectory", baseDirectory },
                { "sourcePath", sourcePath },
                { "sourceHash", sourceHash },
                { "logPath", options.LogPath },
                { "restartProvider", options.RestartProvider },
            };
            var json = new AsciiBuffer();
            JsonCodec.Serialize(json, sequence);
            AtomicFile.Write(StateFiles.Sequence(run.DataPath), json, durable: true);
            return new StateStore(run.DataPath, protector, ResultJournal.Begin(run.DataPath));
        }

        /// <summary>The store of a resumed run, over its existing files.</summary>
        internal static StateStore Continue(SavedRun saved)
        {
            var open = new List<int>();
            foreach (OpenGroup group in saved.Progress.OpenGroups)
            {
                open.Add(group.ResultIndex);
            }

            return new StateStore(saved.Folder, saved.Protector, ResultJournal.Continue(saved.Folder, saved.ResultsLength, saved.Results.Count, open));
        }

        /// <summary>
        /// Replaces state.json with the run as it is now. <paramref name="durable"/>: fsync too
        /// (before and after a step that can act outside the state, and when the run stops or ends).
        /// </summary>
        internal void Save(RunContext context, RunProgress progress, bool durable)
        {
            AsciiBuffer json = buffer;
            json.Clear();
            json.Append("{\"format\":");
            json.Append(StateFiles.Format.ToString(CultureInfo.InvariantCulture));
            Field(json, "runId", context.Run.RunId);
            Field(json, "status", progress.Status);
            json.Append(",\"position\":");
            json.Append(progress.Position.ToString(CultureInfo.InvariantCulture));
            json.Append(",\"inProgress\":");
            json.Append(progress.InProgress == null ? "null" : progress.InProgress.Value.ToString(CultureInfo.InvariantCulture));
            Field(json, "restartReason", progress.RestartReason);
            Field(json, "restartedBy", progress.RestartedBy);
            Field(json, "interruption", progress.Interruption);
            json.Append(",\"restarts\":");
            json.Append(progress.Restarts.ToString(CultureInfo.InvariantCulture));
            json.Append(",\"retriesLeft\":{");
            bool first = true;
            foreach (KeyValuePair<int, int> retry in progress.RetriesLeft)
            {
                json.Append(first ? "\"" : ",\"");
                first = false;
                json.Append(retry.Key.ToString(CultureInfo.InvariantCulture));
                json.Append("\":");
                json.Append(retry.Value.ToString(CultureInfo.InvariantCulture));
            }

            json.Append("},\"openGroups\":[");
            for (int i = 0; i < progress.OpenGroups.Count; i++)
            {
                json.Append(i == 0 ? "[" : ",[");
                json.Append(progress.OpenGroups[i].Index.ToString(CultureInfo.InvariantCulture));
                json.Append(',');
                json.Append(progress.OpenGroups[i].ResultIndex.ToString(CultureInfo.InvariantCulture));
                json.Append(']');
            }

            json.Append(']');
            AppendVariables(json, context.Environment);
            AppendResults(json, context.Results, progress, durable);
            json.Append('}');
            AtomicFile.Write(statePath, json, durable);
        }

        /// <summary>
        /// Notes in the last saved state why the step it has in progress did not finish, changing
        /// nothing else: its variables stay those the step started with, its result stays out,
        /// as after a crash. The saved text holds <c>"interruption":null</c> exactly once (a
        /// string value cannot hold that unescaped), and nothing was saved since the step began.
        /// </summary>
        internal void NoteInterruption(string interruption)
        {
            string saved = System.IO.File.ReadAllText(statePath);
            const string Unnoted = "\"interruption\":null";
            int at = saved.IndexOf(Unnoted, StringComparison.Ordinal);
            if (at < 0)
            {
                throw StateException.Invalid(statePath, "it has no \"interruption\" field to note the cancel in");
            }

            AsciiBuffer json = buffer;
            json.Clear();
            json.Append(saved, 0, at);
            json.Append("\"interruption\":");
            JsonString.Append(json, interruption);
            json.Append(saved, at + Unnoted.Length, saved.Length - at - Unnoted.Length);
            AtomicFile.Write(statePath, json, durable: true);
        }

        /// <summary>Closes the result journal (the run ended or stopped).</summary>
        public void Dispose() => journal.Dispose();

        private void AppendVariables(AsciiBuffer json, TsEnvironment environment)
        {
            // Plain values in "variables"; secret ones sealed in "secrets"; a value holding a copy of
            // a secret (not secret itself) sealed in "sealed"; every value the run masks (copies
            // of secrets, secret step fields) sealed in "maskedValues".
            Dictionary<string, string> values = environment.Snapshot();
            json.Append(",\"variables\":{");
            bool first = true;
            List<KeyValuePair<string, string>>? holdingSecrets = null;
            bool anySecrets = environment.LongestSecretLength > 0;
            foreach (KeyValuePair<string, string> variable in values)
            {
                if (environment.IsSecret(variable.Key))
                {
                    continue;
                }

                if (anySecrets && !string.Equals(environment.Mask(variable.Value), variable.Value, StringComparison.Ordinal))
                {
                    (holdingSecrets ??= new List<KeyValuePair<string, string>>()).Add(variable);
                    continue;
                }

                Pair(json, ref first, variable.Key, variable.Value);
            }

            json.Append("},\"sealed\":{");
            first = true;
            foreach (KeyValuePair<string, string> variable in holdingSecrets ?? new List<KeyValuePair<string, string>>())
            {
                Pair(json, ref first, variable.Key, Seal(variable.Value));
            }

            json.Append("},\"secrets\":{");
            first = true;
            foreach (string name in environment.GetSecretNames())
            {
                if (values.TryGetValue(name, out string? value))
                {
                    Pair(json, ref first, name, Seal(value));
                }
            }

            json.Append("},\"maskedValues\":[");
            first = true;
            foreach (string value in environment.GetSecretValues())
            {
                json.Append(first ? string.Empty : ",");
                first = false;
                JsonString.Append(json, Seal(value));
            }

            json.Append(']');
        }

        private void AppendResults(AsciiBuffer json, List<ResultEntry> results, RunProgress progress, bool durable)
        {
            // Settled entries go to the journal (before state.json names its new length); open groups' stay here.
            journal.Append(results, index => IsOpen(progress, index), durable);
            json.Append(",\"resultCount\":");
            json.Append(results.Count.ToString(CultureInfo.InvariantCulture));
            json.Append(",\"resultsLength\":");
            json.Append(journal.Length.ToString(CultureInfo.InvariantCulture));
            json.Append(",\"openResults\":[");
            for (int i = 0; i < progress.OpenGroups.Count; i++)
            {
                int index = progress.OpenGroups[i].ResultIndex;
                json.Append(i == 0 ? "[" : ",[");
                json.Append(index.ToString(CultureInfo.InvariantCulture));
                json.Append(',');
                JsonCodec.Serialize(json, results[index].ToDictionary());
                json.Append(']');
            }

            json.Append(']');
        }

        private static bool IsOpen(RunProgress progress, int index)
        {
            foreach (OpenGroup group in progress.OpenGroups)
            {
                if (group.ResultIndex == index)
                {
                    return true;
                }
            }

            return false;
        }

        private string Seal(string value)
        {
            if (!sealedValues.TryGetValue(value, out string? sealedValue))
            {
                sealedValue = protector.ProtectText(value);
                sealedValues[value] = sealedValue;
            }

            return sealedValue;
        }

        private static void Field(AsciiBuffer json, string name, string? value)
        {
            json.Append(",\"");
            json.Append(name);
            json.Append("\":");
            if (value == null)
            {
                json.Append("null");
            }
            else
            {
                JsonString.Append(json, value);
            }
        }

        private static void Pair(AsciiBuffer json, ref bool first, string name, string value)
        {
            if (!first)
            {
                json.Append(',');
            }

            first = false;
            JsonString.Append(json, name);
            json.Append(':');
            JsonString.Append(json, value);
        }
    }
}
