using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using TsSequence.Documents;

namespace TsSequence.Engine
{
    /// <summary>
    /// Runs one step (or group) outside a sequence: Invoke-TsStep and the bridge's invokeStep.
    /// With variables the step gets a fresh environment seeded from them; without, the session's
    /// (see <see cref="EngineSession"/>). Either way the built-in variables name the session's run
    /// folder. Returns the step's result entry plus 'variables' (after the step, masked).
    /// </summary>
    public static class StepRun
    {
        /// <summary>
        /// Runs <paramref name="step"/>; null when <paramref name="confirm"/> (ShouldProcess)
        /// declines. Fails with InvalidStep, RunFolderUnavailable or InvalidVariable before it runs.
        /// </summary>
        public static OrderedDictionary? Run(object? step, EngineSession session, IDictionary? variables, string[]? secretNames, string? baseDirectory, IRunHost host, IRunListener? listener, INodeStepHandler? nodeSteps, Func<string, bool>? confirm = null)
        {
            object? plain = PlainData.From(step);
            string[] problems = DocumentValidator.ValidateStep(plain, "$");
            if (problems.Length > 0)
            {
                throw new EngineException("InvalidStep", ErrorCategory.InvalidArgument, "The step is not valid; it was not run:\n  " + string.Join("\n  ", problems), plain);
            }

            var item = (IDictionary)plain!;
            if (confirm != null && !confirm($"step '{Items.Name(item)}' ({Items.Type(item)})"))
            {
                return null;
            }

            RunFolder run = session.Run;
            TsEnvironment environment = variables == null ? session.Environment : new TsEnvironment();
            RunSetup.Prepare(environment, run, null, variables, secretNames, null, null, Items.InstructionCount(new object?[] { item }));
            var context = new RunContext(environment, run, RunSetup.BaseDirectoryOr(baseDirectory), host, listener, nodeSteps);
            new ItemWalker(context).RunItem(item, Items.Name(item));
            OrderedDictionary result = context.Results[0].ToDictionary();
            result.Add("variables", ResultVariables.Of(environment));
            return result;
        }
    }
}
