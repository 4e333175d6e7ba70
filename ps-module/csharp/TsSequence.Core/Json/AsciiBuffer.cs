using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace TsSequence.Json
{
    /// <summary>
    /// The bytes of a JSON text being written. The writer emits ASCII only (everything else is
    /// escaped), so characters become bytes one to one: the bridge sends the buffer as it is, with
    /// no string of the whole message and no encoding pass (a 10 MB result is written once).
    /// The bytes are kept in chunks (doubling up to 1 MB): growing never copies what is written,
    /// and <see cref="Clear"/> keeps only the first chunk, so memory returns to its floor after a
    /// large message.
    /// </summary>
    internal sealed class AsciiBuffer
    {
        private const int MaxChunk = 1 << 20;

        private readonly byte[] first;

        // Chunks before the current one, each full.
        private readonly List<byte[]> filled = new List<byte[]>();
        private int filledLength;
        private byte[] current;
        private int used;

        internal AsciiBuffer(int capacity = 1024)
        {
            first = new byte[capacity];
            current = first;
        }

        internal int Length => filledLength + used;

        /// <summary>
        /// The most bytes the text may take (checked as each chunk fills, so at most 1 MB past it):
        /// past it <see cref="MessageTooLargeException"/> is thrown instead of growing towards the
        /// 2 GB a .NET array and the int length can hold.
        /// </summary>
        internal int Limit { get; set; } = int.MaxValue;

        internal void Clear()
        {
            filled.Clear();
            filledLength = 0;
            current = first;
            used = 0;
        }

        internal void Append(char c)
        {
            if (used == current.Length)
            {
                NextChunk();
            }

            current[used++] = (byte)c;
        }

        /// <summary>Appends ASCII text (the caller guarantees it: plain runs and escapes).</summary>
        internal void Append(string text) => Append(text, 0, text.Length);

        internal void Append(string text, int start, int count)
        {
            while (count > 0)
            {
                if (used == current.Length)
                {
                    NextChunk();
                }

                int part = Math.Min(count, current.Length - used);
                used += Encoding.ASCII.GetBytes(text, start, part, current, used);
                start += part;
                count -= part;
            }
        }

        internal void WriteTo(Stream stream)
        {
            foreach (byte[] chunk in filled)
            {
                stream.Write(chunk, 0, chunk.Length);
            }

            stream.Write(current, 0, used);
        }

        public override string ToString()
        {
            if (filled.Count == 0)
            {
                return Encoding.ASCII.GetString(current, 0, used);
            }

            var text = new StringBuilder(Length);
            foreach (byte[] chunk in filled)
            {
                text.Append(Encoding.ASCII.GetString(chunk));
            }

            return text.Append(Encoding.ASCII.GetString(current, 0, used)).ToString();
        }

        private void NextChunk()
        {
            if ((long)filledLength + current.Length > Limit)
            {
                throw new MessageTooLargeException(Limit);
            }

            filled.Add(current);
            filledLength += current.Length;
            current = new byte[Math.Min(MaxChunk, current.Length * 2)];
            used = 0;
        }
    }
}
