using System;
using System.IO;
using System.Text;

namespace TsSequence.Json
{
    /// <summary>
    /// The bytes of a JSON text being written. The writer emits ASCII only (everything else is
    /// escaped), so characters become bytes one to one: the bridge sends the buffer as it is, with
    /// no string of the whole message and no encoding pass (a 10 MB result is written once).
    /// </summary>
    internal sealed class AsciiBuffer
    {
        private byte[] bytes;
        private int length;

        internal AsciiBuffer(int capacity = 1024)
        {
            bytes = new byte[capacity];
        }

        internal int Length => length;

        internal void Clear() => length = 0;

        internal void Append(char c)
        {
            if (length == bytes.Length)
            {
                Grow(1);
            }

            bytes[length++] = (byte)c;
        }

        /// <summary>Appends ASCII text (the caller guarantees it: plain runs and escapes).</summary>
        internal void Append(string text) => Append(text, 0, text.Length);

        internal void Append(string text, int start, int count)
        {
            if (count <= 0)
            {
                return;
            }

            if (length + count > bytes.Length)
            {
                Grow(count);
            }

            length += Encoding.ASCII.GetBytes(text, start, count, bytes, length);
        }

        internal void WriteTo(Stream stream) => stream.Write(bytes, 0, length);

        public override string ToString() => Encoding.ASCII.GetString(bytes, 0, length);

        private void Grow(int needed)
        {
            int size = Math.Max(bytes.Length * 2, length + needed);
            Array.Resize(ref bytes, size);
        }
    }
}
