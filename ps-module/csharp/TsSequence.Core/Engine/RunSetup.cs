using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Management.Automation;

namespace TsSequence.Engine
{
    /// <summary>
    /// Prepares a run before its first item: the run folder and the variables. Initial variables
    /// are set with user-level rules (so "_" names cannot be smuggled in); then the engine sets
    /// the built-in read-only variables, as ConfigMgr does before the first step.
    /// </summary>
    public static class RunSetup
    {
        /// <summary>A new run folder, or RunFolderUnavailable: nothing runs without one.</summary>
        public static RunFolder CreateRunFolder()
        {
            try
            {
                return RunFolder.Create();
            }
            catch (Exception exception)
            {
                throw new EngineException("RunFolderUnavailable", ErrorCategory.ResourceUnavailable, "Cannot create the run folder (_SMSTSMDataPath); nothing was run: " + ErrorText.Innermost(exception).Message, null, exception);
            }
        }

        /// <summary>
        /// Fills <paramref name="environment"/>: <paramref name="documentVariables"/>, then
        /// <paramref name="overrides"/> (values must be strings), secret marks, the built-in
        /// variables and _SMSTSInstructionTableSize. Refused variables fail with InvalidVariable.
        /// </summary>
        public static void Prepare(TsEnvironment environment, RunFolder run, IDictionary? documentVariables, IDictionary? overrides, string[]? secretNames, string? sequenceId, string? sequenceName, int instructionCount)
        {
            try
            {
                foreach (IDictionary? source in new[] { documentVariables, overrides })
                {
                    if (source == null)
                    {
                        continue;
                    }

                    foreach (DictionaryEntry variable in source)
                    {
                        object? value = variable.Value is PSObject wrapped ? wrapped.BaseObject : variable.Value;
                        string name = Convert.ToString(variable.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                        if (value != null && !(value is string))
                        {
                            throw new ArgumentException($"Variable '{name}' must be a string (task sequence values are strings); got a value of type {value.GetType().Name}.");
                        }

                        environment.Set(name, (string?)value ?? string.Empty);
                    }
                }

                foreach (string secret in secretNames ?? new string[0])
                {
                    environment.MarkSecret(secret);
                }
            }
            catch (Exception exception)
            {
                throw new EngineException("InvalidVariable", ErrorCategory.InvalidArgument, "Invalid variables; nothing was run: " + ErrorText.Innermost(exception).Message, overrides ?? documentVariables, exception);
            }

            BuiltInVariables.Set(environment, run, sequenceId, sequenceName);
            environment.SetSystem("_SMSTSInstructionTableSize", instructionCount.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>The folder relative paths start from: the given one, else the process's current directory.</summary>
        public static string BaseDirectoryOr(string? baseDirectory) =>
            string.IsNullOrEmpty(baseDirectory) ? Directory.GetCurrentDirectory() : baseDirectory!;
    }
}
