
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
            int plainFrom = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= ' ' && c < 0x7F && c != '"' && c != '\\')
                {
                    continue;
                }

                json.Append(text, plainFrom, i - plainFrom);
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    AppendEscape(json, c);
                    AppendEscape(json, text[++i]);
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

                plainFrom = i + 1;
            }

            json.Append(text, plainFrom, text.Length - plainFrom);
            json.Append('"');
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
