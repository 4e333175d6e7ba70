using System.Collections;
using System.Collections.Specialized;

namespace TsSequence.Protocol
{
    /// <summary>The messages the engine sends (protocol 1; src/bridge/protocol.ts is the Node end), fields in wire order.</summary>
    internal static class BridgeMessages
    {
        internal const int ProtocolVersion = 1;

        internal static OrderedDictionary Ready(BridgeEngine engine, string key) => new OrderedDictionary
        {
            { "type", "ready" },
            { "protocol", ProtocolVersion },
            { "key", key },
            { "psVersion", engine.PSVersion },
            { "psEdition", engine.PSEdition },
            { "moduleVersion", engine.ModuleVersion },
        };

        internal static OrderedDictionary Result(object? id, object? result) => new OrderedDictionary
        {
            { "type", "response" },
            { "id", id },
            { "result", result },
        };

        internal static OrderedDictionary Error(object? id, IDictionary error) => new OrderedDictionary
        {
            { "type", "response" },
            { "id", id },
            { "error", error },
        };

        internal static OrderedDictionary Event(object? id, object? payload) => new OrderedDictionary
        {
            { "type", "event" },
            { "id", id },
            { "event", payload },
        };

        internal static OrderedDictionary Callback(string id, string method, object? parameters) => new OrderedDictionary
        {
            { "type", "callback" },
            { "id", id },
            { "method", method },
            { "params", parameters },
        };

        /// <summary>The engine stopped waiting for callback <paramref name="id"/>: Node aborts its handler's signal.</summary>
        internal static OrderedDictionary CallbackCancel(string id, string reason) => new OrderedDictionary
        {
            { "type", "callbackCancel" },
            { "id", id },
            { "reason", reason },
        };
    }
}
