#if !NETFRAMEWORK
using System;
using System.Buffers;
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
            return ReadDocument(ref reader);
        }

        /// <summary>Parses UTF-8 bytes in pieces, read across them: no copy joins them first.</summary>
        internal static object? Read(IReadOnlyList<ArraySegment<byte>> utf8)
        {
            if (utf8.Count == 1)
            {
                return Read(utf8[0].Array!, utf8[0].Offset, utf8[0].Count);
            }

            var first = new Piece(utf8[0], null);
            Piece last = first;
            for (int i = 1; i < utf8.Count; i++)
            {
                last = new Piece(utf8[i], last);
            }

            var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), Options);
            return ReadDocument(ref reader);
        }

        private static object? ReadDocument(ref Utf8JsonReader reader)
        {
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

        /// <summary>One piece of a <see cref="ReadOnlySequence{T}"/>, linked to the next.</summary>
        private sealed class Piece : ReadOnlySequenceSegment<byte>
        {
            internal Piece(ArraySegment<byte> bytes, Piece? previous)
            {
                Memory = bytes;
                if (previous != null)
                {
                    RunningIndex = previous.RunningIndex + previous.Memory.Length;
                    previous.Next = this;
                }
            }
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
                        JsonNames.RefuseDuplicate(properties, name);
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
