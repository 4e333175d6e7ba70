using System;
using System.Management.Automation;

namespace TsSequence.Engine
{
    /// <summary>
    /// A failure the engine reports to its caller before or instead of running (an invalid
    /// document, a missing file, refused variables): a stable id (TsSequence.&lt;ErrorId&gt;), a
    /// category and a target, so the PowerShell commands raise it as their own error record and the
    /// bridge sends it to Node with the same id.
    /// </summary>
    public sealed class EngineException : Exception, IContainsErrorRecord
    {
        /// <summary>An engine error; <paramref name="errorId"/> without the "TsSequence." prefix.</summary>
        public EngineException(string errorId, ErrorCategory category, string message, object? target = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
            Target = target;
        }

        /// <summary>The id without its prefix, e.g. InvalidSequence.</summary>
        public string ErrorId { get; }

        /// <summary>The PowerShell error category.</summary>
        public ErrorCategory Category { get; }

        /// <summary>What the error is about (a path, a step, variables).</summary>
        public object? Target { get; }

        /// <summary>The error record a command throws: id TsSequence.&lt;ErrorId&gt;.</summary>
        public ErrorRecord ErrorRecord => new ErrorRecord(new InvalidOperationException(Message, InnerException), "TsSequence." + ErrorId, Category, Target);
    }
}
