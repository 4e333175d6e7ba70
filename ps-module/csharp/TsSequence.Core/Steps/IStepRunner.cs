namespace TsSequence.Steps
{
    /// <summary>
    /// One step type's behaviour. The engine has resolved the parameters (model defaults
    /// applied, %var% expanded except in verbatim fields) before <see cref="Run"/>; the runner
    /// returns the exit code (judged against successCodes by the engine) and a message, or throws:
    /// an exception fails the step with exit code 1 and the exception's message.
    /// </summary>
    public interface IStepRunner
    {
        /// <summary>Runs the step.</summary>
        StepOutcome Run(StepCall call);
    }
}
