using System;
using System.Collections;
using System.Globalization;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// When the walker saves the state (spec section 4: before every instruction) and what the
    /// save says. A step that can act outside the state (a command, a script, a Node step) is
    /// marked in progress and saved durably (fsync) before it runs, and saved again, unmarked and
    /// durably, when it ends: a resume that finds the mark knows the run died inside that step,
    /// and a power loss just after the step cannot bring the mark back (such steps take far
    /// longer than an fsync, so it costs little). A step
    /// whose only effect is on the state itself (Set Task Sequence Variable, Restart Computer)
    /// and a group are saved without the mark and without fsync: after a crash or a power loss
    /// they simply run again from the saved state, which is the state they started from.
    /// </summary>
    internal static class Checkpoints
    {
        /// <summary>Steps whose whole effect is on the saved state (variables, the restart request).</summary>
        internal static bool ActsOnlyOnState(IDictionary item)
        {
            string type = Items.Type(item);
            return Items.IsGroup(item) || type == "SetTaskSequenceVariable" || type == "RestartComputer";
        }

        /// <summary>
        /// Saves before the item at <paramref name="index"/>; a step that acts outside the state is
        /// marked in progress when it <paramref name="startsNow"/> (else by <see cref="Starting"/>,
        /// once its condition held).
        /// </summary>
        internal static void BeforeItem(RunContext context, IDictionary item, int index, bool startsNow)
        {
            RunProgress progress = context.Progress;
            progress.Position = index;
            progress.Interruption = null;
            bool outside = !ActsOnlyOnState(item) && startsNow;
            progress.InProgress = null;
            if (outside)
            {
                MarkInProgress(progress, item, index);
            }

            context.State?.Save(context, progress, durable: outside);
        }

        private static void MarkInProgress(RunProgress progress, IDictionary item, int index)
        {
            progress.InProgress = index;
            if (!progress.RetriesLeft.ContainsKey(index))
            {
                progress.RetriesLeft[index] = (item["retryCount"] ?? RetryCountDefault(Items.Type(item))) is object retries && !(retries is bool) ? Convert.ToInt32(retries, CultureInfo.InvariantCulture) : 0;
            }
        }

        /// <summary>The step at <paramref name="index"/> passed its condition and starts: marked in progress (durably) if it acts outside the state.</summary>
        internal static void Starting(RunContext context, IDictionary item, int index)
        {
            if (ActsOnlyOnState(item))
            {
                return;
            }

            MarkInProgress(context.Progress, item, index);
            context.State?.Save(context, context.Progress, durable: true);
        }

        // The step type's default retryCount (the model's: 2 for Install Application and Install Software Updates, else 0).
        private static object? RetryCountDefault(string type)
        {
            foreach (Model.ParameterSpec parameter in Model.StepCatalog.ParametersOf(type))
            {
                if (parameter.Name == "retryCount")
                {
                    return parameter.Default;
                }
            }

            return null;
        }

        /// <summary>Saves (durably) after a step that acted outside the state: it is no longer in progress.</summary>
        internal static void AfterStep(RunContext context, IDictionary item, int index)
        {
            if (context.Stopping || ActsOnlyOnState(item))
            {
                return;
            }

            context.Progress.InProgress = null;
            context.Progress.Position = index + 1;
            context.State?.Save(context, context.Progress, durable: true);
        }

        /// <summary>
        /// A step a cancel stopped (Node aborted the run or went away; whatever its runner then
        /// returned): it did not finish, as after a crash. The state saved before it stays as it
        /// is (the step in progress, the variables it started with, no result), with the cancel
        /// noted, so a resume retries it or fails it by the crash rules instead of passing over it.
        /// </summary>
        internal static void StoppedByCancel(RunContext context)
        {
            context.Progress.Interruption = Cancelled;
            context.State?.NoteInterruption(Cancelled);
        }

        /// <summary>The saved <see cref="RunProgress.Interruption"/> of a step a cancel stopped.</summary>
        internal const string Cancelled = "cancelled";

        /// <summary>What a resume says of the step the run stopped in.</summary>
        internal static string InterruptedText(RunContext context) =>
            context.Progress.Interruption == Cancelled
                ? "The run was cancelled during this step (its caller aborted it or went away)"
                : "The computer restarted unexpectedly during this step";

        /// <summary>
        /// The step at <paramref name="index"/> was in progress when the resumed run died: true
        /// when it may run again (a retry is used up and saved), false when it must fail.
        /// </summary>
        internal static bool TakeRetry(RunContext context, int index)
        {
            RunProgress progress = context.Progress;
            progress.RetriesLeft.TryGetValue(index, out int left);
            if (left <= 0)
            {
                return false;
            }

            string why = InterruptedText(context);
            progress.RetriesLeft[index] = left - 1;
            progress.Interruption = null; // the retry runs afresh: a crash in it is a crash
            context.State?.Save(context, progress, durable: true);
            context.Log.Warning($"{why}; running it again ({(left - 1).ToString(CultureInfo.InvariantCulture)} retries left).", string.Empty);
            return true;
        }

        /// <summary>
        /// Saves the run stopped for a restart (durably): it continues with the next step, or the
        /// same one with SMSTSRetryRequested. The request variables are cleared first, so the
        /// resumed run does not restart again for them.
        /// </summary>
        internal static void BeforeRestart(RunContext context, int index)
        {
            RestartRequest request = context.PendingRestart!;
            context.Environment.Remove("SMSTSRebootRequested");
            context.Environment.Remove("SMSTSRetryRequested");
            RunProgress progress = context.Progress;
            progress.Position = request.RetrySameStep ? index : index + 1;
            progress.InProgress = null;
            progress.Status = "RestartPending";
            progress.RestartReason = request.Reason;
            progress.RestartedBy = context.Options.RestartProvider;
            progress.Restarts++;
            context.State?.Save(context, progress, durable: true);
        }

        /// <summary>Saves the finished run (durably), so a resume of it returns its result.</summary>
        internal static void Finished(RunContext context, bool succeeded)
        {
            RunProgress progress = context.Progress;
            progress.Status = succeeded ? "Succeeded" : "Failed";
            progress.InProgress = null;
            progress.Interruption = null;
            progress.RestartReason = null;
            context.State?.Save(context, progress, durable: true);
        }
    }
}
