using System;
using System.Collections.Generic;
using TsSequence.Steps.CommandLine;
using TsSequence.Steps.PowerShellScript;
using TsSequence.Steps.RestartComputer;

namespace TsSequence.Steps
{
    /// <summary>
    /// The runner of each implemented step type (one folder or file per type under Steps/). A type
    /// of the model without a runner fails with a clear "not implemented yet" when it runs.
    /// </summary>
    public static class StepRunners
    {
        private static readonly Dictionary<string, IStepRunner> Runners = new Dictionary<string, IStepRunner>(StringComparer.Ordinal)
        {
            { "SetTaskSequenceVariable", new SetTaskSequenceVariableStep() },
            { "RunCommandLine", new RunCommandLineStep() },
            { "RunPowerShellScript", new RunPowerShellScriptStep() },
            { "Node", new NodeStep() },
            { "RestartComputer", new RestartComputerStep() },
        };

        /// <summary>Whether a step type has a runner in this version.</summary>
        public static bool IsImplemented(string type) => Runners.ContainsKey(type);

        /// <summary>The runner of <paramref name="type"/>, or a NotImplementedException naming what is implemented.</summary>
        public static IStepRunner For(string type)
        {
            if (Runners.TryGetValue(type, out IStepRunner? runner))
            {
                return runner;
            }

            throw new NotImplementedException($"The {type} step is not implemented yet in this version of tsseq (implemented: SetTaskSequenceVariable, RunCommandLine, RunPowerShellScript, RestartComputer).");
        }
    }
}
