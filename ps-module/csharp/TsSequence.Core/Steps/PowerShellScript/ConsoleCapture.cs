using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using TsSequence.Engine.Log;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// Stands in for [Console]::Out or [Console]::Error while a script runs: what the script
    /// writes there still reaches the engine's console (the same stream), but only through the
    /// mask, as it comes (memory stays flat however much it writes), and its tail feeds the output
    /// variable. Text is passed on at line breaks, past 8 KB and on Flush, always holding back what
    /// a secret written in pieces could still complete (TsEnvironment.MaskCompletePrefix), so a
    /// secret split across writes, a flush or a line break is still masked whole; what is held
    /// when the process exits is passed on then, masked. What is passed on
    /// also goes, masked, to the step's log and output tail (not as events: it is on the engine's
    /// console already).
    /// </summary>
    internal sealed class ConsoleCapture : TextWriter
    {
        private const int PassAt = 8192;

        // Captures not yet completed: a script that ends the process ([Environment]::Exit) would
        // otherwise take their held text with it, often the line saying why it exits.
        private static readonly HashSet<ConsoleCapture> Open = new HashSet<ConsoleCapture>();

        // Held text past this (or past twice the longest secret, so the start of a long secret is
        // never cut off and printed) is passed on whole, masked as it stands: a run of a
        // self-overlapping secret ("aa" in "aaaa...") could otherwise be held back without end.
        private const int HoldAtMost = 65536;
        private readonly TextWriter target;
        private readonly TsEnvironment environment;
        private readonly TextTail tail;
        private readonly StringBuilder pending = new StringBuilder();
        private readonly object sync = new object();
        private readonly StepOutput? lines;
        private readonly string stream;

        // pending's length when it was last tried: held text is tried again only after 8 KB more,
        // so a script writing one character at a time stays linear even while text is held.
        private int triedAt;

        internal ConsoleCapture(TextWriter target, TsEnvironment environment, int keep, StepOutput? lines = null, string stream = "stdout")
        {
            this.lines = lines;
            this.stream = stream;
            this.target = target;
            this.environment = environment;
            tail = new TextTail(keep);
            lock (Open)
            {
                Open.Add(this);
            }
        }

        static ConsoleCapture()
        {
            // On a thread of its own, waited for a second at most: a writer busy in a capture (or a
            // lock it needs) must never hold up the exit itself.
            AppDomain.CurrentDomain.ProcessExit += (sender, args) =>
            {
                var pass = new Thread(CompleteAllAtExit) { IsBackground = true, Name = "tsseq console exit pass" };
                pass.Start();
                pass.Join(1000);
            };
        }

        /// <summary>Passes on what every open capture holds, as the process exits.</summary>
        private static void CompleteAllAtExit()
        {
            ConsoleCapture[] open;
            lock (Open)
            {
                open = new ConsoleCapture[Open.Count];
                Open.CopyTo(open);
            }

            foreach (ConsoleCapture capture in open)
            {
                // In the writers' lock order (see Complete); a thread stuck writing holds them: exit anyway.
                object console = Console.Out;
                if (!Monitor.TryEnter(console, 1000))
                {
                    continue;
                }

                try
                {
                    if (!Monitor.TryEnter(capture.sync, 1000))
                    {
                        continue;
                    }

                    try
                    {
                        capture.PassAtExit();
                        capture.target.Flush();
                    }
                    catch (IOException)
                    {
                        // The console is gone: nothing to pass on to.
                    }
                    finally
                    {
                        Monitor.Exit(capture.sync);
                    }
                }
                finally
                {
                    Monitor.Exit(console);
                }
            }
        }

        public override Encoding Encoding => target.Encoding;

        /// <summary>The tail of everything written (unmasked: the output variable's rules mask it).</summary>
        internal string Text
        {
            get
            {
                lock (sync)
                {
                    return tail.ToString();
                }
            }
        }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            lock (sync)
            {
                tail.Append(value!);
                pending.Append(value);
                // Only the new piece is searched: a script writing one character at a time stays linear.
                if ((triedAt < PassAt && value!.IndexOf('\n') >= 0) || pending.Length - triedAt >= PassAt)
                {
                    Pass(final: false);
                    if (pending.Length >= Math.Max(HoldAtMost, 2 * environment.LongestSecretLength))
                    {
                        Pass(final: true);
                    }
                }
            }
        }

        public override void WriteLine() => Write(CoreNewLine);

        public override void WriteLine(string? value) => Write((value ?? string.Empty) + new string(CoreNewLine));

        public override void Flush()
        {
            lock (sync)
            {
                Pass(final: false);
                target.Flush();
            }
        }

        /// <summary>Passes on everything held (the script ended).</summary>
        internal void Complete()
        {
            // Lock order: Console.Out first, then this capture. A script's thread writes through
            // Console.Out's synchronized wrapper (its lock held) into this capture, and .NET's Unix
            // console locks Console.Out around every write to the terminal, so writing to the
            // target under sync alone would deadlock with a thread that is writing (a runspace
            // the script left printing).
            lock (Console.Out)
            {
                lock (sync)
                {
                    Pass(final: true);
                    target.Flush();
                }
            }

            lock (Open)
            {
                Open.Remove(this);
            }
        }

        // At exit nothing can complete what is held, and what is held starts a secret (a write of
        // one cut off by the exit, or another thread's): it goes as a mask, never as its text.
        private void PassAtExit()
        {
            Pass(final: false);
            if (pending.Length > 0)
            {
                pending.Clear();
                target.Write(TsEnvironment.MaskText);
                lines?.Console(stream, TsEnvironment.MaskText);
            }
        }

        private void Pass(bool final)
        {
            if (pending.Length == 0)
            {
                return;
            }

            string text = pending.ToString();
            int consumed = text.Length;
            string masked = final ? environment.Mask(text) : environment.MaskCompletePrefix(text, out consumed);
            pending.Remove(0, consumed);
            triedAt = pending.Length;
            if (masked.Length > 0)
            {
                target.Write(masked);
                lines?.Console(stream, masked);
            }
        }
    }
}
