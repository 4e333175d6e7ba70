using System;
using System.Globalization;
using TsSequence.Engine;
using TsSequence.Engine.Log;

namespace TsSequence.Steps.CommandLine
{
    /// <summary>
    /// Run Command Line (SMS_TaskSequence_RunCommandLineAction): runs a command line and records
    /// its exit code. On Unix it runs through /bin/sh -c (it is shell code by design); on Windows
    /// it is started directly, as ConfigMgr does (<see cref="CommandLineStartInfo"/>).
    /// <see cref="ProcessRunner"/> closes standard input, keeps only the tail of the output (memory
    /// stays bounded whatever the command prints) and on timeout kills the whole process tree;
    /// the step then fails with exit code 1460 (ERROR_TIMEOUT). Its stdout and stderr go to the
    /// log and as output events line by line as they come (<see cref="StepOutput"/>); its own lines
    /// log as ConfigMgr's smsswd.exe does (component InstallSoftware).
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

            RunLog log = call.Context.Log;
            string component = LogComponents.For(call.Type);
            log.Info(call.VariableIsTrue("OSDDoNotLogCommand")
                ? "Executing command line: (hidden because OSDDoNotLogCommand=TRUE)"
                : "Executing command line: " + commandLine, call.Path, component);

            var startInfo = CommandLineStartInfo.Create(commandLine, workingDirectory);
            // The tail kept is long enough for SetOutputVariable to see a secret cut at the 1000-character mark.
            int keep = 1000 + environment.LongestSecretLength;
            var output = new StepOutput(call.Context, call.Path, call.Type);
            ProcessRunResult run;
            try
            {
                run = ProcessRunner.Run(startInfo, call.TimeoutMilliseconds, keep, DrainMilliseconds, output);
            }
            finally
            {
                output.Complete();
            }

            if (!run.Started)
            {
                throw new InvalidOperationException("The command could not be started: " + run.StartError);
            }

            call.SetOutputVariable(run.OutputTail);
            if (run.TimedOut)
            {
                // The wait also ends early when the run is cancelled from outside (the bridge): say which.
                string stopped = RunCancellation.Requested
                    ? "The command line was cancelled (the run's caller aborted the request or went away); its process tree was terminated."
                    : $"The command line timed out after {call.TimeoutText} minute(s); its process tree was terminated.";
                log.Error(stopped, call.Path, component);
                return new StepOutcome(1460, stopped);
            }

            int exitCode = run.ExitCode ?? 1;
            log.Info("Process completed with exit code " + exitCode.ToString(CultureInfo.InvariantCulture), call.Path, component);
            return new StepOutcome(exitCode);
        }
    }
}
