using System.Text;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// The last characters of a text that arrives in pieces, in bounded memory: a script's output
    /// only ever feeds an output variable (its last 1000 characters), however much it prints.
    /// </summary>
    internal sealed class TextTail
    {
        private readonly int keep;
        private readonly StringBuilder text = new StringBuilder();

        internal TextTail(int keep)
        {
            this.keep = keep;
        }

        internal void Append(string piece)
        {
            if (piece.Length >= keep)
            {
                text.Clear().Append(piece, piece.Length - keep, keep);
                return;
            }

            text.Append(piece);
            // Trimmed in batches, so appending stays cheap however many pieces come.
            if (text.Length > keep * 2)
            {
                text.Remove(0, text.Length - keep);
            }
        }

        internal void Append(char[] buffer, int index, int count)
        {
            Append(new string(buffer, index, count));
        }

        public override string ToString() => text.Length > keep ? text.ToString(text.Length - keep, keep) : text.ToString();
    }
}
