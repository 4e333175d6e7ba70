using System.Management.Automation;

namespace TsSequence.Engine.State
{
    /// <summary>The error of a saved state that cannot be used: missing, unreadable or not what a run saves; the message names the file.</summary>
    internal static class StateException
    {
        internal static EngineException Invalid(string file, string reason, System.Exception? inner = null) =>
            new EngineException("InvalidState", ErrorCategory.InvalidData, $"Cannot resume from '{file}': {reason}.", file, inner);
    }
}
