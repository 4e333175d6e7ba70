using System;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>PLACEHOLDER until the script runner lands (replaced by the real runner).</summary>
    public sealed class RunPowerShellScriptStep : IStepRunner
    {
        /// <inheritdoc/>
        public StepOutcome Run(StepCall call) => throw new NotImplementedException("Run PowerShell Script: not ported yet.");
    }
}
