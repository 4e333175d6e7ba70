using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using TsSequence.Documents;
using TsSequence.Model;

namespace TsSequence.Engine
{
    /// <summary>
    /// A step's action variables (spec 3.1, 3.3): while the step runs, each of its options that
    /// ConfigMgr names by a variable (WorkingDirectory, SMSTSRunCommandLineOutputVariableName,
    /// OSDRunPowerShellScriptParameters, ...) is published under that name, and removed after the
    /// step ("Set a local default variable"). The step's own value is only the default: a
    /// variable of that name that already exists (set by the document, the caller or an earlier
    /// step) wins, for this and every later step using it; its text is read as the option's type
    /// (true/false, a number, a list of exit codes, a parameter string split like a literal one)
    /// and checked against the model's rules. Two kinds of option are never taken from a
    /// variable: code (the model's @code options, commandLine and sourceScript: data never
    /// becomes code, unlike ConfigMgr, where a CommandLine variable replaces every later Run
    /// Command Line's command) and structured options (rules). Code is not published either.
    /// </summary>
    internal sealed class ActionVariables
    {
        private static readonly char[] ListSeparators = { ' ', ',', ';', '\t' };
        private readonly TsEnvironment environment;
        private readonly List<KeyValuePair<string, string>> published = new List<KeyValuePair<string, string>>();

        private ActionVariables(TsEnvironment environment)
        {
            this.environment = environment;
        }

        /// <summary>
        /// Takes overriding variables into <paramref name="parameters"/> and publishes the rest;
        /// <see cref="Withdraw"/> removes what was published. A variable whose text does not fit
        /// the option fails the step (ArgumentException naming the variable and the option).
        /// </summary>
        internal static ActionVariables Apply(RunContext context, string type, IDictionary<string, object?> parameters, string path)
        {
            var action = new ActionVariables(context.Environment);
            foreach (ParameterSpec parameter in StepCatalog.ParametersOf(type))
            {
                if (parameter.Variable == null || parameter.Code || !IsScalarOrList(parameter.Type))
                {
                    continue;
                }

                string variable = parameter.Variable;
                string? existing = variable[0] == '_' ? null : context.Environment.Get(variable);
                if (existing != null)
                {
                    parameters[parameter.Name] = Read(parameter, variable, existing);
                    if (parameter.Secret)
                    {
                        context.Environment.AddSecretValue(existing);
                    }

                    if (context.Log.Wanted)
                    {
                        context.Log.Info($"The variable {variable} overrides the step's {parameter.Name}", path);
                    }

                    continue;
                }

                if (parameters.TryGetValue(parameter.Name, out object? value) && Text(value) is string text && text.Length > 0)
                {
                    action.Publish(variable, text, parameter.Secret);
                    if (context.Log.Wanted)
                    {
                        context.Log.Verbose($"Set a local default variable {variable}", path);
                    }
                }
            }

            return action;
        }

        /// <summary>
        /// Removes the published variables. One the step itself changed (a script setting it
        /// through $tsenv) keeps the step's value: it is the step's own, no longer a default.
        /// </summary>
        internal void Withdraw()
        {
            foreach (KeyValuePair<string, string> variable in published)
            {
                if (string.Equals(environment.Get(variable.Key), variable.Value, StringComparison.Ordinal))
                {
                    environment.Remove(variable.Key);
                }
            }
        }

        private void Publish(string name, string value, bool secret)
        {
            environment.SetSystem(name, value);
            if (secret)
            {
                environment.MarkSecret(name);
            }

            published.Add(new KeyValuePair<string, string>(name, value));
        }

        private static bool IsScalarOrList(string type) =>
            type == "string" || type == "boolean" || type == "integer" || type == "number" || type == "string[]" || type == "integer[]" || type == "parameters";

        /// <summary>An option's value as variable text: true/false, invariant numbers, lists separated by spaces (exit codes) or commas.</summary>
        private static string? Text(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case object?[] list:
                    var items = new string[list.Length];
                    bool numbers = true;
                    for (int i = 0; i < list.Length; i++)
                    {
                        numbers &= !(list[i] is string);
                        items[i] = Convert.ToString(list[i], CultureInfo.InvariantCulture) ?? string.Empty;
                    }

                    return string.Join(numbers ? " " : ",", items);
                case IDictionary _:
                    return null;
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>A variable's text read as the option's type, then checked against the option's rules.</summary>
        private static object? Read(ParameterSpec parameter, string variable, string text)
        {
            object? value;
            string trimmed = text.Trim();
            switch (parameter.Type)
            {
                case "boolean":
                    value = string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase) ? true
                        : string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase) ? (object)false
                        : null;
                    break;
                case "integer":
                    value = long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole) ? Whole(whole) : null;
                    break;
                case "number":
                    value = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && !double.IsInfinity(number) ? (object)number : null;
                    break;
                case "integer[]":
                    value = Codes(trimmed);
                    break;
                case "string[]":
                    value = Array.ConvertAll(trimmed.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries), item => (object?)item.Trim());
                    break;
                default:
                    // string and parameters: the text itself ('parameters' is split by its runner, as a literal string is).
                    value = text;
                    break;
            }

            string? problem = value == null ? $"must be {Expected(parameter.Type)}" : ParameterValueRules.Problem(parameter, value);
            if (problem != null)
            {
                throw new ArgumentException($"The variable {variable} overrides the step's {parameter.Name}, but its value {problem}.");
            }

            return value;
        }

        private static object? Codes(string text)
        {
            string[] parts = text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);
            var codes = new object?[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!long.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out long code))
                {
                    return null;
                }

                codes[i] = Whole(code);
            }

            return codes;
        }

        /// <summary>A whole number as the document reader gives one: an int when it fits, else a long.</summary>
        private static object Whole(long value) => value >= int.MinValue && value <= int.MaxValue ? (int)value : (object)value;

        private static string Expected(string type)
        {
            switch (type)
            {
                case "boolean":
                    return "true or false";
                case "integer":
                    return "a whole number";
                case "number":
                    return "a number";
                default:
                    return "a list of whole numbers separated by spaces or commas";
            }
        }
    }
}
