using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using TsSequence.Engine;
using TsSequence.Engine.Log;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// A script's progress records (Write-Progress, TsProgressUI) as 'progress' events of its
    /// step, their text masked. Within one batch a record replaced by a later one of the same
    /// activity before that activity completes is dropped: progress is a state, so a loop
    /// reporting 10,000 times between two drains costs one event, while the last state before a
    /// completion is kept. percent is null when the record does not say; activityId and
    /// parentActivityId tell nested bars apart (TsProgressUI uses 1 for the action, 2 for its detail).
    /// Each record kept is also a line of the step's log ("Progress: activity: status (n%)").
    /// </summary>
    internal sealed class ProgressReporter
    {
        private readonly RunContext context;
        private readonly string path;
        private readonly StepOutput lines;

        internal ProgressReporter(RunContext context, string path, StepOutput lines)
        {
            this.context = context;
            this.path = path;
            this.lines = lines;
        }

        internal void Report(IList<ProgressRecord> records)
        {
            foreach (ProgressRecord record in Coalesce(records))
            {
                string percent = record.PercentComplete >= 0 ? $" ({record.PercentComplete}%)" : string.Empty;
                string done = record.RecordType == ProgressRecordType.Completed ? " (completed)" : string.Empty;
                lines.Logged("progress", $"Progress: {record.Activity}: {record.StatusDescription}{percent}{done}");
                if (context.Listener == null)
                {
                    continue;
                }

                TsEnvironment environment = context.Environment;
                var payload = new OrderedDictionary
                {
                    { "kind", "progress" },
                    { "path", path },
                    { "activityId", record.ActivityId },
                    { "parentActivityId", record.ParentActivityId },
                    { "activity", environment.Mask(record.Activity) },
                    { "status", environment.Mask(record.StatusDescription) },
                    { "percent", record.PercentComplete >= 0 ? (object)record.PercentComplete : null },
                    { "completed", record.RecordType == ProgressRecordType.Completed },
                };
                if (!string.IsNullOrEmpty(record.CurrentOperation))
                {
                    payload.Add("currentOperation", environment.Mask(record.CurrentOperation));
                }

                context.SendEvent(payload);
            }
        }

        internal static List<ProgressRecord> Coalesce(IList<ProgressRecord> records)
        {
            var kept = new List<ProgressRecord>();
            // activity id -> index in kept of its newest record still open to replacement
            var open = new Dictionary<int, int>();
            foreach (ProgressRecord record in records)
            {
                int id = record.ActivityId;
                if (record.RecordType == ProgressRecordType.Completed)
                {
                    kept.Add(record);
                    open.Remove(id);
                    continue;
                }

                if (open.TryGetValue(id, out int at))
                {
                    kept[at] = record;
                    continue;
                }

                open[id] = kept.Count;
                kept.Add(record);
            }

            return kept;
        }
    }
}
