using System;
using System.Threading;

namespace TsSequence.Engine
{
    /// <summary>
    /// Stops a run from outside, the way a step's timeout stops the step: the bridge cancels the
    /// request it is serving when Node aborts it or goes away. The token belongs to the thread
    /// that runs the request (steps run one at a time on it), so no signature of the run changes:
    /// the step runners' waits end early when it fires (the script is stopped, the command's
    /// process tree killed) and the walker starts no further item.
    /// </summary>
    public static class RunCancellation
    {
        [ThreadStatic]
        private static CancellationToken current;

        /// <summary>The token of the run on this thread (CancellationToken.None outside the bridge).</summary>
        public static CancellationToken Current => current;

        /// <summary>True once the run on this thread was cancelled.</summary>
        public static bool Requested => current.IsCancellationRequested;

        /// <summary>Makes <paramref name="token"/> this thread's until the result is disposed.</summary>
        public static IDisposable Use(CancellationToken token)
        {
            CancellationToken saved = current;
            current = token;
            return new Scope(saved);
        }

        /// <summary>Ends the walk when the run was cancelled: nothing after the stopped step runs.</summary>
        internal static void ThrowIfRequested()
        {
            if (current.IsCancellationRequested)
            {
                throw new OperationCanceledException(Message, current);
            }
        }

        /// <summary>What a stopped step and the cancelled run say.</summary>
        internal const string Message = "The run was cancelled (its caller aborted the request or went away): the running step was stopped and no later step ran.";

        private sealed class Scope : IDisposable
        {
            private readonly CancellationToken saved;

            internal Scope(CancellationToken saved)
            {
                this.saved = saved;
            }

            public void Dispose() => current = saved;
        }
    }
}
