using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;

namespace TsSequence.Steps
{
    /// <summary>
    /// A step implemented in Node (type "Node"), run through the bridge that started this run.
    /// The handler gets the parameters and the variables and answers with the variables after it
    /// ran; those are applied with user-level rules (read-only names stay untouched, an absent
    /// name is deleted). Secret variables keep their value unless the handler changed it.
    /// </summary>
    public sealed class NodeStep : IStepRunner
    {
        /// <inheritdoc/>
        public StepOutcome Run(StepCall call)
        {
            string handler = call.GetString("handler");
            if (call.Context.NodeSteps == null)
            {
                throw new InvalidOperationException($"The Node step handler '{handler}' can only run when Node runs the step and has registered the handler (engine.registerStep): in a sequence Engine.runSequence runs, or by Invoke-TsStep / Invoke-TsSequence in a script that such a sequence or Engine.invokeStep runs. Here no Node bridge request is running.");
            }

            TsEnvironment environment = call.Environment;
            Dictionary<string, string> before = environment.Snapshot();
            var request = new OrderedDictionary
            {
                { "handler", handler },
                { "parameters", call.Get("parameters") },
                { "variables", before },
                { "path", call.Path },
            };
            // Node enforces the time limit: it aborts the handler's signal and answers 1460 at the limit.
            if (call.TimeoutMilliseconds > 0)
            {
                request.Add("timeoutMs", call.TimeoutMilliseconds);
            }

            IDictionary? answer = call.Context.NodeSteps.Invoke(request);
            if (answer == null)
            {
                return StepOutcome.Success;
            }

            if (answer["variables"] is IDictionary after)
            {
                foreach (DictionaryEntry variable in after)
                {
                    string name = Convert.ToString(variable.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    if (name.StartsWith("_", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string value = Convert.ToString(variable.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                    if (!before.TryGetValue(name, out string? old) || !string.Equals(old, value, StringComparison.Ordinal))
                    {
                        environment.Set(name, value);
                    }
                }

                foreach (string name in before.Keys)
                {
                    if (!name.StartsWith("_", StringComparison.Ordinal) && !after.Contains(name))
                    {
                        environment.Set(name, string.Empty);
                    }
                }
            }

            int exitCode = answer["exitCode"] == null ? 0 : Convert.ToInt32(answer["exitCode"], CultureInfo.InvariantCulture);
            return new StepOutcome(exitCode, Convert.ToString(answer["message"], CultureInfo.InvariantCulture));
        }
    }
}
