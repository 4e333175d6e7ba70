using System;
using System.Collections.Generic;


namespace TsSequence.Json
{
    /// <summary>
    /// The module's JSON, for the bridge protocol and sequence files alike. Parsing gives the
    /// shapes PowerShell code indexes easily: objects become <see cref="System.Collections.Specialized.OrderedDictionary"/>
    /// (document order, keys compared ignoring case, a repeated key keeps its last value), arrays
    /// <c>object[]</c>, numbers <c>int</c>, <c>long</c> or <c>double</c>, plus <c>bool</c>,
    /// <c>string</c> and <c>null</c>. Serializing takes those and what PowerShell makes
    /// (hashtables, PSCustomObjects, lists, DateTime, enums) and writes compact ASCII JSON.
    /// </summary>
    public static class JsonCodec
    {
        /// <summary>
        /// How deep a parsed document may nest (System.Text.Json's default is only 64): the
        /// validator's limit, so a document it accepts (about 500 nested groups) can run.
        /// </summary>
        public const int MaxReadDepth = 1024;

        /// <summary>
        /// How deep a serialized value may nest: deeper is an error, never silent truncation
        /// (ConvertTo-Json's depth-2 default is the trap this avoids); a cycle ends here too.
        /// </summary>
        public const int MaxWriteDepth = 100;

        /// <summary>Parses one JSON value; malformed text throws (System.Text.Json's JsonException, with its position, on PowerShell 7).</summary>
        public static object? Parse(string json) => JsonShapeReader.Read(json);

        /// <summary>
        /// Parses UTF-8 bytes held in one or more pieces (the bridge channel's lines: a long one
        /// stays in the buffers it was read into), as <see cref="Parse(string)"/>.
        /// </summary>
        internal static object? Parse(IReadOnlyList<ArraySegment<byte>> utf8) => JsonShapeReader.Read(utf8);

        /// <summary>Parses one run of UTF-8 bytes (a line of the results journal), as <see cref="Parse(string)"/>.</summary>
        internal static object? Parse(byte[] utf8, int offset, int count) => JsonShapeReader.Read(new[] { new ArraySegment<byte>(utf8, offset, count) });

        /// <summary>Serializes a value to one line of ASCII JSON (non-ASCII characters are escaped).</summary>
        public static string Serialize(object? value)
        {
            var json = new AsciiBuffer();
            JsonShapeWriter.Write(json, value, 0);
            return json.ToString();
        }

        /// <summary>Serializes a value into <paramref name="json"/> (ASCII bytes), for the bridge channel.</summary>
        internal static void Serialize(AsciiBuffer json, object? value) => JsonShapeWriter.Write(json, value, 0);
    }
}
