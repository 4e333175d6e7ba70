using System;
using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Collections.Specialized;
using TsSequence.Conditions;
using TsSequence.Engine.State;

namespace TsSequence.Engine
{
    /// <summary>
    /// Walks steps and groups in order with ConfigMgr's semantics (spec 2.3): disabled items and
    /// false conditions skip; a failed item without continueOnError stops its list, and the items
    /// not reached are recorded as Skipped (GroupFailed). Every item of the document gets a result
    /// entry, in document order (a group's entry before its children's). As ConfigMgr does for
    /// every instruction it reaches (spec 4, 6.2), _SMSTSNextInstructionPointer (the item's flat
    /// index) and _SMSTSCurrentActionName are set first, before the disabled flag and the condition;
    /// then the state is saved (<see cref="Checkpoints"/>). A step that asks for a restart stops the
    /// walk after it; a resumed run walks again from the start, passing over what was done.
    /// </summary>
    public sealed class ItemWalker
    {
        private readonly RunContext context;

        /// <summary>A walker for one run.</summary>
        public ItemWalker(RunContext context)
        {
            this.context = context;
        }

        /// <summary>
        /// Runs a list; false when a failure was not absorbed. Stops early, leaving the rest for
        /// the resumed run, when a step asked for a restart (<see cref="RunContext.Stopping"/>).
        /// </summary>
        public bool RunList(object?[] items, string parentPath)
        {
            bool failed = false;
            foreach (object? value in items)
            {
                RunCancellation.ThrowIfRequested();
                var item = (IDictionary)value!;
                string path = Items.JoinPath(parentPath, Items.Name(item));
                int start = context.InstructionPointer;
                int next = start + (Items.IsGroup(item) ? Items.InstructionCount(new object?[] { item }) : 1);
                if (context.ResumeAt >= 0 && start < context.ResumeAt)
                {
                    // A resumed run: done before the restart (results restored), or a group still open.
                    if (ReenterOpenGroup(item, path, start) == "Failed")
                    {
                        failed = true;
                    }
                }
                else if (failed)
                {
                    AddSkipped(item, path, "GroupFailed");
                }
                else if (RunItem(item, path) == "Failed")
                {
                    failed = true;
                }

                context.InstructionPointer = next;
                if (context.Stopping)
                {
                    break;
                }
            }

            return !failed;
        }

        /// <summary>
        /// In a resumed run, an item that starts before the resume point: a group that was open
        /// when the run stopped is entered again with its saved entry (its finished children are
        /// passed over, the rest run) and settled at its end; anything else is done already.
        /// </summary>
        private string? ReenterOpenGroup(IDictionary item, string path, int start)
        {
            OpenGroup? open = context.Progress.OpenGroups.Find(group => group.Index == start);
            if (open == null)
            {
                return null;
            }

            ResultEntry entry = context.Results[open.ResultIndex];
            context.InstructionPointer = start + 1;
            bool completed = RunList(Items.Children(item), path);
            if (context.Stopping)
            {
                return null;
            }

            context.Progress.OpenGroups.Remove(open);
            entry.DurationMs = MillisecondsSince(entry.StartedAt);
            return Complete(entry, null, completed, Items.Flag(item, "continueOnError"), null, completed ? string.Empty : "A step of this group failed.");
        }

        /// <summary>Runs one step or group with its options; returns its status.</summary>
        public string RunItem(IDictionary item, string path)
        {
            TsEnvironment environment = context.Environment;
            string name = Items.Name(item);
            environment.SetSystem("_SMSTSNextInstructionPointer", context.InstructionPointer.ToString(CultureInfo.InvariantCulture));
            environment.SetSystem("_SMSTSCurrentActionName", name);
            int index = context.InstructionPointer;
            // A group's children follow it in the flat table; RunList moves past the whole item.
            context.InstructionPointer++;
            bool interrupted = context.ResumeAt == index && context.Interrupted == index;
            context.ResumeAt = -1;
            if (context.Log.Wanted)
            {
                // ConfigMgr's lines for every instruction it reaches (spec 6.2).
                string disabled = Items.Flag(item, "disabled") ? "1" : "0";
                context.Log.Info($"Start executing an instruction. Instruction name: '{name}'.  Pointer: {index.ToString(CultureInfo.InvariantCulture)}. Type: '{Items.Type(item)}'. Disabled: {disabled}", path);
                context.Log.Info($"Set a global environment variable _SMSTSCurrentActionName={name}", path);
                context.Log.Info($"Set a global environment variable _SMSTSNextInstructionPointer={index.ToString(CultureInfo.InvariantCulture)}", path);
            }

            string? interruptedText = interrupted ? Checkpoints.InterruptedText(context) : null;
            bool retry = interrupted && !Items.Flag(item, "disabled") && Checkpoints.TakeRetry(context, index);
            // A disabled item or one whose condition is still to be judged is not in progress yet:
            // a cancel or a crash while the walker passes over it must not fail it on resume.
            bool startsNow = !Items.Flag(item, "disabled") && item["condition"] == null;
            if (!retry)
            {
                Checkpoints.BeforeItem(context, item, index, startsNow);
            }

            if (context.State != null && context.Log.Wanted)
            {
                context.Log.Info("Successfully save execution state and environment to local hard disk", path);
            }

            if (interrupted && !retry && !Items.Flag(item, "disabled"))
            {
                return FailInterrupted(item, path, interruptedText!);
            }

            if (Items.Flag(item, "disabled"))
            {
                context.Log.Info($"The action ({name}) has been skipped because it is disabled", path);
                AddSkipped(item, path, "Disabled");
                return "Skipped";
            }

            bool continueOnError = Items.Flag(item, "continueOnError");
            if (item["condition"] != null)
            {
                bool holds;
                try
                {
                    holds = ConditionEvaluator.Holds(item["condition"], environment, new ConditionContext(context.BaseDirectory, reason => context.Log.Info(reason, path)));
                }
                catch (Exception exception)
                {
                    var entry = new ResultEntry(path, Items.Type(item));
                    context.Results.Add(entry);
                    string status = Complete(entry, null, false, continueOnError, null, "The condition could not be evaluated: " + ErrorText.Innermost(exception).Message);
                    // A group's children were not reached: list them, as every item of the document is.
                    if (Items.IsGroup(item))
                    {
                        foreach (object? child in Items.Children(item))
                        {
                            var childItem = (IDictionary)child!;
                            AddSkipped(childItem, Items.JoinPath(path, Items.Name(childItem)), "GroupFailed");
                        }
                    }

                    return status;
                }

                if (!holds)
                {
                    context.Log.Info($"The action ({name}) has been skipped because the condition was evaluated to be false", path);
                    AddSkipped(item, path, "ConditionFalse");
                    return "Skipped";
                }

                if (!retry)
                {
                    Checkpoints.Starting(context, item, index);
                }
            }

            if (Items.IsGroup(item))
            {
                var entry = new ResultEntry(path, "Group");
                var open = new OpenGroup(index, context.Results.Count);
                context.Results.Add(entry);
                context.Progress.OpenGroups.Add(open);
                Stopwatch clock = Start(entry);
                context.Log.Info($"The group ({name}) has been successfully started", path);
                bool completed = RunList(Items.Children(item), path);
                if (context.Stopping)
                {
                    // Left open for the resumed run, which settles it.
                    return "Running";
                }

                context.Progress.OpenGroups.Remove(open);
                if (!completed)
                {
                    context.Log.Error($"The execution of the group ({name}) has failed and the execution has been aborted. An action failed.", path);
                    if (continueOnError)
                    {
                        context.Log.Info($"The group ({name}) continues on error: the execution goes on after it", path);
                    }
                }

                return Complete(entry, clock, completed, continueOnError, null, completed ? string.Empty : "A step of this group failed.");
            }

            string stepStatus = new StepExecutor(context, this).Run(item, path, continueOnError);
            if (context.Stopping)
            {
                Checkpoints.BeforeRestart(context, index);
            }
            else if (RunCancellation.Requested && !Checkpoints.ActsOnlyOnState(item))
            {
                // Stopped by the cancel, not finished (a handler that returned on its signal, a
                // 1460 in successCodes): still in progress in the state, and nothing after it runs
                // or is settled (no group end, no finished run).
                Checkpoints.StoppedByCancel(context);
                RunCancellation.ThrowIfRequested();
            }
            else
            {
                Checkpoints.AfterStep(context, item, index);
            }

            return stepStatus;
        }

        /// <summary>
        /// A step the run died in (power loss, a kill, a cancel; no retries left): it fails as ConfigMgr's
        /// does, and the normal failure rules apply to it.
        /// </summary>
        private string FailInterrupted(IDictionary item, string path, string interruptedText)
        {
            var entry = new ResultEntry(path, Items.Type(item));
            context.Results.Add(entry);
            Stopwatch clock = Start(entry);
            context.Environment.SetSystem("_SMSTSLastActionSucceeded", "false");
            context.Environment.SetSystem("_SMSTSLastActionName", Items.Name(item));
            string message = interruptedText + ".";
            context.Log.Error($"Failed to run the action: {Items.Name(item)}. {message}", path);
            string status = Complete(entry, clock, false, Items.Flag(item, "continueOnError"), null, message);
            context.Progress.InProgress = null;
            context.Progress.Interruption = null;
            context.Progress.Position = context.InstructionPointer;
            context.State?.Save(context, context.Progress, durable: false);
            return status;
        }

        private static int MillisecondsSince(string? startedAt)
        {
            if (startedAt == null || !DateTime.TryParse(startedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime started))
            {
                return 0;
            }

            return (int)Math.Max(0, Math.Round((DateTime.UtcNow - started).TotalMilliseconds));
        }

        /// <summary>Records an item that did not run (and, for a group, every item inside it) as Skipped.</summary>
        internal void AddSkipped(IDictionary item, string path, string reason)
        {
            var entry = new ResultEntry(path, Items.Type(item)) { SkipReason = reason };
            context.Results.Add(entry);
            if (context.Listener != null)
            {
                context.SendEvent(entry.ToDictionary("stepFinished"));
            }

            if (Items.IsGroup(item))
            {
                foreach (object? child in Items.Children(item))
                {
                    var childItem = (IDictionary)child!;
                    AddSkipped(childItem, Items.JoinPath(path, Items.Name(childItem)), reason);
                }
            }
        }

        /// <summary>Stamps the start time and sends stepStarted.</summary>
        internal Stopwatch Start(ResultEntry entry)
        {
            entry.StartedAt = Now();
            if (context.Listener != null)
            {
                context.SendEvent(new OrderedDictionary { { "kind", "stepStarted" }, { "path", entry.Path }, { "stepType", entry.Type }, { "time", entry.StartedAt } });
            }

            return Stopwatch.StartNew();
        }

        /// <summary>Settles an entry: Succeeded, FailedContinued (its own continueOnError absorbed it) or Failed; sends stepFinished.</summary>
        internal string Complete(ResultEntry entry, Stopwatch? clock, bool succeeded, bool continueOnError, int? exitCode, string message)
        {
            if (clock != null)
            {
                entry.DurationMs = (int)Math.Round(clock.Elapsed.TotalMilliseconds);
            }
            else if (entry.StartedAt == null)
            {
                entry.StartedAt = Now();
            }

            // In a what-if run nothing ran: what would have succeeded is WhatIf, never Succeeded.
            entry.Status = succeeded ? (context.WhatIf ? "WhatIf" : "Succeeded") : continueOnError ? "FailedContinued" : "Failed";
            entry.ExitCode = exitCode;
            entry.Message = context.Environment.Mask(message);
            if (context.Listener != null)
            {
                context.SendEvent(entry.ToDictionary("stepFinished"));
            }

            return entry.Status;
        }

        private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    }
}
