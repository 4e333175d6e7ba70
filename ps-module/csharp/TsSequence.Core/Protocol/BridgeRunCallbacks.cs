using System.Collections;
using System.Collections.Specialized;
using TsSequence.Engine;

namespace TsSequence.Protocol
{
    /// <summary>A run's events and Node steps, over the bridge channel of the request being served.</summary>
    internal sealed class BridgeRunCallbacks : IRunListener, INodeStepHandler
    {
        private readonly BridgeServer server;

        internal BridgeRunCallbacks(BridgeServer server)
        {
            this.server = server;
        }

        /// <inheritdoc/>
        public void Send(OrderedDictionary payload) => server.SendEvent(payload);

        /// <inheritdoc/>
        public IDictionary? Invoke(OrderedDictionary call) => server.Callback("invokeNodeStep", call) as IDictionary;
    }
}
