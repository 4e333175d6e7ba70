using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using TsSequence.Model;

namespace TsSequence.Engine
{
    /// <summary>
    /// A step's parameters with model defaults applied and %var% references expanded, once, by
    /// the variable store (single pass: a substituted value is never expanded again), and only in
    /// data fields: fields the model marks verbatim (script source) are code and stay as written;
    /// 'parameters' is expanded by its runner after it has been split, so a value can never
    /// change how the parameters are split. Values of fields marked secret join the mask.
    /// </summary>
    internal static class ParameterResolver
    {
        internal static IDictionary<string, object?> Resolve(IDictionary step, string type, TsEnvironment environment)
        {
            var resolved = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (ParameterSpec parameter in StepCatalog.ParametersOf(type))
            {
                string name = parameter.Name;
                object? value;
                if (step.Contains(name))
                {
                    value = step[name];
                }
                else if (parameter.Default != null)
                {
                    value = parameter.Default;
                }
                else
                {
                    continue;
                }

                if (!parameter.Verbatim && name != "name" && name != "description")
                {
                    if (parameter.Type == "string" && value is string text)
                    {
                        value = environment.Expand(text);
                    }
                    else if (parameter.Type == "string[]" && value is object?[] texts)
                    {
                        var expanded = new object?[texts.Length];
                        for (int i = 0; i < texts.Length; i++)
                        {
                            expanded[i] = environment.Expand(Convert.ToString(texts[i], CultureInfo.InvariantCulture));
                        }

                        value = expanded;
                    }
                }

                if (parameter.Secret && value is string secret && secret.Length > 0)
                {
                    environment.AddSecretValue(secret);
                }

                resolved[name] = value;
            }

            return resolved;
        }
    }
}
