using System;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using TsSequence.Engine.Log;

namespace TsSequence.Engine
{
    /// <summary>
    /// A run's log lines: every message passes through the variable store's mask, then goes to
    /// the run's smsts.log (a sequence run; <see cref="OpenFile"/>), becomes a 'log' event (when
    /// someone listens) and a verbose line (when the caller shows them). Levels: verbose, info,
    /// warning, error (CMTrace types 0, 1, 2, 3). A line's CMTrace component is TSManager unless
    /// the caller names its step's (<see cref="LogComponents"/>); its file is the calling source
    /// file and line. Each line reaches the file before the call returns (the engine's lines are
    /// few per step, so a killed engine leaves every line of its completed steps on disk); a
    /// step's output lines (<see cref="StepOutput"/>) are buffered until the step ends.
    /// </summary>
    public sealed class RunLog
    {
        private readonly RunContext context;
        private LogFile? file;
        private bool createdFile;
        private bool failureReported;

        internal RunLog(RunContext context)
        {
            this.context = context;
        }

        /// <summary>Whether a line would go anywhere: callers may skip building costly text.</summary>
        public bool Wanted => file != null || Shown;

        /// <summary>Whether lines are shown (events or verbose lines), not only written to the file.</summary>
        public bool Shown => context.Listener != null || context.Host.VerboseEnabled;

        /// <summary>The run's log file; null when the run writes none (Invoke-TsStep, a what-if run without -LogPath).</summary>
        public LogFile? File => file;

        /// <summary>An info line.</summary>
        public void Info(string message, string path, string component = LogComponents.Engine, [CallerFilePath] string source = "", [CallerLineNumber] int line = 0) =>
            Line("info", message, path, component, source, line);

        /// <summary>A warning line (a log event; not a PowerShell warning).</summary>
        public void Warning(string message, string path, string component = LogComponents.Engine, [CallerFilePath] string source = "", [CallerLineNumber] int line = 0) =>
            Line("warning", message, path, component, source, line);

        /// <summary>An error line.</summary>
        public void Error(string message, string path, string component = LogComponents.Engine, [CallerFilePath] string source = "", [CallerLineNumber] int line = 0) =>
            Line("error", message, path, component, source, line);

        /// <summary>A verbose line.</summary>
        public void Verbose(string message, string path, string component = LogComponents.Engine, [CallerFilePath] string source = "", [CallerLineNumber] int line = 0) =>
            Line("verbose", message, path, component, source, line);

        /// <summary>One line at <paramref name="level"/>, about the item at <paramref name="path"/> ("" for the run).</summary>
        public void Write(string level, string message, string path, string component = LogComponents.Engine, [CallerFilePath] string source = "", [CallerLineNumber] int line = 0) =>
            Line(level, message, path, component, source, line);

        /// <summary>
        /// Starts the sequence run's log file: RunOptions.LogPath, else smsts.log in the run
        /// folder's Logs folder; none for a what-if run without an explicit LogPath (what-if changes
        /// nothing, and a log nobody asked for is a change). Rolling follows SMSTSLogMaxSize (bytes)
        /// and SMSTSLogMaxHistory as the run's variables have them now. _SMSTSLogPath is set to the
        /// folder of the file. A file that cannot be opened fails the run before anything runs.
        /// </summary>
        public void OpenFile()
        {
            RunOptions options = context.Options;
            if (file != null || (options.WhatIf && options.LogPath == null))
            {
                return;
            }

            string path = options.LogPath ?? Path.Combine(context.Run.LogPath, "smsts.log");
            TsEnvironment environment = context.Environment;
            long maxSize = Number(environment.Get("SMSTSLogMaxSize"), LogFile.DefaultMaxSize);
            int maxHistory = (int)Math.Min(1000, Number(environment.Get("SMSTSLogMaxHistory"), LogFile.DefaultMaxHistory));
            try
            {
                string full = Path.GetFullPath(Path.Combine(context.BaseDirectory, path));
                createdFile = !System.IO.File.Exists(full);
                file = LogFile.Open(full, maxSize, maxHistory);
            }
            catch (Exception exception) when (!(exception is EngineException))
            {
                throw new EngineException("LogUnavailable", ErrorCategory.OpenError, $"Cannot write the log '{path}'; nothing was run: " + ErrorText.Innermost(exception).Message, path, exception);
            }

            environment.SetSystem("_SMSTSLogPath", Path.GetDirectoryName(file.Path));
            Info($"Start executing the task sequence '{environment.Get("_SMSTSPackageName")}'. Log: {file.Path}", string.Empty);
        }

        /// <summary>
        /// Ends the sequence run's log: ConfigMgr's last line (spec 6.2: enExecutionFail when the
        /// run failed), then the file is flushed and closed.
        /// </summary>
        public void Finish(string status)
        {
            if (file == null)
            {
                return;
            }

            if (status == "Succeeded")
            {
                Info("Task sequence completed 0x00000000", string.Empty);
            }
            else if (status == "RestartPending")
            {
                Info("The task sequence stopped for a restart; it continues with resume", string.Empty);
            }
            else
            {
                Error("Task Sequence Engine failed! Code: enExecutionFail", string.Empty);
            }

            file.Dispose();
            file = null;
        }

        /// <summary>
        /// Closes the log of a run refused before its first step, removing the file when this run
        /// created it (a refused run leaves nothing of its own behind; the refusal is its caller's error).
        /// </summary>
        internal void Abandon()
        {
            if (file == null)
            {
                return;
            }

            string path = file.Path;
            file.Dispose();
            file = null;
            if (createdFile)
            {
                try
                {
                    System.IO.File.Delete(path);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                }
            }
        }

        private void Line(string level, string message, string path, string component, string source, int line)
        {
            if (!Wanted)
            {
                return;
            }

            string masked = context.Environment.Mask(message);
            if (file != null)
            {
                file.Write(masked, component, CmTraceLine.TypeOf(level), SourceOf(source, line));
                file.Flush();
                ReportFailure();
            }

            if (context.Listener != null)
            {
                context.SendEvent(new OrderedDictionary { { "kind", "log" }, { "level", level }, { "message", masked }, { "path", path } });
            }

            if (context.Host.VerboseEnabled)
            {
                context.Host.WriteVerbose(string.IsNullOrEmpty(path) ? masked : "[" + path + "] " + masked);
            }
        }

        /// <summary>A log that stopped working is said once, as a warning; the run goes on.</summary>
        internal void ReportFailure()
        {
            if (failureReported || file?.Failure == null)
            {
                return;
            }

            failureReported = true;
            string warning = "TsSequence: " + file.Failure + " (" + file.Path + "); the run goes on without it.";
            context.Host.WriteWarning(warning);
            if (context.Listener != null)
            {
                context.SendEvent(new OrderedDictionary { { "kind", "log" }, { "level", "warning" }, { "message", context.Environment.Mask(warning) }, { "path", string.Empty } });
            }
        }

        // "StepExecutor.cs:42": the file name of the compile-time path (either separator) and the line.
        private static string SourceOf(string source, int line)
        {
            int slash = source.LastIndexOfAny(Separators);
            string name = slash >= 0 ? source.Substring(slash + 1) : source;
            return name + ":" + line.ToString(CultureInfo.InvariantCulture);
        }

        private static readonly char[] Separators = { '/', '\\' };

        private static long Number(string? text, long fallback) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : fallback;
    }
}
