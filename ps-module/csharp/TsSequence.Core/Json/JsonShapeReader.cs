#if !NETFRAMEWORK
using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text;
using System.Text.Json;

namespace TsSequence.Json
{
    /// <summary>
    /// Parses JSON into the shapes of <see cref="JsonCodec"/> with System.Text.Json's
    /// <see cref="Utf8JsonReader"/>, straight to the final objects (no JsonDocument in between).
    /// PowerShell 7 carries System.Text.Json, so this build ships none.
    /// </summary>
    internal static class JsonShapeReader
    {
        private static readonly JsonReaderOptions Options = new JsonReaderOptions { MaxDepth = JsonCodec.MaxReadDepth };

        internal static object? Read(string json) => Read(Encoding.UTF8.GetBytes(json), 0, -1);

        /// <summary>Parses UTF-8 bytes (<paramref name="count"/> of them, or all when -1) without making a string of them first.</summary>
        internal static object? Read(byte[] utf8, int offset, int count)
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, offset, count < 0 ? utf8.Length - offset : count), Options);
            if (!reader.Read())
            {
                throw new JsonException("The input does not contain any JSON value.");
            }

            object? value = ReadValue(ref reader);
            // A second value is refused by the reader itself ("… after a single JSON value").
            if (reader.Read())
            {
                throw new JsonException("The input has more than one JSON value.");
            }

            return value;
        }

        private static object? ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var properties = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string name = reader.GetString()!;
                        reader.Read();
                        properties[name] = ReadValue(ref reader);
                    }

                    return properties;
                case JsonTokenType.StartArray:
                    var items = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader));
                    }

                    return items.ToArray();
                case JsonTokenType.String:
                    // Throws for an escaped lone surrogate ("\ud800"): no .NET string can carry it faithfully
                    // through the engine and back, so it is refused rather than changed.
                    return reader.GetString();
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out long whole))
                    {
                        return whole >= int.MinValue && whole <= int.MaxValue ? (int)whole : (object)whole;
                    }

                    return reader.GetDouble();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
#endif
