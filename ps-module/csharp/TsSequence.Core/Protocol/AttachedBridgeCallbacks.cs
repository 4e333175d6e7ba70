using System;
using System.Collections;
using System.Collections.Specialized;
using System.Threading;
using TsSequence.Engine;

namespace TsSequence.Protocol
{
    /// <summary>
    /// Node steps of commands that a script calls while a request runs (see
    /// <see cref="AttachedNodeSteps"/>), on the script's thread: they call back over the
    /// request's channel like the request's own Node steps, and stop waiting when the request is
    /// cancelled or ends, or the calling thread's run is cancelled.
    /// </summary>
    internal sealed class AttachedBridgeCallbacks : INodeStepHandler
    {
        private readonly BridgeServer server;
        private readonly CancellationToken request;
        private readonly CancellationToken served;

        /// <param name="server">The server whose channel the calls go over.</param>
        /// <param name="request">The request's cancellation (Node's cancel, Node gone).</param>
        /// <param name="served">Cancelled when the request has ended.</param>
        internal AttachedBridgeCallbacks(BridgeServer server, CancellationToken request, CancellationToken served)
        {
            this.server = server;
            this.request = request;
            this.served = served;
        }

        /// <inheritdoc/>
        public IDictionary? Invoke(OrderedDictionary call)
        {
            if (served.IsCancellationRequested)
            {
                throw Ended(call, "the bridge request it was called in has ended");
            }

            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(request, served, RunCancellation.Current))
            {
                try
                {
                    return server.Callback("invokeNodeStep", call, stop.Token) as IDictionary;
                }
                catch (OperationCanceledException)
                {
                    string why = served.IsCancellationRequested
                        ? "the bridge request it was called in has ended"
                        : request.IsCancellationRequested ? "the bridge request was cancelled" : "its caller was stopped";
                    throw Ended(call, why);
                }
            }
        }

        private static InvalidOperationException Ended(OrderedDictionary call, string why) =>
            new InvalidOperationException($"The Node step handler '{call["handler"]}' was not waited for: {why}. Whatever it does from now on is ignored.");
    }
}
