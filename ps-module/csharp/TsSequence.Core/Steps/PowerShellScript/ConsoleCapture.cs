using System.IO;
using System.Text;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// Stands in for [Console]::Out and [Console]::Error while a script runs: what the script
    /// writes there still reaches the engine's console, but only through the mask, line by line
    /// as it comes (memory stays flat however much it writes), and its tail feeds the output
    /// variable. A line is held until it ends, so a secret written in pieces is still masked
    /// whole; a line longer than 64 KB is passed on in pieces.
    /// </summary>
    internal sealed class ConsoleCapture : TextWriter
    {
        private const int FlushAt = 65536;
        private readonly TextWriter target;
        private readonly TsEnvironment environment;
        private readonly TextTail tail;
        private readonly StringBuilder pending = new StringBuilder();
        private readonly object sync = new object();

        internal ConsoleCapture(TextWriter target, TsEnvironment environment, int keep)
        {
            this.target = target;
            this.environment = environment;
            tail = new TextTail(keep);
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
                int lastBreak = LastLineBreak();
                if (lastBreak >= 0)
                {
                    Pass(lastBreak + 1);
                }
                else if (pending.Length > FlushAt)
                {
                    Pass(pending.Length);
                }
            }
        }

        public override void WriteLine(string? value) => Write((value ?? string.Empty) + CoreNewLine.ToString());

        public override void Flush()
        {
            lock (sync)
            {
                Pass(pending.Length);
                target.Flush();
            }
        }

        /// <summary>Writes what is held (the script ended).</summary>
        internal void Complete() => Flush();

        private int LastLineBreak()
        {
            for (int i = pending.Length - 1; i >= 0; i--)
            {
                if (pending[i] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private void Pass(int count)
        {
            if (count == 0)
            {
                return;
            }

            string text = pending.ToString(0, count);
            pending.Remove(0, count);
            target.Write(environment.Mask(text));
        }
    }
}
