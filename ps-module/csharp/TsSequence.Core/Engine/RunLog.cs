using System.Collections.Specialized;

namespace TsSequence.Engine
{
    /// <summary>
    /// A run's log lines: every message passes through the variable store's mask, then becomes a
    /// 'log' event (when someone listens) and a verbose line (when the caller shows them).
    /// Levels: verbose, info, warning, error.
    /// </summary>
    public sealed class RunLog
    {
        private readonly RunContext context;

        internal RunLog(RunContext context)
        {
            this.context = context;
        }

        /// <summary>Whether a line would go anywhere: callers may skip building costly text.</summary>
        public bool Wanted => context.Listener != null || context.Host.VerboseEnabled;

        /// <summary>An info line.</summary>
        public void Info(string message, string path) => Write("info", message, path);

        /// <summary>A warning line (a log event; not a PowerShell warning).</summary>
        public void Warning(string message, string path) => Write("warning", message, path);

        /// <summary>An error line.</summary>
        public void Error(string message, string path) => Write("error", message, path);

        /// <summary>A verbose line.</summary>
        public void Verbose(string message, string path) => Write("verbose", message, path);

        /// <summary>One line at <paramref name="level"/>, about the item at <paramref name="path"/> ("" for the run).</summary>
        public void Write(string level, string message, string path)
        {
            if (!Wanted)
            {
                return;
            }

            string masked = context.Environment.Mask(message);
            if (context.Listener != null)
            {
                context.SendEvent(new OrderedDictionary { { "kind", "log" }, { "level", level }, { "message", masked }, { "path", path } });
            }

            if (context.Host.VerboseEnabled)
            {
                context.Host.WriteVerbose(string.IsNullOrEmpty(path) ? masked : "[" + path + "] " + masked);
            }
        }
    }
}
