using System;
using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Collections.Specialized;
using TsSequence.Conditions;

namespace TsSequence.Engine
{
    /// <summary>
    /// Walks steps and groups in order with ConfigMgr's semantics (spec 2.3): disabled items and
    /// false conditions skip; a failed item without continueOnError stops its list, and the items
    /// not reached are recorded as Skipped (GroupFailed). Every item of the document gets a result
    /// entry, in document order (a group's entry before its children's). As ConfigMgr does for
    /// every instruction it reaches (spec 4, 6.2), _SMSTSNextInstructionPointer (the item's flat
    /// index) and _SMSTSCurrentActionName are set first, before the disabled flag and the condition.
    /// </summary>
    public sealed class ItemWalker
    {
        private readonly RunContext context;

        /// <summary>A walker for one run.</summary>
        public ItemWalker(RunContext context)
        {
            this.context = context;
        }

        /// <summary>Runs a list; false when a failure was not absorbed.</summary>
        public bool RunList(object?[] items, string parentPath)
        {
            bool failed = false;
            foreach (object? value in items)
            {
                var item = (IDictionary)value!;
                string path = Items.JoinPath(parentPath, Items.Name(item));
                int next = context.InstructionPointer + (Items.IsGroup(item) ? Items.InstructionCount(new object?[] { item }) : 1);
                if (failed)
                {
                    AddSkipped(item, path, "GroupFailed");
                }
                else if (RunItem(item, path) == "Failed")
                {
                    failed = true;
                }

                context.InstructionPointer = next;
            }

            return !failed;
        }

        /// <summary>Runs one step or group with its options; returns its status.</summary>
        public string RunItem(IDictionary item, string path)
        {
            TsEnvironment environment = context.Environment;
            string name = Items.Name(item);
            environment.SetSystem("_SMSTSNextInstructionPointer", context.InstructionPointer.ToString(CultureInfo.InvariantCulture));
            environment.SetSystem("_SMSTSCurrentActionName", name);
            // A group's children follow it in the flat table; RunList moves past the whole item.
            context.InstructionPointer++;
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
            }

            if (Items.IsGroup(item))
            {
                var entry = new ResultEntry(path, "Group");
                context.Results.Add(entry);
                Stopwatch clock = Start(entry);
                context.Log.Info($"The group ({name}) has been successfully started", path);
                bool completed = RunList(Items.Children(item), path);
                return Complete(entry, clock, completed, continueOnError, null, completed ? string.Empty : "A step of this group failed.");
            }

            return new StepExecutor(context, this).Run(item, path, continueOnError);
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

            entry.Status = succeeded ? "Succeeded" : continueOnError ? "FailedContinued" : "Failed";
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
