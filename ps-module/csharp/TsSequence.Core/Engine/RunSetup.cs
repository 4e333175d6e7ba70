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
        public static RunFolder CreateRunFolder() => CreateRunFolder(null, false);

        /// <summary>
        /// The run folder: <paramref name="stateDirectory"/> when given (created private if
        /// missing; refused when not private, not the user's, or holding a saved run already when
        /// <paramref name="saves"/>), else a new folder under the user's data directory.
        /// </summary>
        public static RunFolder CreateRunFolder(string? stateDirectory, bool saves)
        {
            if (stateDirectory != null && saves && File.Exists(State.StateFiles.Sequence(stateDirectory)))
            {
                throw new EngineException("StateFolderInUse", ErrorCategory.ResourceExists, $"The state folder '{stateDirectory}' holds a saved run already; nothing was run. Resume it (Resume-TsSequence, tsseq resume --state-dir), or give an empty or new folder.", stateDirectory);
            }

            try
            {
                return stateDirectory == null ? RunFolder.Create() : RunFolder.At(stateDirectory);
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

        /// <summary>
        /// Starts saving a run: the document (round-tripped through JSON, so the hash is of what
        /// a resume reads back), its hash, and the source file's hash when it came from a file.
        /// </summary>
        internal static State.StateStore BeginState(RunFolder run, IDictionary document, string source, string baseDirectory, RunOptions options)
        {
            try
            {
                string json = State.DocumentJson.Write(document, sorted: false);
                string hash = State.DocumentHash.Of(Json.JsonCodec.Parse(json));
                string? sourcePath = File.Exists(source) ? Path.GetFullPath(source) : null;
                string? sourceHash = sourcePath == null ? null : State.DocumentHash.Of(Documents.SequenceFile.Read(sourcePath));
                return State.StateStore.Begin(run, json, hash, baseDirectory, sourcePath, sourceHash, options);
            }
            catch (Exception exception) when (!(exception is EngineException))
            {
                throw new EngineException("RunFolderUnavailable", ErrorCategory.ResourceUnavailable, $"Cannot save the run's state in '{run.DataPath}'; nothing was run: " + ErrorText.Innermost(exception).Message, run.DataPath, exception);
            }
        }

        /// <summary>The variables of a saved run: as saved (secret marks and masked values too), then the built-ins refreshed.</summary>
        internal static TsEnvironment Restore(State.SavedRun saved, RunFolder run)
        {
            var environment = new TsEnvironment();
            foreach (System.Collections.Generic.KeyValuePair<string, string> variable in saved.Variables)
            {
                environment.SetSystem(variable.Key, variable.Value);
            }

            foreach (string secret in saved.SecretNames)
            {
                environment.MarkSecret(secret);
            }

            foreach (string value in saved.MaskedValues)
            {
                environment.AddSecretValue(value);
            }

            BuiltInVariables.Set(environment, run, Items.Text(saved.Document["id"]), Items.Text(saved.Document["name"]));
            return environment;
        }

        /// <summary>The folder relative paths start from: the given one, else the process's current directory.</summary>
        public static string BaseDirectoryOr(string? baseDirectory) =>
            string.IsNullOrEmpty(baseDirectory) ? Directory.GetCurrentDirectory() : baseDirectory!;
    }
}
