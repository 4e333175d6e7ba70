using System;

namespace TsSequence.Conditions
{
    /// <summary>
    /// What a condition needs beyond the variables: the folder relative paths start from, and
    /// where to say why a test of the computer came out false (a run's log).
    /// </summary>
    public sealed class ConditionContext
    {
        private readonly Action<string>? note;

        /// <summary>A context resolving relative paths against <paramref name="baseDirectory"/>; <paramref name="note"/> receives the reasons (may be null).</summary>
        public ConditionContext(string baseDirectory, Action<string>? note)
        {
            BaseDirectory = baseDirectory;
            this.note = note;
        }

        /// <summary>The run's base directory (the sequence file's folder, or the working directory).</summary>
        public string BaseDirectory { get; }

        /// <summary>A context for the current directory that tells nobody.</summary>
        public static ConditionContext Silent => new ConditionContext(Environment.CurrentDirectory, null);

        /// <summary>Says why a condition is false (a log line).</summary>
        public void Note(string message) => note?.Invoke(message);

        /// <summary>Notes "The &lt;kind&gt; condition &lt;what&gt; is false: &lt;why&gt;" and returns false.</summary>
        internal bool False(string kind, string what, string why)
        {
            Note($"The {kind} condition {what} is false: {why}");
            return false;
        }
    }
}
