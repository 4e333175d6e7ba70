using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using System.Threading;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// Where one step's output goes while it runs: a command's stdout and stderr, a script's
    /// streams (output, error, warning, verbose, debug, information) and its progress. Lines come
    /// from any thread (pipe readers, the script's pipeline thread), masked one by one:
    /// <list type="bullet">
    /// <item>to the run's log file at once (component of the step, type by stream: stdout, output,
    /// information and progress 1; stderr and warning 2; error 3; verbose and debug 0; file
    /// "stream:n", the n-th line of that stream);</item>
    /// <item>as 'output' events {kind, path, stream, text} and verbose lines "[path] text" when
    /// someone listens: those go out on the step's own thread (PowerShell callbacks and -Verbose
    /// must run there), which calls <see cref="Pump"/> while it waits; a producer more than
    /// 1,000 lines ahead waits for it, so memory stays bounded whatever the step prints;</item>
    /// <item>always into a short tail (<see cref="TailLines"/> lines), which a failed step's
    /// result carries as outputTail.</item>
    /// </list>
    /// After <see cref="Complete"/> the step is over: late lines (a script abandoned at its
    /// timeout) go nowhere.
    /// </summary>
    public sealed class StepOutput
    {
        /// <summary>How many lines of a step's output its result keeps.</summary>
        public const int TailLines = 20;

        private const int TailLineLength = 500;
        private const int QueueLimit = 1000;
        private const int LongestLine = 64 * 1024;
        private readonly RunContext context;
        private readonly string path;
        private readonly string component;
        private readonly LogFile? file;
        private readonly bool shown;
        private readonly int ownThread;
        private readonly object sync = new object();
        private readonly Queue<KeyValuePair<string, string>> queue = new Queue<KeyValuePair<string, string>>();
        private readonly Dictionary<string, int> lineCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, Partial> partial = new Dictionary<string, Partial>(StringComparer.Ordinal);
        private readonly StringBuilder tail = new StringBuilder();
        private readonly int tailKeep;
        private bool completed;
        private bool tailCut;

        /// <summary>The output of the step of <paramref name="stepType"/> at <paramref name="path"/>, created on the step's thread.</summary>
        public StepOutput(RunContext context, string path, string stepType)
        {
            this.context = context;
            this.path = path;
            component = LogComponents.For(stepType);
            file = context.Log.File;
            shown = context.Log.Shown;
            ownThread = Environment.CurrentManagedThreadId;
            tailKeep = (TailLines * (TailLineLength + 1)) + context.Environment.LongestSecretLength;
        }

        /// <summary>Whether lines go beyond the tail (a log file, events or verbose lines): callers may skip building them.</summary>
        public bool Wanted => file != null || shown;

        /// <summary>Whether the step's thread must call <see cref="Pump"/> while it waits.</summary>
        public bool NeedsPump => shown;

        /// <summary>The masked last lines of the output ("" for none), once complete.</summary>
        public string Tail { get; private set; } = string.Empty;

        /// <summary>One line (no line break) of <paramref name="stream"/>; any thread.</summary>
        public void Line(string stream, string text)
        {
            lock (sync)
            {
                if (!completed)
                {
                    Accept(stream, text, show: true, masked: false);
                }
            }
        }

        /// <summary>
        /// A piece of <paramref name="stream"/>'s text (a pipe read): split into lines, the last
        /// one kept until its line break comes or the stream ends (<see cref="Complete"/>).
        /// </summary>
        public void Text(string stream, char[] buffer, int count) => Split(stream, buffer, 0, count, show: true, masked: false);

        /// <summary>
        /// Console text of a script, masked already and on the engine's console already: to the
        /// log and the tail only, split into lines like <see cref="Text"/>.
        /// </summary>
        public void Console(string stream, string masked) => Split(stream, masked.ToCharArray(), 0, masked.Length, show: false, masked: true);

        /// <summary>A line for the log file only (a script's progress, which has its own events).</summary>
        public void Logged(string stream, string text)
        {
            if (file == null)
            {
                return;
            }

            lock (sync)
            {
                if (!completed)
                {
                    WriteFile(stream, context.Environment.Mask(text));
                }
            }
        }

        private void Split(string stream, char[] buffer, int offset, int count, bool show, bool masked)
        {
            lock (sync)
            {
                if (completed)
                {
                    return;
                }

                if (!Wanted && IsPlain(stream))
                {
                    // Only the tail wants it, and a plain stream's tail is its text as it stands.
                    AppendTail(buffer, offset, count);
                    return;
                }

                string key = show ? stream : "console " + stream;
                if (!partial.TryGetValue(key, out Partial? held))
                {
                    held = new Partial(stream, show);
                    partial[key] = held;
                }

                if (!masked)
                {
                    // Masked before it is cut into lines, holding back what a secret could still
                    // complete: a secret spanning lines (a key) or reads is masked whole. Held text
                    // past 64 KB goes on masked whole (a run of a self-overlapping secret, "aa" in
                    // "aaaa...", could otherwise be held without end).
                    held.Raw.Append(buffer, offset, count);
                    string raw = held.Raw.ToString();
                    int consumed = raw.Length;
                    string text = raw.Length >= LongestLine ? context.Environment.Mask(raw) : SecretHold.MaskSettled(context.Environment, raw, out consumed);
                    held.Raw.Remove(0, consumed);
                    buffer = text.ToCharArray();
                    offset = 0;
                    count = buffer.Length;
                }

                int start = offset;
                int end = offset + count;
                for (int i = offset; i < end; i++)
                {
                    if (buffer[i] != '\n')
                    {
                        continue;
                    }

                    int stop = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    held.Text.Append(buffer, start, stop - start);
                    EndLine(held);
                    start = i + 1;
                }

                held.Text.Append(buffer, start, end - start);
                if (held.Text.Length >= LongestLine)
                {
                    EndLine(held);
                }
            }
        }

        /// <summary>Sends the queued lines as events and verbose lines; only on the step's thread.</summary>
        public void Pump()
        {
            if (!shown)
            {
                return;
            }

            // Text held back because a secret could still complete it stays held, however long
            // nothing comes: shown on its own it would show the secret's start.
            KeyValuePair<string, string>[] lines;
            lock (sync)
            {
                if (queue.Count == 0)
                {
                    return;
                }

                lines = queue.ToArray();
                queue.Clear();
                Monitor.PulseAll(sync);
            }

            foreach (KeyValuePair<string, string> line in lines)
            {
                Show(line.Key, line.Value);
            }
        }

        /// <summary>
        /// The step is over: held partial lines are ended, queued lines shown, the log flushed
        /// and the tail kept (masked) for the step's result. Later lines are dropped.
        /// </summary>
        public void Complete()
        {
            lock (sync)
            {
                if (completed)
                {
                    return;
                }

                foreach (Partial held in partial.Values)
                {
                    Release(held);
                    if (held.Text.Length > 0)
                    {
                        EndLine(held);
                    }
                }
            }

            Pump();
            lock (sync)
            {
                completed = true;
                queue.Clear();
                Monitor.PulseAll(sync);
                Tail = LastLines(context.Environment.Mask(tail.ToString()), tailCut);
                tail.Clear();
            }

            file?.Flush();
            context.Log.ReportFailure();
            AttachTail();
        }

        // Under the lock, once the stream ended: masks what was held back from the mask as it stands, and passes on its whole lines.
        private void Release(Partial held)
        {
            if (held.Raw.Length == 0)
            {
                return;
            }

            string rest = context.Environment.Mask(held.Raw.ToString());
            held.Raw.Clear();
            string[] pieces = rest.Split('\n');
            for (int i = 0; i < pieces.Length; i++)
            {
                held.Text.Append(i < pieces.Length - 1 ? pieces[i].TrimEnd('\r') : pieces[i]);
                if (i < pieces.Length - 1)
                {
                    EndLine(held);
                }
            }
        }

        // Under the lock.
        private void EndLine(Partial held)
        {
            string text = held.Text.ToString();
            held.Text.Clear();
            Accept(held.Stream, text, held.Show, masked: true);
        }

        // Under the lock.
        private void Accept(string stream, string text, bool show, bool masked)
        {
            AddTail(stream, text);
            if (!Wanted || (!show && file == null))
            {
                return;
            }

            if (!masked)
            {
                text = context.Environment.Mask(text);
            }

            if (file != null)
            {
                WriteFile(stream, text);
            }

            if (show && shown)
            {
                Queue(stream, text);
            }
        }

        // Under the lock.
        private void WriteFile(string stream, string masked)
        {
            lineCounts.TryGetValue(stream, out int count);
            lineCounts[stream] = ++count;
            file!.Write(masked, component, TypeOf(stream), stream + ":" + count.ToString(CultureInfo.InvariantCulture));
        }

        // Under the lock.
        private void Queue(string stream, string masked)
        {
            if (Environment.CurrentManagedThreadId == ownThread)
            {
                // The step's own thread: queued lines first, so the order holds.
                while (queue.Count > 0)
                {
                    KeyValuePair<string, string> earlier = queue.Dequeue();
                    Show(earlier.Key, earlier.Value);
                }

                Show(stream, masked);
                return;
            }

            while (queue.Count >= QueueLimit && !completed)
            {
                Monitor.Wait(sync, 1000);
            }

            if (!completed)
            {
                queue.Enqueue(new KeyValuePair<string, string>(stream, masked));
            }
        }

        private void Show(string stream, string masked)
        {
            if (context.Listener != null)
            {
                context.SendEvent(new OrderedDictionary { { "kind", "output" }, { "path", path }, { "stream", stream }, { "text", masked } });
            }

            if (context.Host.VerboseEnabled)
            {
                context.Host.WriteVerbose(IsPlain(stream) ? $"[{path}] {masked}" : $"[{path}] {stream}: {masked}");
            }
        }

        // Under the lock. The tail is text as a console would show it: non-output streams prefixed.
        private void AddTail(string stream, string text)
        {
            if (!IsPlain(stream))
            {
                tail.Append(stream.ToUpperInvariant()).Append(": ");
            }

            if (text.Length > TailLineLength)
            {
                tail.Append(text, 0, TailLineLength).Append('…');
            }
            else
            {
                tail.Append(text);
            }

            tail.Append('\n');
            if (tail.Length > tailKeep * 2)
            {
                tail.Remove(0, tail.Length - tailKeep);
                tailCut = true;
            }
        }

        // Under the lock.
        private void AppendTail(char[] buffer, int offset, int count)
        {
            if (count > tailKeep)
            {
                offset += count - tailKeep;
                count = tailKeep;
                tail.Clear();
                tailCut = true;
            }

            tail.Append(buffer, offset, count);
            if (tail.Length > tailKeep * 2)
            {
                tail.Remove(0, tail.Length - tailKeep);
                tailCut = true;
            }
        }

        private static string LastLines(string text, bool cut)
        {
            string[] lines = text.TrimEnd('\n').Split('\n');
            // A tail cut mid-line starts with half a line: drop it.
            int first = cut ? 1 : 0;
            first = Math.Max(first, lines.Length - TailLines);
            if (first >= lines.Length)
            {
                return string.Empty;
            }

            var kept = new StringBuilder();
            for (int i = first; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                kept.Append(line.Length > TailLineLength ? line.Substring(0, TailLineLength) + "…" : line);
                if (i < lines.Length - 1)
                {
                    kept.Append('\n');
                }
            }

            return kept.ToString();
        }

        // The step's result entry is the last one when its runner runs (a step has no children).
        private void AttachTail()
        {
            if (Tail.Length == 0 || context.Results.Count == 0)
            {
                return;
            }

            ResultEntry entry = context.Results[context.Results.Count - 1];
            if (entry.Path == path)
            {
                entry.OutputTail = Tail;
            }
        }

        private static bool IsPlain(string stream) => stream == "stdout" || stream == "output" || stream == "information";

        private static int TypeOf(string stream)
        {
            switch (stream)
            {
                case "stderr":
                case "warning":
                    return CmTraceLine.Warning;
                case "error":
                    return CmTraceLine.Error;
                case "verbose":
                case "debug":
                    return CmTraceLine.Verbose;
                default:
                    return CmTraceLine.Information;
            }
        }

        private sealed class Partial
        {
            internal Partial(string stream, bool show)
            {
                Stream = stream;
                Show = show;
            }

            internal string Stream { get; }

            internal bool Show { get; }

            // Text held back from the mask (a secret could still complete), and masked text held for its line break.
            internal StringBuilder Raw { get; } = new StringBuilder();

            internal StringBuilder Text { get; } = new StringBuilder();
        }
    }
}
