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
        public static RunFolder CreateRunFolder() => CreateRunFolder(null);

        /// <summary>
        /// The run folder of a sequence run: options.StateDirectory when given (created private if
        /// missing; refused when not private or not the user's), else a new folder under the user's
        /// data directory. A run that saves state holds the folder's lock (<paramref name="held"/>)
        /// and is refused a folder another run holds, or one holding a saved run already. A what-if
        /// run gets the folder's name only: it creates nothing.
        /// </summary>
        internal static RunFolder CreateRunFolder(RunOptions options, out State.StateLock? held)
        {
            held = null;
            string? stateDirectory = options.StateDirectory;
            if (options.WhatIf)
            {
                return RunFolder.Named(stateDirectory);
            }

            RunFolder run = CreateRunFolder(stateDirectory);
            if (options.NoState)
            {
                return run;
            }

            held = TakeLock(run.DataPath);
            if (stateDirectory != null && File.Exists(State.StateFiles.Sequence(run.DataPath)))
            {
                // Refused: the lock file goes again when this run made it (the saved run's own stays).
                bool madeLock = held.CreatedLockFile;
                held.Dispose();
                held = null;
                if (madeLock)
                {
                    File.Delete(State.StateFiles.Lock(run.DataPath));
                }

                throw new EngineException("StateFolderInUse", ErrorCategory.ResourceExists, $"The state folder '{stateDirectory}' holds a saved run already; nothing was run. Resume it (Resume-TsSequence, tsseq resume --state-dir), or give an empty or new folder.", stateDirectory);
            }

            return run;
        }

        /// <summary>The lock of a run's state folder (<see cref="State.StateLock"/>): StateFolderInUse when another run holds it, RunFolderUnavailable when it cannot be taken.</summary>
        internal static State.StateLock TakeLock(string folder)
        {
            try
            {
                return State.StateLock.Take(folder);
            }
            catch (Exception exception) when (!(exception is EngineException))
            {
                throw new EngineException("RunFolderUnavailable", ErrorCategory.ResourceUnavailable, $"Cannot lock the state folder '{folder}'; nothing was run: " + ErrorText.Innermost(exception).Message, folder, exception);
            }
        }

        private static RunFolder CreateRunFolder(string? stateDirectory)
        {
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
