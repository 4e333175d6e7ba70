using System;
using System.Collections;
using System.Globalization;

namespace TsSequence.Engine
{
    /// <summary>
    /// How a sequence run is set up beyond its document and variables: where its state and log
    /// go, who acts on a restart, and what-if. The same options come from Invoke-TsSequence /
    /// Resume-TsSequence parameters, the CLI and the bridge's runSequence / resumeSequence.
    /// </summary>
    public sealed class RunOptions
    {
        /// <summary>The providers a restart can be handed to (DESIGN.md section 5).</summary>
        public static readonly string[] RestartProviders = { "exit", "windows", "systemd" };

        /// <summary>The state folder (-StateDirectory, --state-dir); null: a new per-run folder under the user's data directory.</summary>
        public string? StateDirectory { get; set; }

        /// <summary>The log file (-LogPath, --log); null: smsts.log in the state folder's Logs folder.</summary>
        public string? LogPath { get; set; }

        /// <summary>Who acts on a restart: exit (default; saves state and ends the run RestartPending), windows or systemd.</summary>
        public string RestartProvider { get; set; } = "exit";

        /// <summary>
        /// -NoState / --no-state: the run saves no state (it cannot be resumed; a restart a step
        /// asks for still ends the run RestartPending, but the computer is not restarted).
        /// </summary>
        public bool NoState { get; set; }

        /// <summary>-WhatIf / --what-if: steps are reported, nothing is changed.</summary>
        public bool WhatIf { get; set; }

        /// <summary>Told, once at the start, the line naming the run's state folder; null: only the log has it.</summary>
        public Action<string>? Announce { get; set; }

        /// <summary>Resume only: the result also carries "outline", the saved document's names and nesting (for the CLI's summary).</summary>
        public bool IncludeOutline { get; set; }

        /// <summary>The options of a bridge request: stateDirectory, logPath, restartProvider, whatIf, outline; with announceStateFolder the state folder line goes to stderr (the CLI prints it).</summary>
        public static RunOptions FromRequest(IDictionary parameters)
        {
            var options = new RunOptions
            {
                StateDirectory = Text(parameters["stateDirectory"]),
                LogPath = Text(parameters["logPath"]),
                WhatIf = parameters["whatIf"] is bool whatIf && whatIf,
                NoState = parameters["noState"] is bool noState && noState,
                IncludeOutline = parameters["outline"] is bool outline && outline,
            };
            if (parameters["announceStateFolder"] is bool announce && announce)
            {
                options.Announce = line => Console.Error.WriteLine("tsseq: " + line);
            }

            string? provider = Text(parameters["restartProvider"]);
            if (provider != null)
            {
                options.RestartProvider = provider;
            }

            options.Check();
            return options;
        }

        /// <summary>Refuses an unknown restart provider (naming the known ones), a state folder with a run that saves none, and a state folder or log path holding control characters (C0, DEL, C1).</summary>
        public void Check()
        {
            if (NoState && StateDirectory != null)
            {
                throw new EngineException("InvalidOptions", System.Management.Automation.ErrorCategory.InvalidArgument, "A run that saves no state (-NoState, --no-state) cannot have a state folder (-StateDirectory, --state-dir); give one or the other. Nothing was run.");
            }

            // A state folder is written into the restart provider's unit or task: a control
            // character there could add lines of its own, and no real folder needs one.
            string? control = StateDirectory == null ? null : Restart.ControlCharacters.Find(StateDirectory);
            if (control != null)
            {
                throw new EngineException("InvalidOptions", System.Management.Automation.ErrorCategory.InvalidArgument, $"stateDirectory: '{Restart.ControlCharacters.Printable(StateDirectory!)}' holds {control}; a state folder's path cannot hold control characters. Nothing was run.");
            }

            // A log path is quoted in messages and in the log itself; no real file needs a control character.
            control = LogPath == null ? null : Restart.ControlCharacters.Find(LogPath);
            if (control != null)
            {
                throw new EngineException("InvalidOptions", System.Management.Automation.ErrorCategory.InvalidArgument, $"logPath: '{Restart.ControlCharacters.Printable(LogPath!)}' holds {control}; a log file's path cannot hold control characters. Nothing was run.");
            }

            if (Array.IndexOf(RestartProviders, RestartProvider) < 0)
            {
                throw new EngineException("InvalidOptions", System.Management.Automation.ErrorCategory.InvalidArgument, $"restartProvider: '{RestartProvider}' is not a restart provider; expected one of {string.Join(", ", RestartProviders)}. Nothing was run.");
            }
        }

        private static string? Text(object? value)
        {
            string? text = value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(text) ? null : text;
        }
    }
}
