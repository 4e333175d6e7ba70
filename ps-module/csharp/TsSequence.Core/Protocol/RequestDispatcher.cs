using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Collections.Specialized;
using System.Management.Automation;
using TsSequence.Json;

namespace TsSequence.Protocol
{
    /// <summary>
    /// Runs one request's method: the engine functions get the arguments the PowerShell
    /// dispatcher gave them before (-AsDictionary, the event and Node-step blocks, variables,
    /// secret names, base directory, -WhatIf), and what they return is the result.
    /// </summary>
    internal sealed class RequestDispatcher
    {
        private readonly BridgeEngine engine;

        internal RequestDispatcher(BridgeEngine engine)
        {
            this.engine = engine;
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
                    return engine.StepTypes;
                case "invokestep":
                    return Invoke(engine.InvokeStep, InvokeStepArguments(parameters));
                case "runsequence":
                    return Invoke(engine.RunSequence, RunSequenceArguments(parameters));
                default:
                    throw new UnknownMethodException(method);
            }
        }

        private Hashtable InvokeStepArguments(IDictionary parameters)
        {
            Hashtable arguments = CommonArguments(parameters);
            arguments["Step"] = parameters["step"];
            // Without -Variables Invoke-TsStepCore would use the console session's environment.
            arguments["Variables"] = parameters["variables"] ?? new Hashtable();
            if (parameters["secrets"] != null)
            {
                arguments["SecretNames"] = Names(parameters["secrets"]);
            }

            return arguments;
        }

        private Hashtable RunSequenceArguments(IDictionary parameters)
        {
            Hashtable arguments = CommonArguments(parameters);
            arguments["InputObject"] = parameters["document"];
            if (parameters["variables"] != null)
            {
                arguments["Variables"] = parameters["variables"];
            }

            if (parameters["secrets"] != null)
            {
                arguments["SecretVariable"] = Names(parameters["secrets"]);
            }

            if (parameters["whatIf"] is bool whatIf && whatIf)
            {
                arguments["WhatIf"] = true;
            }

            return arguments;
        }

        private Hashtable CommonArguments(IDictionary parameters)
        {
            var arguments = new Hashtable(StringComparer.OrdinalIgnoreCase)
            {
                ["AsDictionary"] = true,
                ["NodeStepHandler"] = engine.NodeStepHandler,
                // Node asks for no events when nothing listens: building and sending them is most of a cheap step's cost.
                ["OnEvent"] = parameters["events"] is bool events && !events ? null : engine.OnEvent,
            };
            if (parameters["baseDirectory"] != null)
            {
                arguments["BaseDirectory"] = JsonShapeWriter.ToText(parameters["baseDirectory"]);
            }

            return arguments;
        }

        /// <summary>One name or a list of them, as PowerShell's [string[]]@(…) gives them.</summary>
        private static string[] Names(object? value)
        {
            if (value is object[] items)
            {
                return Array.ConvertAll(items, item => JsonShapeWriter.ToText(item));
            }

            return new[] { JsonShapeWriter.ToText(value) };
        }

        /// <summary>Invokes an engine block: no output is null, one object is itself, more are a list (as PowerShell assigns them).</summary>
        private static object? Invoke(ScriptBlock? block, Hashtable arguments)
        {
            if (block == null)
            {
                throw new InvalidOperationException("The bridge server was started without the engine's script blocks.");
            }

            Collection<PSObject> output = block.Invoke(arguments);
            switch (output.Count)
            {
                case 0:
                    return null;
                case 1:
                    return output[0];
                default:
                    var items = new object[output.Count];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = output[i];
                    }

                    return items;
            }
        }
    }
}
