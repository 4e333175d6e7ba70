using System;
using System.Globalization;

namespace TsSequence.Conditions
{
    /// <summary>
    /// The dateTime of a file or folder condition against a last-write time, in UTC. A timestamp
    /// without an offset is UTC. The file's time is cut to the precision the condition gives
    /// (whole seconds, or minutes when the seconds are left out), so "equals" can hold for a time
    /// written as people write it.
    /// </summary>
    internal static class ConditionTimestamp
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        };

        /// <summary>Whether <paramref name="lastWriteUtc"/> compares with <paramref name="text"/> as <paramref name="op"/> asks.</summary>
        internal static bool Holds(DateTime lastWriteUtc, string op, string text, out string described)
        {
            DateTime expected = Parse(text);
            DateTime actual = Truncate(lastWriteUtc, text);
            described = actual.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
            return ComparisonOperator.Holds(op, actual.CompareTo(expected));
        }

        private static DateTime Parse(string text)
        {
            if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                return parsed.UtcDateTime;
            }

            throw new ArgumentException($"dateTime '{text}' is not a timestamp such as 2026-01-01T00:00:00Z.");
        }

        private static DateTime Truncate(DateTime utc, string text)
        {
            int seconds = text.Length > 16 && text[16] == ':' ? 1 : 0;
            bool fraction = seconds == 1 && text.Length > 19 && text[19] == '.';
            if (fraction)
            {
                return utc;
            }

            long unit = seconds == 1 ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMinute;
            return new DateTime(utc.Ticks - (utc.Ticks % unit), DateTimeKind.Utc);
        }
    }
}
