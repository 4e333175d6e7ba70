using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TsSequence.Documents;
using TsSequence.Json;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// A run read back from its state folder for a resume. Anything missing, unreadable or not
    /// of the shape a run saves is an error naming the file; the document must match the hash
    /// saved with it, and the sequence file it came from (when there was one and it still exists)
    /// must not have changed since.
    /// </summary>
    internal sealed class SavedRun
    {
        private SavedRun()
        {
        }

        internal string Folder { get; private set; } = string.Empty;

        internal string RunId { get; private set; } = string.Empty;

        internal IDictionary Document { get; private set; } = null!;

        internal string BaseDirectory { get; private set; } = string.Empty;

        internal string? LogPath { get; private set; }

        internal RunProgress Progress { get; } = new RunProgress();

        internal Dictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        internal List<string> SecretNames { get; } = new List<string>();

        internal List<string> MaskedValues { get; } = new List<string>();

        internal List<ResultEntry> Results { get; } = new List<ResultEntry>();

        /// <summary>The valid length of the result journal the state names.</summary>
        internal long ResultsLength { get; private set; }

        internal SecretProtector Protector { get; private set; } = null!;

        internal static SavedRun Load(string folder)
        {
            if (!Directory.Exists(folder))
            {
                throw StateException.Invalid(folder, "the state folder does not exist");
            }

            PrivateDirectory.AssertOwnerOnly(folder);
            var run = new SavedRun { Folder = folder };
            string sequencePath = StateFiles.Sequence(folder);
            string statePath = StateFiles.State(folder);
            IDictionary sequence = ReadObject(sequencePath);
            IDictionary state = ReadObject(statePath);
            try
            {
                run.Protector = SecretProtector.For(folder, create: false);
                run.ReadSequence(sequencePath, sequence);
            }
            catch (Exception exception) when (!(exception is EngineException))
            {
                throw StateException.Invalid(sequencePath, "the saved sequence cannot be read: " + ErrorText.Innermost(exception).Message.TrimEnd('.'), exception);
            }

            try
            {
                run.ReadState(state);
            }
            catch (Exception exception) when (!(exception is EngineException))
            {
                throw StateException.Invalid(statePath, "the saved state is not what a run saves: " + ErrorText.Innermost(exception).Message.TrimEnd('.'), exception);
            }

            return run;
        }

        private void ReadSequence(string path, IDictionary sequence)
        {
            CheckFormat(path, sequence);
            var fields = new SavedFields(path, sequence);
            RunId = fields.Text("runId");
            string hash = fields.Text("documentHash");
            object? document = JsonCodec.Parse(Protector.UnprotectText(fields.Text("document")));
            if (!(document is IDictionary dictionary) || !string.Equals(DocumentHash.Of(document), hash, StringComparison.Ordinal))
            {
                throw StateException.Invalid(path, "the saved sequence document does not match its hash " + hash);
            }

            Document = dictionary;
            BaseDirectory = fields.Text("baseDirectory");
            LogPath = fields.OptionalText("logPath");
            string? sourcePath = fields.OptionalText("sourcePath");
            if (sourcePath != null && File.Exists(sourcePath))
            {
                string now = DocumentHash.Of(SequenceFile.Read(sourcePath));
                string then = fields.Text("sourceHash");
                if (!string.Equals(now, then, StringComparison.Ordinal))
                {
                    throw new EngineException("SequenceChanged", System.Management.Automation.ErrorCategory.InvalidData,
                        $"The sequence file '{sourcePath}' changed since the run started ({then}, now {now}); resuming would run a different sequence than the saved state describes, so nothing was run. Restore the file, or start a new run.", sourcePath);
                }
            }
        }

        private static readonly string[] Statuses = { "Running", "RestartPending", "Succeeded", "Failed" };

        private void ReadState(IDictionary state)
        {
            string path = StateFiles.State(Folder);
            CheckFormat(path, state);
            var fields = new SavedFields(path, state);
            string runId = fields.Text("runId");
            if (!string.Equals(runId, RunId, StringComparison.Ordinal))
            {
                throw StateException.Invalid(path, $"it is the state of run {runId}, but {StateFiles.Sequence(Folder)} is of run {RunId} (files of two runs mixed)");
            }

            int count = Items.InstructionCount(Document["steps"] as object?[] ?? new object?[0]);
            Progress.Status = fields.Text("status");
            if (Array.IndexOf(Statuses, Progress.Status) < 0)
            {
                throw fields.Wrong("status", "one of " + string.Join(", ", Statuses));
            }

            Progress.Position = fields.Number("position", 0, count);
            Progress.InProgress = fields.OptionalNumber("inProgress", 0, count - 1);
            Progress.RestartReason = fields.OptionalText("restartReason");
            Progress.RestartedBy = fields.OptionalText("restartedBy");
            // Absent in a state saved before cancels were noted: a crash then.
            Progress.Interruption = fields.OptionalText("interruption");
            if (Progress.Interruption != null && (Progress.Interruption != Checkpoints.Cancelled || Progress.InProgress == null))
            {
                throw fields.Wrong("interruption", $"\"{Checkpoints.Cancelled}\" (with inProgress set) or null");
            }
            // Absent in a state saved before restarts were counted: none counted then.
            Progress.Restarts = fields.OptionalNumber("restarts", 0, int.MaxValue) ?? 0;
            if (Progress.RestartedBy != null && Array.IndexOf(RunOptions.RestartProviders, Progress.RestartedBy) < 0)
            {
                throw fields.Wrong("restartedBy", "one of " + string.Join(", ", RunOptions.RestartProviders) + " or null");
            }

            foreach (DictionaryEntry retry in fields.Object("retriesLeft"))
            {
                int? index = int.TryParse((string)retry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed < count ? parsed : (int?)null;
                Progress.RetriesLeft[index ?? throw fields.Wrong("retriesLeft", $"an object whose names are instruction numbers from 0 to {count - 1}")] =
                    SavedFields.Whole(retry.Value, 0, int.MaxValue) ?? throw fields.Wrong("retriesLeft", "an object of whole numbers from 0");
            }

            object?[] openResults = fields.List("openResults");
            long resultsLength = fields.Length("resultsLength", long.MaxValue);
            // A journal line is longer than 2 bytes, so the count is bounded before an array of it is made.
            int resultCount = fields.Number("resultCount", 0, (int)Math.Min(int.MaxValue - 1, resultsLength / 2 + openResults.Length));
            foreach (object? group in fields.List("openGroups"))
            {
                var pair = group as object?[];
                int? index = pair?.Length == 2 ? SavedFields.Whole(pair[0], 0, count - 1) : null;
                int? result = pair?.Length == 2 ? SavedFields.Whole(pair[1], 0, resultCount - 1) : null;
                if (index == null || result == null)
                {
                    throw fields.Wrong("openGroups", $"a list of [instruction number, result number] pairs (0 to {count - 1}, 0 to {resultCount - 1})");
                }

                Progress.OpenGroups.Add(new OpenGroup(index.Value, result.Value));
            }

            foreach (DictionaryEntry variable in fields.Object("variables"))
            {
                Variables[(string)variable.Key] = variable.Value as string ?? throw fields.Wrong("variables", "an object of strings");
            }

            foreach (DictionaryEntry holding in fields.Object("sealed"))
            {
                Variables[(string)holding.Key] = Protector.UnprotectText(holding.Value as string ?? throw fields.Wrong("sealed", "an object of strings"));
            }

            foreach (DictionaryEntry secret in fields.Object("secrets"))
            {
                Variables[(string)secret.Key] = Protector.UnprotectText(secret.Value as string ?? throw fields.Wrong("secrets", "an object of strings"));
                SecretNames.Add((string)secret.Key);
            }

            foreach (object? value in fields.List("maskedValues"))
            {
                MaskedValues.Add(Protector.UnprotectText(value as string ?? throw fields.Wrong("maskedValues", "an array of strings")));
            }

            ResultsLength = resultsLength;
            var entries = new ResultEntry?[resultCount];
            string journal = StateFiles.Results(Folder);
            ResultJournal.Read(Folder, ResultsLength, entries, saved => Entry(journal, saved));
            foreach (object? open in openResults)
            {
                var pair = open as object?[];
                int? index = pair?.Length == 2 && pair[1] is IDictionary ? SavedFields.Whole(pair[0], 0, resultCount - 1) : null;
                entries[index ?? throw fields.Wrong("openResults", $"a list of [result number (0 to {resultCount - 1}), entry] pairs")] = Entry(path, (IDictionary)pair![1]!);
            }

            foreach (ResultEntry? entry in entries)
            {
                Results.Add(entry ?? throw new InvalidDataException($"a result entry is missing from {journal}"));
            }
        }

        // The fields every entry has; any other field of a saved entry is one its step type added
        // (output, errors, ...: ResultEntry.Details, saved as the result had it: bounded and masked).
        private static readonly string[] EntryFields = { "path", "type", "status", "exitCode", "startedAt", "durationMs", "message", "skipReason", "outputTail" };

        private static ResultEntry Entry(string file, IDictionary saved)
        {
            var fields = new SavedFields(file, saved, "a result entry's ");
            var entry = new ResultEntry(fields.Text("path"), fields.Text("type"))
            {
                Status = fields.Text("status"),
                ExitCode = saved["exitCode"] == null ? (int?)null : saved["exitCode"] is int code ? code : throw fields.Wrong("exitCode", "a whole number or null"),
                StartedAt = fields.OptionalText("startedAt"),
                DurationMs = fields.Number("durationMs", 0, int.MaxValue),
                Message = fields.OptionalText("message") ?? string.Empty,
                SkipReason = fields.OptionalText("skipReason"),
                OutputTail = fields.OptionalText("outputTail"),
            };
            foreach (DictionaryEntry field in saved)
            {
                string name = (string)field.Key;
                if (Array.IndexOf(EntryFields, name) < 0)
                {
                    (entry.Details ??= new System.Collections.Specialized.OrderedDictionary())[name] = field.Value;
                }
            }

            return entry;
        }

        private static IDictionary ReadObject(string path)
        {
            if (!File.Exists(path))
            {
                throw StateException.Invalid(path, "the file is missing, so this folder holds no saved run (a run saves its state there before its first step)");
            }

            object? value;
            try
            {
                value = JsonCodec.Parse(File.ReadAllText(path));
            }
            catch (Exception exception)
            {
                throw StateException.Invalid(path, "the file is not valid JSON (" + ErrorText.Innermost(exception).Message.TrimEnd('.') + ")", exception);
            }

            return value as IDictionary ?? throw StateException.Invalid(path, "the file does not hold a JSON object");
        }

        private static void CheckFormat(string path, IDictionary saved)
        {
            if (!(saved["format"] is int format) || format != StateFiles.Format)
            {
                throw StateException.Invalid(path, $"the file is not a state of format {StateFiles.Format} (format: {saved["format"] ?? "missing"})");
            }
        }
    }
}
