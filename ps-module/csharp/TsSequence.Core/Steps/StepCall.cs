using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TsSequence.Engine;

namespace TsSequence.Steps
{
    /// <summary>
    /// One step about to run: its run, its path in the document, and its parameters as the
    /// engine resolved them (defaults applied; %var% expanded in data fields, not in verbatim ones
    /// such as script source; 'parameters' is left for its runner to expand after splitting).
    /// The helpers are the rules every runner shares.
    /// </summary>
    public sealed class StepCall
    {
        /// <summary>A call of a step of <paramref name="type"/> at <paramref name="path"/>.</summary>
        public StepCall(RunContext context, string type, string path, IDictionary<string, object?> parameters)
        {
            Context = context;
            Type = type;
            Path = path;
            Parameters = parameters;
        }

        /// <summary>The run.</summary>
        public RunContext Context { get; }

        /// <summary>The step type.</summary>
        public string Type { get; }

        /// <summary>The step's path (for log lines and events).</summary>
        public string Path { get; }

        /// <summary>Resolved parameters by JSON name; absent when neither given nor defaulted.</summary>
        public IDictionary<string, object?> Parameters { get; }

        /// <summary>The run's variables.</summary>
        public TsEnvironment Environment => Context.Environment;

        /// <summary>A string parameter, "" when absent or null.</summary>
        public string GetString(string name) =>
            Parameters.TryGetValue(name, out object? value) && value != null ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;

        /// <summary>A boolean parameter, false when absent.</summary>
        public bool GetBool(string name) => Parameters.TryGetValue(name, out object? value) && value is bool flag && flag;

        /// <summary>A parameter's value, null when absent.</summary>
        public object? Get(string name) => Parameters.TryGetValue(name, out object? value) ? value : null;

        /// <summary>timeoutMinutes (fractions allowed) in milliseconds; -1 for none.</summary>
        public int TimeoutMilliseconds
        {
            get
            {
                object? minutes = Get("timeoutMinutes");
                if (minutes == null)
                {
                    return -1;
                }

                return (int)Math.Ceiling(Convert.ToDouble(minutes, CultureInfo.InvariantCulture) * 60000);
            }
        }

        /// <summary>timeoutMinutes as the step gave it, for messages.</summary>
        public string TimeoutText => Convert.ToString(Get("timeoutMinutes"), CultureInfo.InvariantCulture) ?? string.Empty;

        /// <summary>Logs an info line about this step.</summary>
        public void Log(string message) => Context.Log.Info(message, Path);

        /// <summary>Fails the step when it asks for an option this version cannot honour, instead of ignoring it.</summary>
        public void RefuseOption(string name, string reason)
        {
            object? value = Get(name);
            if (value == null || (value is bool flag && !flag) || (value is string text && text.Length == 0))
            {
                return;
            }

            throw new NotSupportedException($"The '{name}' option is not supported yet: {reason}");
        }

        /// <summary>
        /// Refuses an outputVariableName that could not be set (checked after expansion, with the
        /// variable store's own rules), before the step runs anything.
        /// </summary>
        public void CheckOutputVariableName()
        {
            string name = GetString("outputVariableName");
            if (name.Length == 0)
            {
                return;
            }

            string? problem = TsEnvironment.GetNameProblem(name);
            if (problem != null)
            {
                throw new ArgumentException("outputVariableName: " + problem);
            }
        }

        /// <summary>
        /// Stores the last 1000 characters of a step's output in outputVariableName, if given
        /// (ConfigMgr's rule). Trailing line breaks are dropped first so `echo hello` stores
        /// "hello". When the output contains a secret value (checked before the cut, so half a
        /// secret at the boundary counts) the variable becomes secret too.
        /// </summary>
        public void SetOutputVariable(string text)
        {
            string name = GetString("outputVariableName");
            if (name.Length == 0)
            {
                return;
            }

            TsEnvironment environment = Environment;
            string trimmed = (text ?? string.Empty).TrimEnd('\r', '\n');
            int window = 1000 + environment.LongestSecretLength;
            string checkedText = trimmed.Length > window ? trimmed.Substring(trimmed.Length - window) : trimmed;
            bool containsSecret = !string.Equals(environment.Mask(checkedText), checkedText, StringComparison.Ordinal);
            if (trimmed.Length > 1000)
            {
                trimmed = trimmed.Substring(trimmed.Length - 1000);
                // Not half a character: a cut through a surrogate pair drops its orphaned second half.
                if (char.IsLowSurrogate(trimmed[0]))
                {
                    trimmed = trimmed.Substring(1);
                }
            }

            environment.Set(name, trimmed);
            if (containsSecret && trimmed.Length > 0)
            {
                environment.MarkSecret(name);
            }
        }

        /// <summary>
        /// The full path the step starts in: the sequence's base directory, or workingDirectory
        /// taken from it; a folder that does not exist is an error naming it.
        /// </summary>
        public string ResolveWorkingDirectory()
        {
            string directory = GetString("workingDirectory");
            if (directory.Length == 0)
            {
                return Context.BaseDirectory;
            }

            string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Context.BaseDirectory, directory));
            if (!Directory.Exists(full))
            {
                throw new DirectoryNotFoundException($"The working directory '{full}' does not exist.");
            }

            return full;
        }

        /// <summary>A variable the step reads as a switch (OSDDoNotLogCommand, ...): TRUE in any case.</summary>
        public bool VariableIsTrue(string name) => string.Equals(Environment.Get(name), "TRUE", StringComparison.OrdinalIgnoreCase);
    }
}
