using System;
using System.Collections;
using System.Collections.Specialized;
using TsSequence.Engine;
using TsSequence.Engine.Hosts;
using TsSequence.Json;

namespace TsSequence.Protocol
{
    /// <summary>
    /// Runs one request's method on the engine core, in this thread: ping, getStepTypes,
    /// invokeStep, runSequence, shutdown. Events are built and sent only when the request asks
    /// for them (Node asks for none when nothing listens: building them is most of a cheap step's cost).
    /// </summary>
    internal sealed class RequestDispatcher
    {
        private readonly BridgeEngine engine;
        private readonly BridgeRunCallbacks callbacks;

        internal RequestDispatcher(BridgeEngine engine, BridgeServer server)
        {
            this.engine = engine;
            callbacks = new BridgeRunCallbacks(server);
        }

        internal object? Dispatch(string method, IDictionary parameters)
        {
            switch (method.ToLowerInvariant())
            {
                case "ping":
                    return new OrderedDictionary { { "pong", true } };
                case "shutdown":
                    return null;
                case "getsteptypes":
                    return StepTypeDescriptions.All();
                case "invokestep":
                    // Without variables a step would use the console session's environment: the bridge always gives one.
                    return StepRun.Run(
                        parameters["step"],
                        engine.Session,
                        parameters["variables"] as IDictionary ?? new OrderedDictionary(),
                        Names(parameters["secrets"]),
                        BaseDirectory(parameters),
                        SilentRunHost.Instance,
                        Listener(parameters),
                        callbacks);
                case "runsequence":
                    return SequenceRun.Run(
                        parameters["document"],
                        parameters["sourcePath"] as string ?? "the input object",
                        parameters["variables"] as IDictionary,
                        Names(parameters["secrets"]),
                        BaseDirectory(parameters),
                        SilentRunHost.Instance,
                        Listener(parameters),
                        callbacks,
                        RunOptions.FromRequest(parameters));
                case "resumesequence":
                    return SequenceRun.Resume(SilentRunHost.Instance, Listener(parameters), callbacks, RunOptions.FromRequest(parameters));
                default:
                    throw new UnknownMethodException(method);
            }
        }

        private IRunListener? Listener(IDictionary parameters) => parameters["events"] is bool events && !events ? null : callbacks;

        private static string? BaseDirectory(IDictionary parameters) =>
            parameters["baseDirectory"] == null ? null : JsonShapeWriter.ToText(parameters["baseDirectory"]);

        /// <summary>One name or a list of them; null when absent.</summary>
        private static string[]? Names(object? value)
        {
            if (value == null)
            {
                return null;
            }

            if (value is object[] items)
            {
                return Array.ConvertAll(items, item => JsonShapeWriter.ToText(item));
            }

            return new[] { JsonShapeWriter.ToText(value) };
        }
    }
}
