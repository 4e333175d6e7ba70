using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using TsSequence.Json;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// A sequence document (plain data) as JSON, for its saved copy and its hash. The engine's
    /// general writer stops at 100 levels (what it sends); a document may nest as deep as the
    /// reader takes, and is saved whole. Sorted: every object's keys in ordinal
    /// order (the canonical form the hash is of).
    /// </summary>
    internal static class DocumentJson
    {
        internal static string Write(object? document, bool sorted)
        {
            var json = new AsciiBuffer();
            Write(json, document, sorted);
            return json.ToString();
        }

        private static void Write(AsciiBuffer json, object? value, bool sorted)
        {
            switch (value)
            {
                case IDictionary dictionary:
                    var keys = new List<string>();
                    var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                        keys.Add(key);
                        values[key] = entry.Value;
                    }

                    if (sorted)
                    {
                        keys.Sort(StringComparer.Ordinal);
                    }

                    json.Append('{');
                    for (int i = 0; i < keys.Count; i++)
                    {
                        json.Append(i == 0 ? "" : ",");
                        JsonString.Append(json, keys[i]);
                        json.Append(':');
                        Write(json, values[keys[i]], sorted);
                    }

                    json.Append('}');
                    return;
                case string _:
                case null:
                    JsonCodec.Serialize(json, value);
                    return;
                case IEnumerable items:
                    json.Append('[');
                    bool first = true;
                    foreach (object? item in items)
                    {
                        json.Append(first ? "" : ",");
                        first = false;
                        Write(json, item, sorted);
                    }

                    json.Append(']');
                    return;
                default:
                    JsonCodec.Serialize(json, value);
                    return;
            }
        }
    }
}
