namespace TsSequence.Steps
{
    /// <summary>
    /// Set Task Sequence Variable (SMS_TaskSequence_SetVariableAction): sets, or with an empty
    /// value deletes, one variable. The value's %var% references were expanded by the engine
    /// (single pass); read-only "_" names are refused by the variable store. With
    /// doNotShowVariableValue the variable is marked secret before anything is logged.
    /// </summary>
    public sealed class SetTaskSequenceVariableStep : IStepRunner
    {
        /// <inheritdoc/>
        public StepOutcome Run(StepCall call)
        {
            string name = call.GetString("variableName");
            string value = call.GetString("variableValue");
            TsEnvironment environment = call.Environment;
            environment.Set(name, value);
            if (call.GetBool("doNotShowVariableValue") && value.Length > 0)
            {
                environment.MarkSecret(name);
            }

            if (call.Context.Log.Wanted)
            {
                if (value.Length == 0)
                {
                    call.Log($"Deleted the task sequence variable {name} (set to an empty value)");
                }
                else if (environment.IsSecret(name))
                {
                    call.Log($"Set the task sequence variable {name} to a hidden value");
                }
                else
                {
                    call.Log($"Set the task sequence variable {name}={value}");
                }
            }

            return StepOutcome.Success;
        }
    }
}
