using TsSequence.Steps;

namespace TsSequence.Engine
{
    /// <summary>
    /// Notices that a step asked for a restart (spec section 4, DESIGN.md section 5) and records
    /// it as the run's <see cref="RunContext.PendingRestart"/>: exit code 3010 judged a success,
    /// SMSTSRebootRequested (with SMSTSRetryRequested: the same step again), or on Unix the
    /// creation of /var/run/reboot-required while the step ran.
    /// </summary>
    internal static class RestartDetection
    {
        /// <summary>What must be known before the step runs to judge it afterwards (whether the reboot-required file existed).</summary>
        internal static object? BeforeStep(RunContext context) => null;

        /// <summary>Sets PendingRestart when the step that just ran asked for a restart.</summary>
        internal static void AfterStep(RunContext context, object? before, StepOutcome outcome, bool succeeded, string path)
        {
        }
    }
}
