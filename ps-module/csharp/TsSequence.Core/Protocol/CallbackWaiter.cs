using System.Collections;
using System.Threading;

namespace TsSequence.Protocol
{
    /// <summary>One callback's answer, handed over by the reader thread.</summary>
    internal sealed class CallbackWaiter
    {
        private readonly ManualResetEventSlim done = new ManualResetEventSlim(false);
        private IDictionary? answer;

        /// <summary>The answer; null when the input ended first. A cancelled token ends the wait with OperationCanceledException.</summary>
        internal IDictionary? Wait(CancellationToken cancel)
        {
            done.Wait(cancel);
            return answer;
        }

        internal void Complete(IDictionary? message)
        {
            answer = message;
            done.Set();
        }
    }
}
