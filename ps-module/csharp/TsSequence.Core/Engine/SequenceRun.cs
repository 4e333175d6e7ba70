using System;
using System.Collections;
using System.Collections.Specialized;
using System.IO;
using System.Management.Automation;
using TsSequence.Documents;
using TsSequence.Engine.Restart;
using TsSequence.Engine.State;

namespace TsSequence.Engine
{
    /// <summary>
    /// Runs a sequence document: validates all of it against the step model before anything
    /// runs, prepares its run folder (the state folder) and the variables, walks the steps and
    /// returns the result document {status, exitCode, steps, variables}. The state is saved in
    /// the run folder before every step (not in what-if runs); a step that asks for a restart
    /// ends the run RestartPending (exit code 3010) once the restart provider acted, and
    /// <see cref="Resume(IRunHost, IRunListener, INodeStepHandler, RunOptions)"/> continues it. A default run folder still empty at the end is removed.
    /// </summary>
    public static class SequenceRun
    {
        /// <summary>
        /// Runs <paramref name="document"/> (plain data); <paramref name="source"/> names it in
        /// errors (its file, or "the input object"; a file that exists is also compared on resume).
        /// Fails with InvalidSequence, RunFolderUnavailable or InvalidVariable before anything runs.
        /// </summary>
        public static OrderedDictionary Run(object? document, string source, IDictionary? variables, string[]? secretNames, string? baseDirectory, IRunHost host, IRunListener? listener, INodeStepHandler? nodeSteps, RunOptions options)
        {
            string[] problems = DocumentValidator.Validate(document);
            if (problems.Length > 0)
            {
                throw new EngineException("InvalidSequence", ErrorCategory.InvalidData, $"The sequence in {source} is not valid; nothing was run:\n  " + string.Join("\n  ", problems), source);
            }

            var root = (IDictionary)document!;
            object?[] steps = root["steps"] as object?[] ?? new object?[0];
            options.Check();
            bool saves = !options.WhatIf && !options.NoState;
            // What a refused run must not leave behind: only what it created itself is removed.
            var created = CreatedFolders.Before(options.WhatIf ? null : options.StateDirectory);
            RunFolder run = CreateRunFolder(options, created, out StateLock? held);
            bool removeState = false;
            bool started = false;
            RunContext? opened = null;
            try
            {
                var environment = new TsEnvironment();
                RunSetup.Prepare(environment, run, root["variables"] as IDictionary, variables, secretNames, Items.Text(root["id"]), Items.Text(root["name"]), Items.InstructionCount(steps));
                var context = new RunContext(environment, run, RunSetup.BaseDirectoryOr(baseDirectory), host, listener, nodeSteps, options);
                opened = context;
                context.Log.OpenFile();
                if (saves)
                {
                    context.State = RunSetup.BeginState(run, root, source, context.BaseDirectory, options);
                    Announce(context, "state folder: " + run.DataPath);
                    TakeOver(context, held);
                }

                started = true;
                OrderedDictionary result = Walk(context, steps);
                // A default folder keeps its state only while the run can be resumed (as
                // ConfigMgr removes _SMSTaskSequence at the end); its logs stay.
                removeState = options.StateDirectory == null && (string)result["status"]! != "RestartPending";
                return result;
            }
            finally
            {
                if (!started)
                {
                    // Refused before its first step: the log it created goes too.
                    opened?.Log.Abandon();
                }

                // The lock goes first: Windows cannot delete a file held open.
                held?.Dispose();
                if (options.StateDirectory == null && held != null && (removeState || !File.Exists(StateFiles.Sequence(run.DataPath))))
                {
                    StateFiles.Remove(run.DataPath);
                }

                if (options.StateDirectory == null)
                {
                    run.RemoveIfEmpty();
                }
                else if (!started)
                {
                    created.Undo(run.DataPath, held != null && held.CreatedLockFile);
                }
            }
        }

        // RunSetup.CreateRunFolder, undoing what it created when it refuses the folder.
        private static RunFolder CreateRunFolder(RunOptions options, CreatedFolders created, out StateLock? held)
        {
            try
            {
                return RunSetup.CreateRunFolder(options, out held);
            }
            catch (EngineException) when (options.StateDirectory != null && !options.WhatIf)
            {
                // The lock file, when this run made it, was removed by CreateRunFolder itself.
                created.Undo(Path.GetFullPath(options.StateDirectory), removeLock: false);
                throw;
            }
        }

        // Says (log, stderr) that the folder was taken over from a dead holder (state.owner named it).
        private static void TakeOver(RunContext context, StateLock? held)
        {
            string? note = held?.TakeOverNote;
            if (note != null)
            {
                context.Log.Warning(note, string.Empty);
                if (context.Listener == null)
                {
                    context.Options.Announce?.Invoke(note);
                }
            }
        }

        /// <summary>
        /// Continues the run saved in <paramref name="options"/>.StateDirectory (after a restart
        /// or a crash) at the step its state names, and returns its result document, covering the
        /// whole run. A finished run is not run again: its result is returned, and the log says so.
        /// </summary>
        public static OrderedDictionary Resume(IRunHost host, IRunListener? listener, INodeStepHandler? nodeSteps, RunOptions options)
        {
            if (string.IsNullOrEmpty(options.StateDirectory))
            {
                throw new EngineException("InvalidState", ErrorCategory.InvalidArgument, "Resuming needs the state folder of the run (-StateDirectory, --state-dir).");
            }

            options.Check();
            // The lock first: the state read next is then the one no other process is changing.
            string folder = Path.GetFullPath(options.StateDirectory);
            StateLock? held = null;
            bool hadLogs = Directory.Exists(Path.Combine(folder, "Logs"));
            if (Directory.Exists(folder))
            {
                PrivateDirectory.AssertOwnerOnly(folder);
                held = RunSetup.TakeLock(folder);
            }

            bool started = false;
            try
            {
                return Resume(SavedRun.Load(folder), host, listener, nodeSteps, options, held, () => started = true);
            }
            finally
            {
                held?.Dispose();
                if (!started && held != null)
                {
                    // Refused (an invalid or changed state, a log that cannot be opened): the lock file and Logs it made go again.
                    new CreatedFolders(true, hadLogs).Undo(folder, held.CreatedLockFile);
                }
            }
        }

        private static OrderedDictionary Resume(SavedRun saved, IRunHost host, IRunListener? listener, INodeStepHandler? nodeSteps, RunOptions options, StateLock? held, Action started)
        {
            RunFolder run = RunFolder.At(saved.Folder, saved.RunId);
            options.LogPath ??= saved.LogPath;
            TsEnvironment environment = RunSetup.Restore(saved, run);
            var context = new RunContext(environment, run, saved.BaseDirectory, host, listener, nodeSteps, options);
            context.Results.AddRange(saved.Results);
            context.Progress = saved.Progress;
            object?[] steps = saved.Document["steps"] as object?[] ?? new object?[0];
            OrderedDictionary result;
            if (saved.Progress.Status == "Succeeded" || saved.Progress.Status == "Failed")
            {
                started();
                Announce(context, $"the run in {run.DataPath} already finished ({saved.Progress.Status}); nothing was run again.");
                result = Result(context, saved.Progress.Status == "Succeeded" ? "Succeeded" : "Failed");
            }
            else
            {
                if (saved.Progress.RestartedBy != null)
                {
                    RestartProviders.For(saved.Progress.RestartedBy).Unregister(saved.RunId);
                }

                // A finished run's log is left as it ended; a continued one goes on in the same file.
                context.Log.OpenFile();
                started();
                TakeOver(context, held);
                context.State = StateStore.Continue(saved);
                context.ResumeAt = saved.Progress.Position;
                context.Interrupted = saved.Progress.InProgress;
                saved.Progress.Status = "Running";
                saved.Progress.RestartReason = null;
                saved.Progress.RestartedBy = null;
                Announce(context, $"state folder: {run.DataPath}; resuming at instruction {saved.Progress.Position}" + (saved.Progress.InProgress != null ? " (the run stopped during that step)" : string.Empty));
                result = Walk(context, steps);
            }

            if (options.IncludeOutline)
            {
                result.Add("outline", Outline(saved.Document));
            }

            return result;
        }

        private static OrderedDictionary Walk(RunContext context, object?[] steps)
        {
            string status = "Failed";
            try
            {
                OrderedDictionary result = WalkAndSettle(context, steps);
                status = (string)result["status"]!;
                return result;
            }
            finally
            {
                context.Log.Finish(status);
                context.State?.Dispose();
            }
        }

        private static OrderedDictionary WalkAndSettle(RunContext context, object?[] steps)
        {
            bool completed = new ItemWalker(context).RunList(steps, string.Empty);
            if (context.PendingRestart != null)
            {
                // The walker saved the state (Checkpoints.BeforeRestart); now the provider acts.
                context.Log.Info($"The task sequence stops for a restart ({context.PendingRestart.Reason}); the {context.Options.RestartProvider} restart provider acts on it", string.Empty);
                if (context.State != null)
                {
                    // The message leaves the run (shutdown.exe /c, the provider's records): masked, as every line is.
                    RestartRequest pending = context.PendingRestart;
                    var shown = new RestartRequest(pending.Reason, pending.RetrySameStep, pending.Message == null ? null : context.Environment.Mask(pending.Message), pending.DelaySeconds);
                    RestartProviders.For(context.Options.RestartProvider).Restart(context.Run.DataPath, context.Run.RunId, shown);
                }
                else if (context.Options.NoState)
                {
                    context.Log.Warning("This run saves no state (-NoState), so it cannot be resumed and the computer was not restarted.", string.Empty);
                }

                return Result(context, "RestartPending");
            }

            Checkpoints.Finished(context, completed);
            return Result(context, completed ? "Succeeded" : "Failed");
        }

        /// <summary>The result document; groups left open by a restart show as RestartPending.</summary>
        private static OrderedDictionary Result(RunContext context, string status)
        {
            var entries = new object[context.Results.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = context.Results[i].ToDictionary();
            }

            if (status == "RestartPending")
            {
                foreach (OpenGroup open in context.Progress.OpenGroups)
                {
                    ((OrderedDictionary)entries[open.ResultIndex])["status"] = "RestartPending";
                }
            }

            return new OrderedDictionary
            {
                { "status", status },
                { "exitCode", status == "Succeeded" ? 0 : status == "RestartPending" ? 3010 : 1 },
                { "steps", entries },
                { "variables", ResultVariables.Of(context.Environment) },
            };
        }

        /// <summary>
        /// The line naming the state folder: a log line, a verbose line, and the caller's Announce
        /// (the CLI's stderr) unless the caller listens to events, which carry the log line already
        /// (tsseq -v printed it twice).
        /// </summary>
        private static void Announce(RunContext context, string line)
        {
            context.Log.Info(char.ToUpperInvariant(line[0]) + line.Substring(1), string.Empty);
            if (context.Host.VerboseEnabled && context.Listener == null)
            {
                context.Host.WriteVerbose("TsSequence: " + line);
            }

            if (context.Listener == null)
            {
                context.Options.Announce?.Invoke(line);
            }
        }

        /// <summary>The document's names and nesting only ({name, steps}), nothing of the steps' data.</summary>
        private static OrderedDictionary Outline(IDictionary item)
        {
            var outline = new OrderedDictionary();
            if (item["name"] is string name)
            {
                outline.Add("name", name);
            }

            if (item["steps"] is object?[] children)
            {
                var steps = new object[children.Length];
                for (int i = 0; i < children.Length; i++)
                {
                    steps[i] = Outline((IDictionary)children[i]!);
                }

                outline.Add("steps", steps);
            }

            return outline;
        }
    }
}
