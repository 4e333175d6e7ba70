using System;
using System.Globalization;
using TsSequence.Engine;

namespace TsSequence.Steps.RestartComputer
{
    /// <summary>
    /// Restart Computer (SMS_TaskSequence_RebootAction): asks the run to restart after this step;
    /// the walker saves the state with the next step as the one to resume at and hands the request
    /// (message, messageTimeout seconds of notice) to the run's restart provider. Target WinPE
    /// means ConfigMgr's boot image, which tsseq does not have: it restarts into the installed
    /// system (HD) and says so.
    /// </summary>
    public sealed class RestartComputerStep : IStepRunner
    {
        /// <inheritdoc/>
        public StepOutcome Run(StepCall call)
        {
            string target = call.GetString("target");
            string message = call.GetString("message");
            object? timeout = call.Get("messageTimeout");
            int seconds = timeout == null ? 60 : Convert.ToInt32(timeout, CultureInfo.InvariantCulture);
            call.Context.PendingRestart = new RestartRequest("Restart Computer step", false, message.Length == 0 ? null : message, seconds);
            string said = string.Equals(target, "WinPE", StringComparison.OrdinalIgnoreCase)
                ? "Target WinPE: tsseq has no boot image; the computer restarts into the installed system."
                : string.Empty;
            call.Log($"Restart requested (target {(target.Length == 0 ? "HD" : target)}, notice {seconds.ToString(CultureInfo.InvariantCulture)} s). {said}".TrimEnd());
            return new StepOutcome(0, said);
        }
    }
}
