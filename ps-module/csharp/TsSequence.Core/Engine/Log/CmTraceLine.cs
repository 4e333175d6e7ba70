using System;
using System.Text;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// One record of a CMTrace-format log, as ConfigMgr writes smsts.log (spec 6.1):
    /// <c>&lt;![LOG[message]LOG]!&gt;&lt;time="HH:mm:ss.fff+BBB" date="MM-dd-yyyy" component="C" context="" type="T" thread="N" file="source:line"&gt;</c>.
    /// The time is local; BBB is ConfigMgr's bias (UTC = local + bias, in minutes: +480 for US
    /// Pacific standard time, +000 for UTC, -660 for Sydney in summer), not the ISO offset. A
    /// message may span lines; a "]LOG]!&gt;" inside it would end the record early, so it is
    /// written "]LOG]!&amp;gt;". Built by hand, digit by digit: it runs for every line of a run.
    /// </summary>
    internal static class CmTraceLine
    {
        /// <summary>CMTrace's types: 0 verbose/debug, 1 information, 2 warning, 3 error.</summary>
        internal const int Verbose = 0;
        internal const int Information = 1;
        internal const int Warning = 2;
        internal const int Error = 3;

        private const string Terminator = "]LOG]!>";

        /// <summary>Appends one record (with its line break) to <paramref name="text"/>.</summary>
        internal static void Append(StringBuilder text, string message, DateTime utc, string component, int type, int thread, string file)
        {
            DateTime local = utc.ToLocalTime();
            int bias = (int)Math.Round((utc - local).TotalMinutes);
            text.Append("<![LOG[");
            if (message.IndexOf(Terminator, StringComparison.Ordinal) >= 0)
            {
                text.Append(message.Replace(Terminator, "]LOG]!&gt;"));
            }
            else
            {
                text.Append(message);
            }

            text.Append("]LOG]!><time=\"");
            Digits(text, local.Hour, 2).Append(':');
            Digits(text, local.Minute, 2).Append(':');
            Digits(text, local.Second, 2).Append('.');
            Digits(text, local.Millisecond, 3);
            text.Append(bias < 0 ? '-' : '+');
            Digits(text, Math.Abs(bias), 3);
            text.Append("\" date=\"");
            Digits(text, local.Month, 2).Append('-');
            Digits(text, local.Day, 2).Append('-');
            Digits(text, local.Year, 4);
            text.Append("\" component=\"").Append(component);
            text.Append("\" context=\"\" type=\"").Append((char)('0' + type));
            text.Append("\" thread=\"").Append(thread);
            text.Append("\" file=\"").Append(file).Append("\">");
            text.Append(Environment.NewLine);
        }

        /// <summary>The log type of a RunLog level (verbose, info, warning, error).</summary>
        internal static int TypeOf(string level)
        {
            switch (level)
            {
                case "error":
                    return Error;
                case "warning":
                    return Warning;
                case "verbose":
                case "debug":
                    return Verbose;
                default:
                    return Information;
            }
        }

        private static StringBuilder Digits(StringBuilder text, int value, int width)
        {
            // At least width digits, zero-padded (a bias needs 3; none of these exceeds 4 digits but a year might).
            int digits = 1;
            for (int rest = value / 10; rest > 0; rest /= 10)
            {
                digits++;
            }

            for (int i = digits; i < width; i++)
            {
                text.Append('0');
            }

            return text.Append(value);
        }
    }
}
