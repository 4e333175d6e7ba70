using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using TsSequence.Engine;
using TsSequence.Engine.Log;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>What a script run left: its exit code (null on timeout), text tails, records and terminating error.</summary>
    internal sealed class ScriptRunResult
    {
        internal int? ExitCode { get; set; }

        internal bool TimedOut { get; set; }

        /// <summary>Timed out and did not stop when asked: left running, detached from the run.</summary>
        internal bool Abandoned { get; set; }

        /// <summary>Timed out blocked in a .NET call, which was interrupted so the script could stop.</summary>
        internal bool Interrupted { get; set; }

        internal string Output { get; set; } = string.Empty;

        internal string ConsoleText { get; set; } = string.Empty;

        internal ErrorRecord[] Errors { get; set; } = new ErrorRecord[0];

        internal int MoreErrors { get; set; }

        internal Exception? TerminatingError { get; set; }
    }

    /// <summary>
    /// Runs a .ps1 in a runspace of its own (<see cref="RunspaceSupply"/>), with $tsenv, arguments
    /// as data and a timeout, as powershell.exe -File would: `exit N` gives N, a script that just
    /// ends gives 0, a terminating error 1. The runspace keeps the script's variables and functions
    /// out of the engine and lets a timeout stop it. Arguments go through parameters, never text.
    /// The runspace has no host UI; [Console] output is captured while the script runs
    /// (<see cref="ConsoleCapture"/>), so nothing reaches the engine's console unmasked; host output
    /// (Write-Host) is merged into the output in order; every stream is read as it comes into
    /// bounded memory, and every stream is a line of the step's output as it comes
    /// (<see cref="StepOutput"/>). The process's current directory follows the working directory for the
    /// script's duration (steps run one at a time), so .NET relative paths resolve there as in
    /// ConfigMgr's own powershell.exe. Progress is handed to the reporter a few times a second.
    /// At the timeout the script is asked to stop; one blocked inside a .NET call (WaitOne,
    /// Thread.Sleep: PowerShell cannot stop those) has that call interrupted on its thread
    /// (Thread.Interrupt), after which the stop completes; one that still does not stop (a native
    /// call) is abandoned: its runspace is left, its $tsenv cut off and the console it writes to
    /// stays masked. Either way the step ends within about 1.5 s of its limit.
    /// </summary>
    internal static class ScriptInvocation
    {
        private const int ProgressSliceMilliseconds = 250;
        private const int PumpSliceMilliseconds = 100;

        // How long a timed-out script may take to stop when asked, and then once its blocking call is interrupted.
        private const int StopGraceMilliseconds = 500;
        private const int InterruptGraceMilliseconds = 1000;

        internal static ScriptRunResult Run(string scriptPath, List<ScriptArgument> arguments, string workingDirectory, TsEnvironment environment, int timeoutMilliseconds, string executionPolicy, ProgressReporter? progress, int keep, StepOutput lines, OutputObjects objects)
        {
            InitialSessionState state = Runspace.DefaultRunspace?.InitialSessionState ?? InitialSessionState.CreateDefault2();
            // Execution policy exists only on Windows; setting it elsewhere throws when the runspace
            // opens. Opening the runspace stores it process-wide (PSExecutionPolicyPreference): restored below.
            bool policySet = Platform.IsWindows && executionPolicy.Length > 0 && !string.Equals(executionPolicy, "Undefined", StringComparison.OrdinalIgnoreCase);
            string? savedPolicy = System.Environment.GetEnvironmentVariable("PSExecutionPolicyPreference");
            if (policySet)
            {
                state = state.Clone();
                state.ExecutionPolicy = (Microsoft.PowerShell.ExecutionPolicy)Enum.Parse(typeof(Microsoft.PowerShell.ExecutionPolicy), executionPolicy, true);
            }

            TextWriter savedOut = Console.Out;
            TextWriter savedError = Console.Error;
            string savedDirectory = System.Environment.CurrentDirectory;
            var consoleOut = new ConsoleCapture(savedOut, environment, keep, lines, "stdout");
            var consoleError = new ConsoleCapture(savedError, environment, keep, lines, "stderr");
            // Scripts get a view with only ConfigMgr's surface (Value, GetVariables): no engine-only calls.
            var view = new TsEnvironmentView(environment);
            Runspace? runspace = null;
            PowerShell? shell = null;
            bool abandoned = false;
            try
            {
                runspace = RunspaceSupply.Take(state, !policySet);
                runspace.SessionStateProxy.SetVariable("tsenv", view);
                runspace.SessionStateProxy.SetVariable("LASTEXITCODE", 0);
                runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(workingDirectory));

                shell = PowerShell.Create();
                shell.Runspace = runspace;
                // Scripts written for ConfigMgr create the environment and progress objects themselves.
                ScriptSurface.InstallShim(shell, view);
                var ended = new List<object>();
                var thread = new ScriptThread();
                // Only a script that starts a transcript pays for copying its output into it.
                bool transcribe = File.ReadAllText(scriptPath).IndexOf("Start-Transcript", StringComparison.OrdinalIgnoreCase) >= 0;
                shell.Commands.AddCommand(WrapperCommand(scriptPath, arguments, ended, transcribe, thread));

                // Errors are kept for the step's message; the other streams only go by as lines.
                var errors = new BoundedRecords<ErrorRecord>(seen: record => lines.Line("error", ScriptErrorReport.Live(record, scriptPath)));
                var warnings = new BoundedRecords<WarningRecord>(0, record => lines.Line("warning", ScriptErrorReport.Shorten(record.Message)));
                var verbose = new BoundedRecords<VerboseRecord>(0, record => lines.Line("verbose", ScriptErrorReport.Shorten(record.Message)));
                var debug = new BoundedRecords<DebugRecord>(0, record => lines.Line("debug", ScriptErrorReport.Shorten(record.Message)));
                shell.Streams.Error = errors.Collection;
                shell.Streams.Warning = warnings.Collection;
                shell.Streams.Verbose = verbose.Collection;
                shell.Streams.Debug = debug.Collection;
                var output = new ScriptOutput(keep, lines, objects);
                var input = new PSDataCollection<PSObject>();
                input.Complete();

                System.Environment.CurrentDirectory = workingDirectory;
                Console.SetOut(consoleOut);
                Console.SetError(consoleError);
                IAsyncResult pending = shell.BeginInvoke(input, output.Collection);
                bool timedOut = !Wait(pending, shell.Streams.Progress, timeoutMilliseconds, progress, lines);
                Exception? terminating = null;
                bool interrupted = false;
                if (timedOut)
                {
                    // The step ends now: from here on the script changes no variable of the run.
                    view.Detach();
                    IAsyncResult stopping = shell.BeginStop(null, null);
                    bool stopped = stopping.AsyncWaitHandle.WaitOne(StopGraceMilliseconds);
                    // PowerShell stops a script between statements; one blocked inside a .NET call
                    // never gets there unless the call is interrupted.
                    if (!stopped && thread.Interrupt())
                    {
                        interrupted = true;
                        stopped = stopping.AsyncWaitHandle.WaitOne(InterruptGraceMilliseconds);
                    }

                    // Still running: leave it rather than hang the engine (it is cut off below).
                    abandoned = !stopped;
                    if (abandoned)
                    {
                        AbandonedScripts.Add();
                    }
                }
                else
                {
                    try
                    {
                        shell.EndInvoke(pending);
                    }
                    catch (Exception exception)
                    {
                        // The invocation's own reason keeps the script's error record and position.
                        terminating = shell.InvocationStateInfo.Reason ?? exception;
                    }
                }

                int? exitCode = null;
                if (!timedOut)
                {
                    exitCode = 0;
                    if (terminating != null)
                    {
                        exitCode = 1;
                    }
                    else if (ended.Count == 0 || ended[0] is bool succeeded && !succeeded)
                    {
                        // Ended by `exit N` (see the wrapper): N is in $LASTEXITCODE. A script that just
                        // ended exits 0, as under powershell.exe -File, whatever its last native command returned.
                        object? last = runspace.SessionStateProxy.GetVariable("LASTEXITCODE");
                        if (last != null)
                        {
                            exitCode = LanguagePrimitives.ConvertTo<int>(last);
                        }
                    }
                }

                consoleOut.Complete();
                consoleError.Complete();
                return new ScriptRunResult
                {
                    ExitCode = exitCode,
                    TimedOut = timedOut,
                    Abandoned = abandoned,
                    Interrupted = interrupted,
                    Output = output.Text,
                    ConsoleText = consoleOut.Text + consoleError.Text,
                    Errors = errors.Snapshot(out int moreErrors),
                    MoreErrors = moreErrors,
                    TerminatingError = terminating,
                };
            }
            finally
            {
                // Whatever of the script outlives its step (an abandoned script, a thread job it
                // started) reaches no variable of the run.
                view.Detach();
                if (abandoned)
                {
                    // It may still write to the console: through the mask, for good.
                    Console.SetOut(new ConsoleCapture(savedOut, environment, 0));
                    Console.SetError(new ConsoleCapture(savedError, environment, 0));
                }
                else
                {
                    Console.SetOut(savedOut);
                    Console.SetError(savedError);
                }

                // The script may have deleted the folder the engine started in: then the temp folder.
                try
                {
                    System.Environment.CurrentDirectory = savedDirectory;
                }
                catch (Exception)
                {
                    System.Environment.CurrentDirectory = Path.GetTempPath();
                }

                if (policySet)
                {
                    System.Environment.SetEnvironmentVariable("PSExecutionPolicyPreference", savedPolicy);
                }

                if (!abandoned)
                {
                    shell?.Dispose();
                    runspace?.Dispose();
                }

                if (!policySet)
                {
                    RunspaceSupply.Refill(state);
                }
            }
        }

        /// <summary>
        /// The wrapper (ScriptSurface/TsScriptWrapper.ps1) with the script's path, its named and
        /// positional arguments, the list it reports success into, whether to transcribe and the
        /// object that learns the script's thread, as values.
        /// </summary>
        private static Command WrapperCommand(string scriptPath, List<ScriptArgument> arguments, List<object> ended, bool transcribe, ScriptThread thread)
        {
            if (!scriptPath.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{scriptPath}' is not a .ps1 file, so it cannot run as a PowerShell script.");
            }

            var named = new Hashtable(StringComparer.OrdinalIgnoreCase);
            var positional = new List<object?>();
            foreach (ScriptArgument argument in arguments)
            {
                if (argument.Name == null)
                {
                    positional.Add(argument.Value);
                    continue;
                }

                if (named.ContainsKey(argument.Name))
                {
                    throw new ArgumentException($"parameters: -{argument.Name} is given more than once.");
                }

                named[argument.Name] = argument.HasValue ? argument.Value : true;
            }

            var command = new Command(ScriptSurface.WrapperText, true, true);
            foreach (object value in new object[] { scriptPath, named, positional.ToArray(), ended, transcribe, thread })
            {
                command.Parameters.Add(new CommandParameter(null, value));
            }

            command.MergeMyResults(PipelineResultTypes.Information, PipelineResultTypes.Output);
            return command;
        }

        /// <summary>
        /// Waits for the script, draining its progress records at least every 250 ms (ReadAll
        /// empties the stream, so memory stays flat however often it reports) and passing its
        /// output lines on every 100 ms when someone shows them; false on timeout.
        /// </summary>
        private static bool Wait(IAsyncResult pending, PSDataCollection<ProgressRecord> records, int timeoutMilliseconds, ProgressReporter? progress, StepOutput lines)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                int slice = lines.NeedsPump ? PumpSliceMilliseconds : ProgressSliceMilliseconds;
                if (timeoutMilliseconds >= 0)
                {
                    long left = timeoutMilliseconds - clock.ElapsedMilliseconds;
                    if (left <= 0)
                    {
                        return false;
                    }

                    slice = (int)Math.Min(slice, left);
                }

                bool finished = pending.AsyncWaitHandle.WaitOne(slice);
                lines.Pump();
                if (records.Count > 0)
                {
                    var batch = records.ReadAll();
                    if (progress != null)
                    {
                        // The script is still running: a failing listener must not end this wait.
                        try
                        {
                            progress.Report(batch);
                        }
                        catch (Exception)
                        {
                        }
                    }
                }

                if (finished)
                {
                    return true;
                }

                // Cancelled from outside (the bridge): stopped as at the timeout.
                if (RunCancellation.Requested)
                {
                    return false;
                }
            }
        }
    }
}
