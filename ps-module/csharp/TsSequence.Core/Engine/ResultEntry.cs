using System.Collections.Specialized;

namespace TsSequence.Engine
{
    /// <summary>
    /// One step or group of the result document (DESIGN.md section 4): path, type, status
    /// (Succeeded, Failed, FailedContinued, Skipped), skipReason (Disabled, ConditionFalse,
    /// GroupFailed; only when skipped), exitCode, startedAt, durationMs, message (masked) and, for a
    /// failed step that printed something, outputTail: its last lines (masked), then the fields its
    /// step type adds (<see cref="Details"/>).
    /// </summary>
    public sealed class ResultEntry
    {
        /// <summary>An entry not yet run (status Skipped until settled).</summary>
        public ResultEntry(string path, string type)
        {
            Path = path;
            Type = type;
        }

        /// <summary>Names from the root to the item, joined by '/'.</summary>
        public string Path { get; }

        /// <summary>The step type, or Group.</summary>
        public string Type { get; }

        /// <summary>Succeeded, Failed, FailedContinued or Skipped.</summary>
        public string Status { get; set; } = "Skipped";

        /// <summary>The step's exit code; null for groups and items that did not run.</summary>
        public int? ExitCode { get; set; }

        /// <summary>UTC start, ISO 8601 with milliseconds; null when the item did not start.</summary>
        public string? StartedAt { get; set; }

        /// <summary>How long the item ran.</summary>
        public int DurationMs { get; set; }

        /// <summary>Why the item failed, or what it reported (masked).</summary>
        public string Message { get; set; } = string.Empty;

        /// <summary>Why the item was skipped; null when it ran.</summary>
        public string? SkipReason { get; set; }

        /// <summary>The last lines of the step's output (masked; <see cref="Log.StepOutput"/>); in the result only when the step failed.</summary>
        public string? OutputTail { get; set; }

        /// <summary>Fields the step type adds (<see cref="Steps.StepOutcome.Details"/>: bounded, masked); null for none.</summary>
        public OrderedDictionary? Details { get; set; }

        /// <summary>The entry as the result document has it, with <paramref name="kind"/> first when it is an event.</summary>
        public OrderedDictionary ToDictionary(string? kind = null)
        {
            var entry = new OrderedDictionary();
            if (kind != null)
            {
                entry.Add("kind", kind);
            }

            entry.Add("path", Path);
            entry.Add("type", Type);
            entry.Add("status", Status);
            entry.Add("exitCode", ExitCode);
            entry.Add("startedAt", StartedAt);
            entry.Add("durationMs", DurationMs);
            entry.Add("message", Message);
            if (SkipReason != null)
            {
                entry.Add("skipReason", SkipReason);
            }

            if (OutputTail != null && (Status == "Failed" || Status == "FailedContinued"))
            {
                entry.Add("outputTail", OutputTail);
            }

            if (Details != null)
            {
                foreach (System.Collections.DictionaryEntry detail in Details)
                {
                    entry[detail.Key] = detail.Value;
                }
            }

            return entry;
        }
    }
}
