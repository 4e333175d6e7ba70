using System;
#if !NETFRAMEWORK
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace TsSequence.Json
{
    /// <summary>
    /// Writes a JSON string literal in ASCII: every character survives the trip (quotes,
    /// backticks, newlines, characters outside the BMP as a pair of escapes), and no byte on the
    /// wire depends on an encoding.
    /// </summary>
    internal static class JsonString
    {
        private const string HexDigits = "0123456789ABCDEF";

        internal static void Append(AsciiBuffer json, string text)
        {
            json.Append('"');
            int i = 0;
            while (true)
            {
                int special = PlainEnd(text, i);
                json.Append(text, i, special - i);
                if (special == text.Length)
                {
                    break;
                }

                char c = text[special];
                i = special + 1;
                if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
                {
                    AppendEscape(json, c);
                    AppendEscape(json, text[i++]);
                }
                else if (char.IsSurrogate(c))
                {
                    // Half a character: U+FFFD, as System.Text.Json writes it, so Node only ever
                    // receives well-formed strings (it refuses to send anything else back).
                    AppendEscape(json, '\uFFFD');
                }
                else
                {
                    AppendSpecial(json, c);
                }
            }

            json.Append('"');
        }

        /// <summary>
        /// The index of the first character from <paramref name="from"/> on that must be escaped
        /// (not printable ASCII, or a quote or backslash), or the text's length. Values are mostly
        /// plain, so on PowerShell 7 this looks at a vector of characters at a time (16 with AVX2):
        /// a megabyte of them in well under a millisecond.
        /// </summary>
        private static int PlainEnd(string text, int from)
        {
            int i = from;
#if !NETFRAMEWORK
            if (Vector.IsHardwareAccelerated)
            {
                ReadOnlySpan<Vector<ushort>> blocks = MemoryMarshal.Cast<char, Vector<ushort>>(text.AsSpan(from));
                var space = new Vector<ushort>(' ');
                var printableRange = new Vector<ushort>((ushort)('~' - ' '));
                var quote = new Vector<ushort>('"');
                var backslash = new Vector<ushort>('\\');
                int b = 0;
                while (b < blocks.Length)
                {
                    Vector<ushort> block = blocks[b];
                    // c - ' ' wraps around below ' ', so one unsigned comparison finds both ends.
                    Vector<ushort> special = Vector.GreaterThan(block - space, printableRange) | Vector.Equals(block, quote) | Vector.Equals(block, backslash);
                    if (special != Vector<ushort>.Zero)
                    {
                        break;
                    }

                    b++;
                }

                i += b * Vector<ushort>.Count;
            }
#endif
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c >= 0x7F || c == '"' || c == '\\')
                {
                    return i;
                }
            }

            return text.Length;
        }

        private static void AppendSpecial(AsciiBuffer json, char c)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    return;
                case '\\':
                    json.Append("\\\\");
                    return;
                case '\n':
                    json.Append("\\n");
                    return;
                case '\r':
                    json.Append("\\r");
                    return;
                case '\t':
                    json.Append("\\t");
                    return;
                default:
                    AppendEscape(json, c);
                    return;
            }
        }

        private static void AppendEscape(AsciiBuffer json, char c)
        {
            json.Append('\\');
            json.Append('u');
            json.Append(HexDigits[(c >> 12) & 15]);
            json.Append(HexDigits[(c >> 8) & 15]);
            json.Append(HexDigits[(c >> 4) & 15]);
            json.Append(HexDigits[c & 15]);
        }
    }
}
