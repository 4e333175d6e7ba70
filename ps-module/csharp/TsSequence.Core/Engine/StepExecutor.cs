using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using TsSequence.Steps;
using TsSequence.Steps.WhatIf;

namespace TsSequence.Engine
{
    /// <summary>
    /// Runs one step: resolves its parameters, calls its type's runner (Steps/), judges the exit
    /// code against successCodes, sets the _SMSTSLastAction* variables and settles the result entry.
    /// An exception from the runner fails the step (exit code 1) with its message. The step's
    /// action variables are published while it runs (<see cref="ActionVariables"/>). In a what-if
    /// run the step is resolved and reported, not run (status WhatIf, no exit code).
    /// </summary>
    internal sealed class StepExecutor
    {
        private readonly RunContext context;
        private readonly ItemWalker walker;

        internal StepExecutor(RunContext context, ItemWalker walker)
        {
            this.context = context;
            this.walker = walker;
        }

        internal string Run(IDictionary step, string path, bool continueOnError)
        {
            string type = Items.Type(step);
            string name = Items.Name(step);
            TsEnvironment environment = context.Environment;
            var entry = new ResultEntry(path, type);
            context.Results.Add(entry);
            Stopwatch clock = walker.Start(entry);

            int? exitCode = null;
            bool succeeded = false;
            string message = string.Empty;
            ActionVariables? actionVariables = null;
            try
            {
                IDictionary<string, object?> parameters = ParameterResolver.Resolve(step, type, environment);
                actionVariables = ActionVariables.Apply(context, type, parameters, path);
                IStepRunner runner = StepRunners.For(type);
                if (context.WhatIf)
                {
                    string report = WhatIfReport.Describe(new StepCall(context, type, path, parameters));
                    context.Log.Info(report, path);
                    return walker.Complete(entry, clock, true, continueOnError, null, report);
                }

                object? beforeStep = RestartDetection.BeforeStep(context);
                StepOutcome outcome = runner.Run(new StepCall(context, type, path, parameters));
                entry.Details = outcome.Details;
                exitCode = outcome.ExitCode;
                // A stop from outside ends the step's wait as its timeout would: say what happened.
                message = RunCancellation.Requested ? RunCancellation.Message : outcome.Message;
                parameters.TryGetValue("successCodes", out object? codes);
                // A step the cancel stopped did not finish, whatever its runner returned afterwards.
                succeeded = !RunCancellation.Requested && IsSuccess(outcome.ExitCode, codes);
                if (!succeeded && message.Length == 0)
                {
                    message = $"Exit code {outcome.ExitCode} is not a success code ({string.Join(", ", SuccessCodes(codes))}).";
                }

                RestartDetection.AfterStep(context, beforeStep, outcome, succeeded, path);
            }
            catch (Exception exception)
            {
                exitCode ??= 1;
                succeeded = false;
                message = RunCancellation.Requested ? RunCancellation.Message : ErrorText.Innermost(exception).Message;
            }
            finally
            {
                actionVariables?.Withdraw();
            }

            string code = exitCode.Value.ToString(CultureInfo.InvariantCulture);
            environment.SetSystem("_SMSTSLastActionRetCode", code);
            environment.SetSystem("_SMSTSLastActionSucceeded", succeeded ? "true" : "false");
            environment.SetSystem("_SMSTSLastActionName", name);
            if (context.Log.Wanted)
            {
                if (succeeded)
                {
                    context.Log.Info($"Successfully completed the action ({name}) with the exit win32 code {code}", path);
                }
                else
                {
                    context.Log.Error($"Failed to run the action: {name}. {message} (Error: {exitCode.Value.ToString("X8", CultureInfo.InvariantCulture)}; Source: Windows)", path);
                }
            }

            return walker.Complete(entry, clock, succeeded, continueOnError, exitCode, message);
        }

        /// <summary>successCodes as given, or 0 when the step has none.</summary>
        private static IEnumerable<string> SuccessCodes(object? codes)
        {
            if (!(codes is object?[] list))
            {
                yield return "0";
                yield break;
            }

            foreach (object? item in list)
            {
                yield return Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        private static bool IsSuccess(int exitCode, object? codes)
        {
            if (!(codes is object?[] list))
            {
                return exitCode == 0;
            }

            foreach (object? item in list)
            {
                if (item != null && !(item is bool) && Convert.ToDouble(item, CultureInfo.InvariantCulture) == exitCode)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
