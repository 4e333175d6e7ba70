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
                throw StateException.Invalid(sequencePath, "the saved sequence cannot be read: " + ErrorText.Innermost(exception).Message, exception);
            }

            try
            {
                run.ReadState(state);
            }
            catch (Exception exception) when (!(exception is EngineException))
            {
                throw StateException.Invalid(statePath, "the saved state is not what a run saves: " + ErrorText.Innermost(exception).Message, exception);
            }

            return run;
        }

        private void ReadSequence(string path, IDictionary sequence)
        {
            CheckFormat(path, sequence);
            RunId = Text(sequence, "runId");
            string hash = Text(sequence, "documentHash");
            object? document = JsonCodec.Parse(Protector.UnprotectText(Text(sequence, "document")));
            if (!(document is IDictionary dictionary) || !string.Equals(DocumentHash.Of(document), hash, StringComparison.Ordinal))
            {
                throw StateException.Invalid(path, "the saved sequence document does not match its hash " + hash);
            }

            Document = dictionary;
            BaseDirectory = Text(sequence, "baseDirectory");
            LogPath = sequence["logPath"] as string;
            string? sourcePath = sequence["sourcePath"] as string;
            if (sourcePath != null && File.Exists(sourcePath))
            {
                string now = DocumentHash.Of(SequenceFile.Read(sourcePath));
                string then = Text(sequence, "sourceHash");
                if (!string.Equals(now, then, StringComparison.Ordinal))
                {
                    throw new EngineException("SequenceChanged", System.Management.Automation.ErrorCategory.InvalidData,
                        $"The sequence file '{sourcePath}' changed since the run started ({then}, now {now}); resuming would run a different sequence than the saved state describes, so nothing was run. Restore the file, or start a new run.", sourcePath);
                }
            }
        }

        private void ReadState(IDictionary state)
        {
            CheckFormat(StateFiles.State(Folder), state);
            Progress.Status = Text(state, "status");
            Progress.Position = Number(state["position"]);
            Progress.InProgress = state["inProgress"] == null ? (int?)null : Number(state["inProgress"]);
            Progress.RestartReason = state["restartReason"] as string;
            Progress.RestartedBy = state["restartedBy"] as string;
            foreach (DictionaryEntry retry in (IDictionary)state["retriesLeft"]!)
            {
                Progress.RetriesLeft[int.Parse((string)retry.Key, CultureInfo.InvariantCulture)] = Number(retry.Value);
            }

            foreach (object? group in (object?[])state["openGroups"]!)
            {
                var pair = (object?[])group!;
                Progress.OpenGroups.Add(new OpenGroup(Number(pair[0]), Number(pair[1])));
            }

            foreach (DictionaryEntry variable in (IDictionary)state["variables"]!)
            {
                Variables[(string)variable.Key] = (string)variable.Value!;
            }

            foreach (DictionaryEntry holding in (IDictionary)state["sealed"]!)
            {
                Variables[(string)holding.Key] = Protector.UnprotectText((string)holding.Value!);
            }

            foreach (DictionaryEntry secret in (IDictionary)state["secrets"]!)
            {
                Variables[(string)secret.Key] = Protector.UnprotectText((string)secret.Value!);
                SecretNames.Add((string)secret.Key);
            }

            foreach (object? value in (object?[])state["maskedValues"]!)
            {
                MaskedValues.Add(Protector.UnprotectText((string)value!));
            }

            int count = Number(state["resultCount"]);
            ResultsLength = state["resultsLength"] is int small ? small : state["resultsLength"] is long large ? large : throw new InvalidDataException("'resultsLength' is missing or not a whole number");
            var entries = new ResultEntry?[count];
            ResultJournal.Read(Folder, ResultsLength, entries, Entry);
            foreach (object? open in (object?[])state["openResults"]!)
            {
                var pair = (object?[])open!;
                int index = Number(pair[0]);
                entries[index] = Entry((IDictionary)pair[1]!);
            }

            foreach (ResultEntry? entry in entries)
            {
                Results.Add(entry ?? throw new InvalidDataException($"a result entry is missing from {StateFiles.Results(Folder)}"));
            }
        }

        private static ResultEntry Entry(IDictionary saved) => new ResultEntry((string)saved["path"]!, (string)saved["type"]!)
        {
            Status = (string)saved["status"]!,
            ExitCode = saved["exitCode"] == null ? (int?)null : Number(saved["exitCode"]),
            StartedAt = saved["startedAt"] as string,
            DurationMs = Number(saved["durationMs"]),
            Message = saved["message"] as string ?? string.Empty,
            SkipReason = saved["skipReason"] as string,
        };

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
                throw StateException.Invalid(path, "the file is not valid JSON (" + ErrorText.Innermost(exception).Message + ")", exception);
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

        private static string Text(IDictionary saved, string name) =>
            saved[name] as string ?? throw new InvalidDataException($"'{name}' is missing or not a string");

        private static int Number(object? value) => value is int number ? number : throw new InvalidDataException($"expected a whole number, got '{value}'");
    }
}
