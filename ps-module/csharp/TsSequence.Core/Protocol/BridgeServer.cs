using System;
using System.Collections;
using System.IO;
using System.Runtime;
using System.Threading;
using TsSequence.Engine;
using TsSequence.Json;
using TsSequence.Steps.PowerShellScript;

namespace TsSequence.Protocol
{
    /// <summary>
    /// Serves the Node bridge (protocol 1; src/bridge/protocol.ts is the Node end). The engine
    /// reads the session keys from its standard input, connects to Node's pipe and sends
    /// <c>{"type":"ready","key"}</c>; Node answers <c>{"type":"auth","key"}</c>, then sends
    /// <c>{"type":"request","id","method","params"}</c>; the engine answers
    /// <c>{"type":"response","id","result"|"error"}</c> and, while a request runs, sends
    /// <c>{"type":"event","id","event"}</c> and <c>{"type":"callback","id","method","params"}</c>
    /// (Node steps), to which Node replies <c>{"type":"callbackResult","id","result"|"error"}</c>;
    /// <c>{"type":"callbackCancel","id","reason"}</c> says the engine stopped waiting for one.
    /// <c>{"type":"cancel","id"}</c> stops the running request's step as its timeout would, and
    /// the request answers with a TsSequence.Cancelled error. Requests are handled one at a time,
    /// on the PowerShell pipeline thread that called <see cref="Run"/>: the engine core runs there,
    /// and script steps take their runspaces from it; a reader thread (<see cref="BridgeInbox"/>)
    /// listens meanwhile. When Node goes away (end of input, or the parent process ended) the
    /// running step is stopped, nothing more runs and the engine exits (<see cref="OwnerWatch"/>).
    /// </summary>
    public sealed class BridgeServer
    {
        private const int ConnectTimeoutMilliseconds = 30000;

        // How long a step may take to stop once Node is gone before the engine ends regardless.
        private const int OwnerGoneGraceMilliseconds = 1000;

        private readonly BridgeEngine engine;
        private readonly RequestDispatcher dispatcher;
        private readonly object gate = new object();
        private TextWriter stderr = TextWriter.Null;
        private BridgeChannel? channel;
        private BridgeInbox? inbox;
        private object? requestId;
        private CancellationTokenSource? running;
        private CancellationTokenSource? served;
        private string? runningId;
        private string? cancelledEarly;
        private string? ownerGone;
        private bool shuttingDown;
        private long lastCallback;
        private Timer? ownerGoneTimer;

        /// <summary>A server for the module's engine; <see cref="Run"/> serves it.</summary>
        public BridgeServer(BridgeEngine engine)
        {
            this.engine = engine ?? throw new ArgumentNullException(nameof(engine));
            dispatcher = new RequestDispatcher(engine, this);
        }

        /// <summary>
        /// Connects to Node's pipe and answers requests until <c>shutdown</c> or end of input;
        /// returns the process exit code (0 after shutdown). Whenever it ends before serving a
        /// request, it says why in one line on stderr.
        /// </summary>
        public int Run(string pipeName)
        {
            stderr = Console.Error;
            BridgeKeys? keys = BridgeKeys.ReadStandardInput(out string problem);
            if (keys == null)
            {
                return Leave(problem, 2);
            }

            OwnerWatch.WatchParent(OwnerGone);
            // This process only serves Node, one request at a time: throughput beats short pauses.
            // Without background (concurrent) GC a 10 MB request costs the engine about a quarter
            // less CPU: its 20 MB of strings are promoted once, not traced again by a second thread.
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            EngineWarmUp.Start(engine.Session);
            BridgeChannel connected;
            try
            {
                connected = BridgeChannel.Connect(pipeName, ConnectTimeoutMilliseconds);
            }
            catch (Exception exception)
            {
                return Leave($"could not connect to the Node bridge at '{pipeName}': {ErrorText.Innermost(exception).Message}", 3);
            }

            channel = connected;
            var reader = new BridgeInbox(connected, keys.Node, Cancel, InputEnded);
            inbox = reader;
            bool served = false;
            try
            {
                connected.Send(BridgeMessages.Ready(engine, keys.Engine));
                reader.Start();
                while (true)
                {
                    InboxItem? item = reader.Take(CancellationToken.None);
                    if (item == null)
                    {
                        break;
                    }

                    if (Serve(item))
                    {
                        return 0;
                    }

                    served = true;
                }
            }
            catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException)
            {
                OwnerGone("the bridge connection failed (" + exception.Message + ")");
            }
            finally
            {
                channel = null;
                connected.Dispose();
            }

            string why = ownerGone ?? "the Node bridge closed the connection";
            return Leave(served ? why : why + " before sending a request", 0, endGroup: true);
        }

        /// <summary>Sends one event of the request being served (the engine's -OnEvent).</summary>
        public void SendEvent(object? payload)
        {
            Channel().Send(BridgeMessages.Event(requestId, payload));
        }

        /// <summary>
        /// Calls Node back (a Node step) and waits for its answer: the result, or an exception
        /// with the handler's error message. A cancel of the request ends the wait.
        /// </summary>
        public object? Callback(string method, object? parameters) => Callback(method, parameters, RunCancellation.Current);

        /// <summary>
        /// As <see cref="Callback(string, object)"/>, from any thread while a request runs; the wait
        /// ends with OperationCanceledException when <paramref name="cancel"/> fires.
        /// </summary>
        internal object? Callback(string method, object? parameters, CancellationToken cancel)
        {
            BridgeChannel current = Channel();
            BridgeInbox reader = inbox ?? throw new InvalidOperationException("The bridge server is not connected: call Run first.");
            cancel.ThrowIfCancellationRequested();
            string callbackId = "c" + Interlocked.Increment(ref lastCallback).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Waiting starts before sending: the reader hands the answer over however soon it comes.
            CallbackWaiter waiter = reader.Expect(callbackId);
            IDictionary? message;
            try
            {
                current.Send(BridgeMessages.Callback(callbackId, method, parameters));
                message = waiter.Wait(cancel);
            }
            catch (OperationCanceledException)
            {
                GiveUp(current, callbackId);
                throw;
            }
            finally
            {
                reader.Forget(callbackId);
            }

            if (message == null)
            {
                throw new EndOfStreamException("The Node bridge closed the channel while a Node step was running.");
            }

            if (message["error"] != null)
            {
                string reason = message["error"] is IDictionary error ? JsonShapeWriter.ToText(error["message"]) : JsonShapeWriter.ToText(message["error"]);
                throw new InvalidOperationException(reason);
            }

            return message["result"];
        }

        /// <summary>Tells Node the engine no longer waits for a callback, so its handler's signal aborts; a gone channel needs no telling.</summary>
        private static void GiveUp(BridgeChannel current, string callbackId)
        {
            try
            {
                current.Send(BridgeMessages.CallbackCancel(callbackId, "The engine stopped waiting for this Node step: the step that called it was stopped (cancelled, timed out, or its request ended)."));
            }
            catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException)
            {
            }
        }

        /// <summary>Answers one request; true when it was <c>shutdown</c>.</summary>
        private bool Serve(InboxItem item)
        {
            BridgeChannel current = Channel();
            if (item.Unreadable != null)
            {
                current.Send(BridgeMessages.Error(BridgeError.FindRequestId(item.Text ?? string.Empty), BridgeError.Payload($"Malformed request: {item.Unreadable}", "TsSequence.MalformedRequest", "ParserError")));
                return false;
            }

            IDictionary? request = item.Message;
            if (request == null || !Is(request["type"], "request"))
            {
                return false; // a late answer to a callback that was given up on
            }

            requestId = request["id"];
            string method = JsonShapeWriter.ToText(request["method"]);
            IDictionary parameters = request["params"] as IDictionary ?? new Hashtable();
            bool shutdown = Is(method, "shutdown");
            CancellationTokenSource cancellation = Begin(JsonShapeWriter.ToText(requestId), shutdown);
            IDictionary response;
            int abandonedBefore = AbandonedScripts.Count;
            try
            {
                using (RunCancellation.Use(cancellation.Token))
                {
                    object? result = dispatcher.Dispatch(method, parameters);
                    response = cancellation.IsCancellationRequested ? Cancelled(requestId) : BridgeMessages.Result(requestId, result);
                }
            }
            catch (Exception exception)
            {
                response = cancellation.IsCancellationRequested ? Cancelled(requestId) : BridgeMessages.Error(requestId, BridgeError.From(exception));
            }
            finally
            {
                requestId = null;
                End(cancellation);
            }

            if (AbandonedScripts.Count != abandonedBefore)
            {
                // A script of this request PowerShell could not stop runs on in this process: Node
                // stops this engine (a cancelled request) or retires it after the answer.
                response = cancellation.IsCancellationRequested
                    ? BridgeMessages.Error(request["id"], BridgeError.Payload(LeftRunningMessage, "TsSequence.StepLeftRunning", "OperationStopped"))
                    : response;
                response["scriptLeftRunning"] = true;
            }

            Respond(current, response);
            return shutdown;
        }

        private static IDictionary Cancelled(object? id) =>
            BridgeMessages.Error(id, BridgeError.Payload(RunCancellation.Message, "TsSequence.Cancelled", "OperationStopped"));

        private const string LeftRunningMessage =
            "The run was cancelled, but its script did not stop (blocked in a call PowerShell cannot interrupt) and was left running in the engine.";

        /// <summary>The request's token; cancelled at once when its cancel came first or Node is gone.</summary>
        private CancellationTokenSource Begin(string id, bool shutdown)
        {
            var source = new CancellationTokenSource();
            var scope = new CancellationTokenSource();
            lock (gate)
            {
                shuttingDown |= shutdown;
                running = source;
                served = scope;
                runningId = id;
                if (ownerGone != null || string.Equals(cancelledEarly, id, StringComparison.Ordinal))
                {
                    source.Cancel();
                }

                cancelledEarly = null;
            }

            AttachedNodeSteps.Attach(new AttachedBridgeCallbacks(this, source.Token, scope.Token));
            return source;
        }

        /// <summary>
        /// Ends the request: detaches its Node steps and stops their calls still waiting (a script
        /// left running); their late answers are dropped by the reader.
        /// </summary>
        private void End(CancellationTokenSource source)
        {
            AttachedNodeSteps.Attach(null);
            CancellationTokenSource? scope;
            lock (gate)
            {
                scope = served;
                served = null;
                running = null;
                runningId = null;
            }

            // Neither source is disposed: a late call on a script's thread may still link to their tokens.
            scope?.Cancel();
        }

        /// <summary>Node's cancel (on the reader thread): stops the request it names, now or when it starts.</summary>
        private void Cancel(IDictionary message)
        {
            string id = JsonShapeWriter.ToText(message["id"]);
            lock (gate)
            {
                if (string.Equals(runningId, id, StringComparison.Ordinal))
                {
                    running!.Cancel();
                }
                else
                {
                    cancelledEarly = id;
                }
            }
        }

        /// <summary>
        /// Node is gone: the parent process ended (<see cref="OwnerWatch"/>) or the input ended (the
        /// reader thread). The running step is stopped; a step that does not stop within a second
        /// is not waited for: the engine ends anyway. Between requests there is nothing to wait for:
        /// after the input ended the serving loop leaves and says why; after the parent ended
        /// (the socket may still be open) the engine ends now.
        /// </summary>
        private void OwnerGone(string reason) => NodeGone(reason, inputEnded: false);

        private void InputEnded(string reason) => NodeGone(reason, inputEnded: true);

        private void NodeGone(string reason, bool inputEnded)
        {
            lock (gate)
            {
                if (shuttingDown || ownerGone != null)
                {
                    return;
                }

                ownerGone = reason;
                running?.Cancel();
                if (running == null)
                {
                    if (inputEnded && channel != null)
                    {
                        return;
                    }

                    stderr.WriteLine($"tsseq engine: exiting: {reason}.");
                    stderr.Flush();
                    OwnerWatch.EndProcess(0);
                    return;
                }
            }

            var timer = new Timer(_ =>
            {
                stderr.WriteLine($"tsseq engine: exiting: {reason}; the running step did not stop within {OwnerGoneGraceMilliseconds} ms.");
                stderr.Flush();
                OwnerWatch.EndProcess(0);
            });
            ownerGoneTimer = timer; // referenced, so it is not collected before it fires
            timer.Change(OwnerGoneGraceMilliseconds, Timeout.Infinite);
        }

        /// <summary>Says why the engine stops in one line on stderr; with <paramref name="endGroup"/> takes what its steps started along.</summary>
        private int Leave(string reason, int exitCode, bool endGroup = false)
        {
            stderr.WriteLine($"tsseq engine: exiting: {reason}.");
            stderr.Flush();
            if (endGroup)
            {
                OwnerWatch.EndProcess(exitCode);
            }

            return exitCode;
        }

        /// <summary>Sends a result; one that cannot be written as JSON (or is too large) fails its request instead of the channel.</summary>
        private void Respond(BridgeChannel current, IDictionary response)
        {
            try
            {
                current.Send(response);
            }
            catch (MessageTooLargeException exception)
            {
                string message = $"The result cannot be sent to Node: {exception.Message}. Nothing was lost in the engine, but the request's result is gone; send less (fewer or smaller variables).";
                current.Send(BridgeMessages.Error(response["id"], BridgeError.Payload(message, "TsSequence.MessageTooLarge", "LimitsExceeded")));
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
