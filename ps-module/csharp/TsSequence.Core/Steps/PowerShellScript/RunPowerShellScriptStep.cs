using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;

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
    /// log. Progress the script reports (Write-Progress, TsProgressUI) becomes 'progress' events.
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
            string workingDirectory = call.ResolveWorkingDirectory();
            var arguments = ScriptArguments.Parse(call.Get("parameters"), environment);

            PrivateScriptFile? inline = null;
            string scriptPath;
            if (source.Length > 0)
            {
                inline = PrivateScriptFile.Write(source);
                scriptPath = inline.File;
                call.Log("Running the inline PowerShell script");
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

                call.Log("Running the PowerShell script " + scriptPath);
            }

            if (call.VariableIsTrue("OSDLogPowerShellParameters"))
            {
                call.Log("Script parameters: " + Convert.ToString(call.Get("parameters"), CultureInfo.InvariantCulture));
            }

            // Enough of the output's tail for the output variable, a secret cut at its edge included.
            int keep = 1000 + environment.LongestSecretLength + 2;
            ScriptRunResult run;
            try
            {
                ProgressReporter? progress = call.Context.Listener != null ? new ProgressReporter(call.Context, call.Path) : null;
                run = ScriptInvocation.Run(scriptPath, arguments, workingDirectory, environment, call.TimeoutMilliseconds, call.GetString("executionPolicy"), progress, keep);
            }
            finally
            {
                inline?.Dispose();
            }

            var report = ScriptErrorReport.Build(run.Errors, run.MoreErrors, run.TerminatingError, scriptPath, environment);
            foreach (WarningRecord record in run.Warnings)
            {
                call.Context.Log.Warning("Script warning: " + ScriptErrorReport.Shorten(environment.Mask(record.Message)), call.Path);
            }

            foreach (VerboseRecord record in run.Verbose)
            {
                call.Context.Log.Verbose("Script verbose: " + ScriptErrorReport.Shorten(environment.Mask(record.Message)), call.Path);
            }

            foreach (string entry in report.Entries)
            {
                call.Context.Log.Warning("Script error: " + entry, call.Path);
            }

            // Past the first 1,000 records of a stream the script's records are counted, not kept.
            if (run.MoreWarnings + run.MoreVerbose + run.MoreErrors > 0)
            {
                call.Context.Log.Warning($"The script wrote more records than are kept: {run.MoreWarnings} more warning(s), {run.MoreVerbose} more verbose and {run.MoreErrors} more error record(s) are not in the log.", call.Path);
            }

            call.SetOutputVariable(run.Output + run.ConsoleText);
            if (run.TimedOut)
            {
                return new StepOutcome(1460, run.Abandoned
                    ? $"The script timed out after {call.TimeoutText} minute(s) and did not stop when asked (it is blocked in a .NET call); it was left running, cut off from the task sequence variables."
                    : $"The script timed out after {call.TimeoutText} minute(s) and was stopped.");
            }

            int exitCode = run.ExitCode ?? 1;
            if (report.MissingCommands.Count > 0 && exitCode == 0)
            {
                exitCode = 1;
            }

            return new StepOutcome(exitCode, report.Message);
        }
    }
}
