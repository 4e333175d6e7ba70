using System;
using System.Globalization;

namespace TsSequence.Steps.CommandLine
{
    /// <summary>
    /// Run Command Line (SMS_TaskSequence_RunCommandLineAction): runs a command line and records
    /// its exit code. On Unix it runs through /bin/sh -c (it is shell code by design); on Windows
    /// it is started directly, as ConfigMgr does (<see cref="CommandLineStartInfo"/>).
    /// <see cref="ProcessRunner"/> closes standard input, keeps only the tail of the output (memory
    /// stays bounded whatever the command prints) and on timeout kills the whole process tree;
    /// the step then fails with exit code 1460 (ERROR_TIMEOUT).
    /// </summary>
    public sealed class RunCommandLineStep : IStepRunner
    {
        /// <summary>How long the output of a finished command is still read (its children may hold the pipe).</summary>
        private const int DrainMilliseconds = 2000;

        /// <inheritdoc/>
        public StepOutcome Run(StepCall call)
        {
            call.RefuseOption("packageId", "package content needs the content catalog, which is not implemented yet.");
            call.RefuseOption("runAsUser", "running as another user is not implemented yet.");
            call.CheckOutputVariableName();
            string commandLine = call.GetString("commandLine");
            string workingDirectory = call.ResolveWorkingDirectory();
            TsEnvironment environment = call.Environment;

            call.Log(call.VariableIsTrue("OSDDoNotLogCommand")
                ? "Executing command line: (hidden because OSDDoNotLogCommand=TRUE)"
                : "Executing command line: " + commandLine);

            var startInfo = CommandLineStartInfo.Create(commandLine, workingDirectory);
            // The tail kept is long enough for SetOutputVariable to see a secret cut at the 1000-character mark.
            int keep = 1000 + environment.LongestSecretLength;
            ProcessRunResult run = ProcessRunner.Run(startInfo, call.TimeoutMilliseconds, keep, DrainMilliseconds);
            if (!run.Started)
            {
                throw new InvalidOperationException("The command could not be started: " + run.StartError);
            }

            call.SetOutputVariable(run.OutputTail);
            if (run.TimedOut)
            {
                return new StepOutcome(1460, $"The command line timed out after {call.TimeoutText} minute(s); its process tree was terminated.");
            }

            int exitCode = run.ExitCode ?? 1;
            call.Log("Process completed with exit code " + exitCode.ToString(CultureInfo.InvariantCulture));
            return new StepOutcome(exitCode);
        }
    }
}
