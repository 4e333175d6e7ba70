using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace TsSequence.Engine
{
    /// <summary>
    /// The state of one run (a sequence, or one Invoke-TsStep call): the variables, the run
    /// folder, where relative paths start, the callers' callbacks and the result entries so far.
    /// </summary>
    public sealed class RunContext
    {
        /// <summary>A run over <paramref name="environment"/> (already holding its initial and built-in variables).</summary>
        public RunContext(TsEnvironment environment, RunFolder run, string baseDirectory, IRunHost host, IRunListener? listener = null, INodeStepHandler? nodeSteps = null, RunOptions? options = null)
        {
            Environment = environment ?? throw new ArgumentNullException(nameof(environment));
            Run = run ?? throw new ArgumentNullException(nameof(run));
            BaseDirectory = baseDirectory;
            Host = host ?? throw new ArgumentNullException(nameof(host));
            Listener = listener;
            NodeSteps = nodeSteps;
            Options = options ?? new RunOptions();
            Log = new RunLog(this);
        }

        /// <summary>The run's variables.</summary>
        public TsEnvironment Environment { get; }

        /// <summary>The run's private folder (_SMSTSMDataPath).</summary>
        public RunFolder Run { get; }

        /// <summary>The folder relative working directories and script files are taken from.</summary>
        public string BaseDirectory { get; }

        /// <summary>The calling command (verbose lines, warnings), or a silent host.</summary>
        public IRunHost Host { get; }

        /// <summary>Who receives events; null when nobody listens (then none are built).</summary>
        public IRunListener? Listener { get; }

        /// <summary>Runs Node steps; null outside a run started from Node.</summary>
        public INodeStepHandler? NodeSteps { get; }

        /// <summary>State folder, log, restart provider and what-if of this run.</summary>
        public RunOptions Options { get; }

        /// <summary>-WhatIf: steps are reported, not run.</summary>
        public bool WhatIf => Options.WhatIf;

        /// <summary>A restart asked for by the step that just ran; the walker acts on it after the step.</summary>
        public RestartRequest? PendingRestart { get; set; }

        /// <summary>The run's log (masked; log events and verbose lines).</summary>
        public RunLog Log { get; }

        /// <summary>Every step and group the run reached or skipped, in document order.</summary>
        public List<ResultEntry> Results { get; } = new List<ResultEntry>();

        /// <summary>Where the run saves its state before every step; null when it saves none (what-if, Invoke-TsStep).</summary>
        internal State.StateStore? State { get; set; }

        /// <summary>The run's position and restart/crash bookkeeping, as saved with its state.</summary>
        internal State.RunProgress Progress { get; set; } = new State.RunProgress();

        /// <summary>
        /// A resumed run walks the document from the start up to here: items wholly before this
        /// flat index are done (their results are restored), and the open groups are re-entered.
        /// -1 once the walk reached it, and for a run that is not resumed.
        /// </summary>
        internal int ResumeAt { get; set; } = -1;

        /// <summary>The step in progress when the resumed run died (its saved InProgress); null when none.</summary>
        internal int? Interrupted { get; set; }

        /// <summary>True once a restart is pending: the walk stops, leaving the groups around the step open.</summary>
        internal bool Stopping => PendingRestart != null;

        /// <summary>The flat index of the next item to start (_SMSTSNextInstructionPointer).</summary>
        internal int InstructionPointer { get; set; }

        /// <summary>
        /// Hands an event to the listener, if any. A failing listener must not fail the step that
        /// raised the event, so its error becomes a warning.
        /// </summary>
        public void SendEvent(OrderedDictionary payload)
        {
            if (Listener == null)
            {
                return;
            }

            try
            {
                Listener.Send(payload);
            }
            catch (Exception exception)
            {
                Host.WriteWarning("TsSequence: the event callback failed: " + ErrorText.Innermost(exception).Message);
            }
        }
    }
}
