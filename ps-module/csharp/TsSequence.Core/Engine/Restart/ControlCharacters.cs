using System.Globalization;

namespace TsSequence.Engine.Restart
{
    /// <summary>
    /// Control characters (C0 U+0000 to U+001F, DEL U+007F, C1 U+0080 to U+009F) in a path or value a provider writes into a
    /// unit file or a scheduled task's command: a newline there would start a directive of its own
    /// (ExecStartPre=...), so such values are refused rather than escaped.
    /// </summary>
    internal static class ControlCharacters
    {
        /// <summary>The first control character of <paramref name="value"/> described ("a line feed (U+000A) at character 9"), or null when it holds none.</summary>
        internal static string? Find(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (IsControl(c))
                {
                    string name = c == '\n' ? "a line feed" : c == '\r' ? "a carriage return" : c == '\t' ? "a tab" : c == '\0' ? "a NUL" : c >= '\x80' ? "a C1 control character" : "a control character";
                    return $"{name} (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}) at character {(i + 1).ToString(CultureInfo.InvariantCulture)}";
                }
            }

            return null;
        }

        /// <summary>Throws when any of <paramref name="values"/> holds a control character, naming what <paramref name="purpose"/> it was for; nothing has been written yet.</summary>
        internal static void Refuse(string purpose, System.Collections.Generic.IEnumerable<string> values)
        {
            foreach (string value in values)
            {
                string? found = Find(value);
                if (found != null)
                {
                    throw new System.ArgumentException($"'{Printable(value)}' holds {found}, which {purpose} cannot hold safely; nothing was registered and the computer was not restarted (the state is saved: resume the run with Resume-TsSequence / tsseq resume).");
                }
            }
        }

        private static bool IsControl(char c) => c < ' ' || (c >= '\x7f' && c <= '\x9f');

        /// <summary><paramref name="value"/> with each control character shown as \uXXXX, for messages.</summary>
        internal static string Printable(string value)
        {
            var text = new System.Text.StringBuilder(value.Length);
            foreach (char c in value)
            {
                text.Append(IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
            }

            return text.ToString();
        }
    }
}
