using System.Collections.Generic;
using System.Text;

namespace TsSequence.Engine.Restart
{
    /// <summary>
    /// Quotes arguments for ProcessStartInfo.Arguments (netstandard2.0 has no ArgumentList) with
    /// the CommandLineToArgvW rules .NET also applies on Unix, so each value reaches the program
    /// as one argument, whatever it contains.
    /// </summary>
    internal static class CommandLineQuoting
    {
        internal static string Join(IEnumerable<string> arguments)
        {
            var line = new StringBuilder();
            foreach (string argument in arguments)
            {
                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                Append(line, argument);
            }

            return line.ToString();
        }

        /// <summary>One argument: quoted when it is empty or has a space, tab or quote; backslashes before a quote doubled.</summary>
        internal static void Append(StringBuilder line, string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\n' }) < 0)
            {
                line.Append(argument);
                return;
            }

            line.Append('"');
            int backslashes = 0;
            foreach (char c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                line.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes);
                backslashes = 0;
                line.Append(c);
            }

            line.Append('\\', backslashes * 2);
            line.Append('"');
        }
    }
}
