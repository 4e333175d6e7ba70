#if NETFRAMEWORK
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text;
using System.Web.Script.Serialization;

namespace TsSequence.Json
{
    /// <summary>
    /// Parses JSON into the shapes of <see cref="JsonCodec"/> on Windows PowerShell 5.1 with
    /// .NET Framework's own JavaScriptSerializer (System.Web.Extensions), so the Framework build
    /// has no dependency to ship or resolve: System.Text.Json would bring System.Memory,
    /// System.Buffers and more, which 5.1 cannot isolate from other modules' copies without
    /// binding redirects. What differs from the PowerShell 7 build: JavaScriptSerializer is more
    /// lenient (it also reads single-quoted strings), turns a string written <c>"\/Date(ms)\/"</c>
    /// into a DateTime, keeps lone surrogates, and its errors carry no line number.
    /// </summary>
    internal static class JsonShapeReader
    {
        /// <summary>Parses UTF-8 bytes in pieces: decoded first, as JavaScriptSerializer reads strings only.</summary>
        internal static object? Read(IReadOnlyList<ArraySegment<byte>> utf8)
        {
            // A decoder keeps a character whose bytes are split between two pieces.
            var encoding = new UTF8Encoding(false);
            System.Text.Decoder decoder = encoding.GetDecoder();
            var text = new StringBuilder();
            for (int i = 0; i < utf8.Count; i++)
            {
                ArraySegment<byte> piece = utf8[i];
                var chars = new char[encoding.GetMaxCharCount(piece.Count)];
                int count = decoder.GetChars(piece.Array!, piece.Offset, piece.Count, chars, 0, i == utf8.Count - 1);
                text.Append(chars, 0, count);
            }

            return Read(text.ToString());
        }

        internal static object? Read(string json)
        {
            var serializer = new JavaScriptSerializer { MaxJsonLength = int.MaxValue, RecursionLimit = JsonCodec.MaxReadDepth };
            return Shape(serializer.DeserializeObject(json));
        }

        private static object? Shape(object? value)
        {
            switch (value)
            {
                case IDictionary<string, object> source:
                    var properties = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (KeyValuePair<string, object> property in source)
                    {
                        JsonNames.RefuseDuplicate(properties, property.Key);
                        properties[property.Key] = Shape(property.Value);
                    }

                    return properties;
                case IList list:
                    var items = new object?[list.Count];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = Shape(list[i]);
                    }

                    return items;
                case decimal fraction:
                    // JavaScriptSerializer reads a fraction as decimal; the PowerShell 7 build gives double.
                    return (double)fraction;
                default:
                    return value;
            }
        }
    }
}
#endif
