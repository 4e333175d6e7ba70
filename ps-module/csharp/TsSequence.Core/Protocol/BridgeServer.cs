using System;
using System.Collections;
using System.IO;
using System.Runtime;
using TsSequence.Engine;
using TsSequence.Json;

namespace TsSequence.Protocol
{
    /// <summary>
    /// Serves the Node bridge (protocol 1; src/bridge/protocol.ts is the Node end). The engine
    /// connects to Node's pipe and sends <c>{"type":"ready"}</c>; Node sends
    /// <c>{"type":"request","id","method","params"}</c>; the engine answers
    /// <c>{"type":"response","id","result"|"error"}</c> and, while a request runs, sends
    /// <c>{"type":"event","id","event"}</c> and <c>{"type":"callback","id","method","params"}</c>
    /// (Node steps), to which Node replies <c>{"type":"callbackResult","id","result"|"error"}</c>.
    /// Requests are handled one at a time, on the PowerShell pipeline thread that called
    /// <see cref="Run"/>: the engine core runs there, and script steps take their runspaces from it.
    /// </summary>
    public sealed class BridgeServer
    {
        private const int ConnectTimeoutMilliseconds = 30000;
        private readonly BridgeEngine engine;
        private readonly RequestDispatcher dispatcher;
        private BridgeChannel? channel;
        private object? requestId;
        private int lastCallback;

        /// <summary>A server for the module's engine; <see cref="Run"/> serves it.</summary>
        public BridgeServer(BridgeEngine engine)
        {
            this.engine = engine ?? throw new ArgumentNullException(nameof(engine));
            dispatcher = new RequestDispatcher(engine, this);
        }

        /// <summary>Connects to Node's pipe and answers requests until <c>shutdown</c> or end of input.</summary>
        public void Run(string pipeName)
        {
            // This process only serves Node, one request at a time: throughput beats short pauses.
            // Without background (concurrent) GC a 10 MB request costs the engine about a quarter
            // less CPU: its 20 MB of strings are promoted once, not traced again by a second thread.
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            EngineWarmUp.Start(engine.Session);
            BridgeChannel connected = BridgeChannel.Connect(pipeName, ConnectTimeoutMilliseconds);
            channel = connected;
            try
            {
                connected.Send(BridgeMessages.Ready(engine));
                while (true)
                {
                    ChannelLine? line = connected.ReadLine();
                    if (line == null)
                    {
                        break;
                    }

                    if (line.Value.Length > 0 && Serve(line.Value))
                    {
                        break;
                    }
                }
            }
            finally
            {
                channel = null;
                connected.Dispose();
            }
        }

        /// <summary>Sends one event of the request being served (the engine's -OnEvent).</summary>
        public void SendEvent(object? payload)
        {
            Channel().Send(BridgeMessages.Event(requestId, payload));
        }

        /// <summary>
        /// Calls Node back (a Node step) and waits for its answer: the result, or an exception
        /// with the handler's error message.
        /// </summary>
        public object? Callback(string method, object? parameters)
        {
            BridgeChannel current = Channel();
            string callbackId = "c" + (++lastCallback).ToString(System.Globalization.CultureInfo.InvariantCulture);
            current.Send(BridgeMessages.Callback(callbackId, method, parameters));
            while (true)
            {
                ChannelLine? line = current.ReadLine();
                if (line == null)
                {
                    throw new EndOfStreamException("The Node bridge closed the channel while a Node step was running.");
                }

                if (!(line.Value.Parse() is IDictionary message) || !Is(message["type"], "callbackResult") || !Is(message["id"], callbackId))
                {
                    continue;
                }

                if (message["error"] != null)
                {
                    string reason = message["error"] is IDictionary error ? JsonShapeWriter.ToText(error["message"]) : JsonShapeWriter.ToText(message["error"]);
                    throw new InvalidOperationException(reason);
                }

                return message["result"];
            }
        }

        /// <summary>Answers one request line; true when it was <c>shutdown</c>.</summary>
        private bool Serve(ChannelLine line)
        {
            BridgeChannel current = Channel();
            object? parsed;
            try
            {
                parsed = line.Parse();
            }
            catch (Exception exception)
            {
                string reason = ErrorText.Innermost(exception).Message;
                current.Send(BridgeMessages.Error(BridgeError.FindRequestId(line.ToString()), BridgeError.Payload($"Malformed request: {reason}", "TsSequence.MalformedRequest", "ParserError")));
                return false;
            }

            if (!(parsed is IDictionary request) || !Is(request["type"], "request"))
            {
                return false;
            }

            requestId = request["id"];
            string method = JsonShapeWriter.ToText(request["method"]);
            IDictionary parameters = request["params"] as IDictionary ?? new Hashtable();
            IDictionary response;
            try
            {
                response = BridgeMessages.Result(requestId, dispatcher.Dispatch(method, parameters));
            }
            catch (Exception exception)
            {
                response = BridgeMessages.Error(requestId, BridgeError.From(exception));
            }
            finally
            {
                requestId = null;
            }

            Respond(current, response);
            return Is(method, "shutdown");
        }

        /// <summary>Sends a result; one that cannot be written as JSON fails its request instead of the channel.</summary>
        private void Respond(BridgeChannel current, IDictionary response)
        {
            try
            {
                current.Send(response);
            }
            catch (Exception exception) when (!(exception is IOException) && !(exception is ObjectDisposedException))
            {
                string message = $"The result cannot be sent to Node: {exception.Message}";
                current.Send(BridgeMessages.Error(response["id"], BridgeError.Payload(message, "TsSequence.UnserializableResult", "InvalidResult")));
            }
        }

        private BridgeChannel Channel() =>
            channel ?? throw new InvalidOperationException("The bridge server is not connected: call Run first.");

        /// <summary>PowerShell's -eq on strings: ignoring case.</summary>
        private static bool Is(object? value, string expected) =>
            string.Equals(JsonShapeWriter.ToText(value), expected, StringComparison.OrdinalIgnoreCase);
    }
}
