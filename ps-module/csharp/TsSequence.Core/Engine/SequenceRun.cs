using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using TsSequence.Documents;

namespace TsSequence.Engine
{
    /// <summary>
    /// Runs a sequence document: validates all of it against the step model before anything
    /// runs, prepares a run folder of its own and the variables, walks the steps and returns the
    /// result document {status, exitCode, steps, variables}. The run folder is removed at the end
    /// when nothing was written into it.
    /// </summary>
    public static class SequenceRun
    {
        /// <summary>
        /// Runs <paramref name="document"/> (plain data); <paramref name="source"/> names it in
        /// errors (its file, or "the input object"). Fails with InvalidSequence, RunFolderUnavailable
        /// or InvalidVariable before anything runs.
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
            RunFolder run = RunSetup.CreateRunFolder();
            try
            {
                var environment = new TsEnvironment();
                RunSetup.Prepare(environment, run, root["variables"] as IDictionary, variables, secretNames, Items.Text(root["id"]), Items.Text(root["name"]), Items.InstructionCount(steps));
                var context = new RunContext(environment, run, RunSetup.BaseDirectoryOr(baseDirectory), host, listener, nodeSteps, options);
                context.Log.OpenFile();
                bool completed = false;
                try
                {
                    completed = new ItemWalker(context).RunList(steps, string.Empty);
                }
                finally
                {
                    context.Log.Finish(completed);
                }

                var entries = new object[context.Results.Count];
                for (int i = 0; i < entries.Length; i++)
                {
                    entries[i] = context.Results[i].ToDictionary();
                }

                return new OrderedDictionary
                {
                    { "status", completed ? "Succeeded" : "Failed" },
                    { "exitCode", completed ? 0 : 1 },
                    { "steps", entries },
                    { "variables", ResultVariables.Of(environment) },
                };
            }
            finally
            {
                run.RemoveIfEmpty();
            }
        }

        /// <summary>
        /// Continues the run saved in <paramref name="options"/>.StateDirectory (after a restart
        /// or a crash) at the step its state names, and returns its result document.
        /// </summary>
        public static OrderedDictionary Resume(IRunHost host, IRunListener? listener, INodeStepHandler? nodeSteps, RunOptions options)
        {
            throw new EngineException("NotImplemented", ErrorCategory.NotImplemented, "Resuming a run is not implemented yet.", options.StateDirectory);
        }
    }
}
