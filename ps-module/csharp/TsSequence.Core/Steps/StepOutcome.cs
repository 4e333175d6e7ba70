using System.Collections.Specialized;

namespace TsSequence.Steps
{
    /// <summary>What a step runner returns: its exit code and a message ("" for none).</summary>
    public sealed class StepOutcome
    {
        /// <summary>An outcome.</summary>
        public StepOutcome(int exitCode, string? message = null)
        {
            ExitCode = exitCode;
            Message = message ?? string.Empty;
        }

        /// <summary>Exit code 0, no message.</summary>
        public static StepOutcome Success { get; } = new StepOutcome(0);

        /// <summary>The step's exit code.</summary>
        public int ExitCode { get; }

        /// <summary>The step's message; the engine masks it.</summary>
        public string Message { get; }

        /// <summary>
        /// Fields this step type adds to its result entry after the common ones (Run PowerShell
        /// Script: output, errors); null for none. Bounded and already masked by the step: the
        /// engine passes them on as they are.
        /// </summary>
        public OrderedDictionary? Details { get; set; }
    }
}
