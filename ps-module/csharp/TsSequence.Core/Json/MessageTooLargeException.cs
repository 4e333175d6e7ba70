using System;
using System.Globalization;

namespace TsSequence.Json
{
    /// <summary>A JSON text grew past the limit its <see cref="AsciiBuffer"/> was given (a bridge message).</summary>
    public sealed class MessageTooLargeException : Exception
    {
        /// <summary>A text over <paramref name="limit"/> bytes.</summary>
        public MessageTooLargeException(int limit)
            : base($"it is over the bridge's message limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes")
        {
            Limit = limit;
        }

        /// <summary>The limit in bytes.</summary>
        public int Limit { get; }
    }
}
