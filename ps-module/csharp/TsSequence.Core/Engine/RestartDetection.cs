using System;
using System.Globalization;
using System.IO;
using TsSequence.Steps;

namespace TsSequence.Engine
{
    /// <summary>
    /// Notices that a step asked for a restart (spec section 4, DESIGN.md section 5) and records
    /// it as the run's <see cref="RunContext.PendingRestart"/>: a Restart Computer step (which sets
    /// it itself), SMSTSRebootRequested (with SMSTSRetryRequested: the same step again), exit code
    /// 3010 judged a success, or on Unix the creation of /var/run/reboot-required while the step
    /// ran (Debian's convention; a native command there cannot exit 3010). Only a step that
    /// succeeded asks: a failed one follows the failure rules. Tests name another file in
    /// TSSEQ_REBOOT_REQUIRED_FILE. The notice is SMSTSRebootDelay seconds, or SMSTSRebootDelayNext
    /// for the run's later restarts (<see cref="Delay"/>).
    /// </summary>
    internal static class RestartDetection
    {
        /// <summary>The environment variable that names the reboot-required file instead of /var/run/reboot-required (a test hook).</summary>
        internal const string RebootRequiredFileVariable = "TSSEQ_REBOOT_REQUIRED_FILE";

        /// <summary>What must be known before the step runs to judge it afterwards: whether the reboot-required file existed (Unix).</summary>
        internal static object? BeforeStep(RunContext context) => Platform.IsWindows ? null : (object)File.Exists(RebootRequiredFile());

        /// <summary>Sets PendingRestart when the step that just ran asked for a restart.</summary>
        internal static void AfterStep(RunContext context, object? before, StepOutcome outcome, bool succeeded, string path)
        {
            if (!succeeded || context.WhatIf || context.PendingRestart != null)
            {
                return;
            }

            TsEnvironment environment = context.Environment;
            string? message = environment.Get("SMSTSRebootMessage");
            int delay = Delay(context);
            if (!string.IsNullOrEmpty(environment.Get("SMSTSRebootRequested")))
            {
                bool retry = string.Equals(environment.Get("SMSTSRetryRequested"), "true", StringComparison.OrdinalIgnoreCase);
                context.PendingRestart = new RestartRequest(retry ? "SMSTSRebootRequested with SMSTSRetryRequested" : "SMSTSRebootRequested", retry, message, delay);
            }
            else if (outcome.ExitCode == 3010)
            {
                context.PendingRestart = new RestartRequest("exit code 3010", false, message, delay);
            }
            else if (before is bool existed && !existed && File.Exists(RebootRequiredFile()))
            {
                context.PendingRestart = new RestartRequest("the step created " + RebootRequiredFile(), false, message, delay);
            }

            if (context.PendingRestart != null)
            {
                context.Log.Info($"The action asked for a restart ({context.PendingRestart.Reason}); the run stops after it and continues after the restart", path);
            }
        }

        /// <summary>
        /// The notice before an engine restart: SMSTSRebootDelay seconds for the run's first
        /// restart; for a later one (the run stopped for a restart before, Restart Computer steps
        /// included) SMSTSRebootDelayNext when it is set, as ConfigMgr does (e.g. 3600 s once, then 60 s).
        /// </summary>
        internal static int Delay(RunContext context)
        {
            TsEnvironment environment = context.Environment;
            string? next = environment.Get("SMSTSRebootDelayNext");
            return context.Progress.Restarts > 0 && !string.IsNullOrEmpty(next) ? Seconds(next) : Seconds(environment.Get("SMSTSRebootDelay"));
        }

        private static string RebootRequiredFile()
        {
            string? configured = Environment.GetEnvironmentVariable(RebootRequiredFileVariable);
            return string.IsNullOrEmpty(configured) ? "/var/run/reboot-required" : configured!;
        }

        private static int Seconds(string? text) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) && seconds > 0 ? seconds : 0;
    }
}
