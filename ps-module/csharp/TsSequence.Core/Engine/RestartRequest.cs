namespace TsSequence.Engine
{
    /// <summary>
    /// A restart the run must perform after the current step (spec section 4): asked by a
    /// Restart Computer step, a success exit code 3010, SMSTSRebootRequested, or (Unix) the
    /// creation of /var/run/reboot-required during the step. The walker stops after the step,
    /// saves state and hands the request to the run's restart provider.
    /// </summary>
    public sealed class RestartRequest
    {
        /// <summary>A request; <paramref name="reason"/> is said in the log and the result.</summary>
        public RestartRequest(string reason, bool retrySameStep = false, string? message = null, int delaySeconds = 0)
        {
            Reason = reason;
            RetrySameStep = retrySameStep;
            Message = message;
            DelaySeconds = delaySeconds;
        }

        /// <summary>Why the restart is needed ("exit code 3010", "SMSTSRebootRequested", ...).</summary>
        public string Reason { get; }

        /// <summary>SMSTSRetryRequested: after the restart the same step runs again, not the next one.</summary>
        public bool RetrySameStep { get; }

        /// <summary>The notification text (SMSRebootMessage / SMSTSRebootMessage), if any.</summary>
        public string? Message { get; }

        /// <summary>Seconds of notice before the restart (SMSRebootTimeout / SMSTSRebootDelay, SMSTSRebootDelayNext for a run's later restarts).</summary>
        public int DelaySeconds { get; }
    }
}
