using System;
using System.Globalization;

namespace TsSequence.Json
{
    /// <summary>A JSON text grew past the limit its <see cref="AsciiBuffer"/> was given (a bridge message).</summary>
    public sealed class MessageTooLargeException : Exception
    {
        /// <summary>A text over <paramref name="limit"/> bytes (the limit as the bridge states it: the whole line).</summary>
        public MessageTooLargeException(int limit)
            : base($"it is over the bridge's message limit of {Describe(limit)}")
        {
            Limit = limit;
        }

        /// <summary>The limit in bytes.</summary>
        public int Limit { get; }

        /// <summary>"256 MiB (268435456 bytes)": the limit in MiB and exactly, as Node's MessageTooLargeError says it.</summary>
        internal static string Describe(int limit)
        {
            double mebibytes = limit / (1024.0 * 1024.0);
            string rounded = limit % (1024 * 1024) == 0
                ? (limit / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)
                : mebibytes.ToString("0.##", CultureInfo.InvariantCulture);
            return $"{rounded} MiB ({limit.ToString(CultureInfo.InvariantCulture)} bytes)";
        }
    }
}
