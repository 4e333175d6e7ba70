using System;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using TsSequence.Engine;
using TsSequence.Engine.Log;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// Run PowerShell Script (SMS_TaskSequence_RunPowerShellScriptAction): runs an inline script
    /// or a script file. An inline sourceScript is written to a private temporary .ps1 (as ConfigMgr
    /// does) so `exit N` behaves as in a script file; the script runs in a runspace of its own with
    /// $tsenv, its parameters passed as data, under executionPolicy on Windows (elsewhere
    /// PowerShell has no execution policy). A scriptName must end in .ps1, as powershell.exe -File
    /// requires. The exit code is N of `exit N`, 1 for a terminating error, else 0. Non-terminating
    /// errors do not fail the step, as with powershell.exe -File, with one exception: a script that
    /// called a command that does not exist did not do its work, so the step fails naming every
    /// such command. Every error is in the step's message with its line and position, and in the
    /// log. Every stream of the script is a line of the step's output as it comes (the log, output
    /// events, the failed step's tail: <see cref="StepOutput"/>). The step's result also carries
    /// the objects the script wrote as JSON values ('output', bounded: <see cref="OutputObjects"/>;
    /// 'outputTruncated': true when some were left out) and its errors as structured records
    /// ('errors', <see cref="ErrorRecords"/>; 'errorsTruncated'). Progress the script reports
    /// (Write-Progress, TsProgressUI) becomes 'progress' events and log lines. The step's own
    /// lines log as component SMSTSRunPowerShellScript.
    /// </summary>
    public sealed class RunPowerShellScriptStep : IStepRunner
    {
        /// <inheritdoc/>
        public StepOutcome Run(StepCall call)
        {
            call.RefuseOption("packageId", "package content needs the content catalog, which is not implemented yet; give scriptName as a path instead.");
            call.RefuseOption("runAsUser", "running as another user is not implemented yet.");
            call.CheckOutputVariableName();
            string source = call.GetString("sourceScript");
            string scriptName = call.GetString("scriptName");
            if (source.Length == 0 && scriptName.Length == 0)
            {
                throw new ArgumentException("Give the script inline (sourceScript) or as a file (scriptName).");
            }

            TsEnvironment environment = call.Environment;
            RunLog log = call.Context.Log;
            string component = LogComponents.For(call.Type);
            string workingDirectory = call.ResolveWorkingDirectory();
            var arguments = ScriptArguments.Parse(call.Get("parameters"), environment);

            PrivateScriptFile? inline = null;
            string scriptPath;
            if (source.Length > 0)
            {
                inline = PrivateScriptFile.Write(source);
                scriptPath = inline.File;
                log.Info("Running the inline PowerShell script", call.Path, component);
            }
            else
            {
                if (!scriptName.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"Processing -File '{scriptName}' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name (scriptName), and then try again.");
                }

                scriptPath = Path.GetFullPath(Path.Combine(call.Context.BaseDirectory, scriptName));
                if (!File.Exists(scriptPath))
                {
                    throw new FileNotFoundException($"The script '{scriptPath}' does not exist.");
                }

                log.Info("Running the PowerShell script " + scriptPath, call.Path, component);
            }

            if (call.VariableIsTrue("OSDLogPowerShellParameters"))
            {
                log.Info("Script parameters: " + Convert.ToString(call.Get("parameters"), CultureInfo.InvariantCulture), call.Path, component);
            }

            // Enough of the output's tail for the output variable, a secret cut at its edge included.
            int keep = 1000 + environment.LongestSecretLength + 2;
            ScriptRunResult run;
            var lines = new StepOutput(call.Context, call.Path, call.Type);
            var objects = new OutputObjects(call.Context, environment);
            try
            {
                ProgressReporter? progress = call.Context.Listener != null || lines.Wanted ? new ProgressReporter(call.Context, call.Path, lines) : null;
                run = ScriptInvocation.Run(scriptPath, arguments, workingDirectory, environment, call.TimeoutMilliseconds, call.GetString("executionPolicy"), progress, keep, lines, objects);
            }
            finally
            {
                lines.Complete();
                inline?.Dispose();
            }

            var report = ScriptErrorReport.Build(run.Errors, run.MoreErrors, run.TerminatingError, scriptPath, environment);
            // Past the first 1,000 error records the script's errors are counted, not kept for the message.
            if (run.MoreErrors > 0)
            {
                log.Warning($"The script wrote more error records than the step's message keeps: {run.MoreErrors} more (each one is in the log as it came).", call.Path, component);
            }

            call.SetOutputVariable(run.Output + run.ConsoleText);
            var details = Details(objects, report);
            if (run.TimedOut)
            {
                string message = RunCancellation.Requested
                    ? (run.Abandoned
                        ? "The script was cancelled (the run's caller aborted the request or went away) and did not stop when asked (it is blocked in a call that cannot be interrupted); it was left running, cut off from the task sequence variables."
                        : "The script was cancelled (the run's caller aborted the request or went away) and was stopped.")
                    : run.Abandoned
                    ? $"The script timed out after {call.TimeoutText} minute(s) and did not stop when asked (it is blocked in a call that cannot be interrupted); it was left running, cut off from the task sequence variables."
                    : run.Interrupted
                        ? $"The script timed out after {call.TimeoutText} minute(s) while blocked in a .NET call; the call was interrupted and the script stopped."
                        : $"The script timed out after {call.TimeoutText} minute(s) and was stopped.";
                log.Error(message, call.Path, component);
                return new StepOutcome(1460, message) { Details = details };
            }

            int exitCode = run.ExitCode ?? 1;
            if (report.MissingCommands.Count > 0 && exitCode == 0)
            {
                exitCode = 1;
            }

            log.Info("Process completed with exit code " + exitCode.ToString(CultureInfo.InvariantCulture), call.Path, component);
            return new StepOutcome(exitCode, report.Message) { Details = details };
        }

        /// <summary>output (always, [] for none), outputTruncated, errors and errorsTruncated (only when there are some).</summary>
        private static OrderedDictionary Details(OutputObjects objects, ScriptErrorReport report)
        {
            var details = new OrderedDictionary { { "output", objects.Take() } };
            if (objects.Truncated)
            {
                details.Add("outputTruncated", true);
            }

            if (report.Records.Count > 0)
            {
                details.Add("errors", report.Records.ToArray());
                if (report.RecordsTruncated)
                {
                    details.Add("errorsTruncated", true);
                }
            }

            return details;
        }
    }
}
