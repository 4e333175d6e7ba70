using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace TsSequence.Documents
{
    /// <summary>
    /// Steps and documents arrive as New-Ts*Step objects (PSCustomObject), hashtables,
    /// ConvertFrom-Json output or parsed JSON; the engine reads one shape only: ordered
    /// dictionaries (keys ignoring case, as PowerShell's and the JSON codec's), object[] and primitives.
    /// </summary>
    public static class PlainData
    {
        /// <summary>How deep a document may nest before it is refused (a cycle ends here too).</summary>
        private const int MaxDepth = TsSequence.Json.JsonCodec.MaxReadDepth;

        /// <summary>The plain-data copy of <paramref name="value"/>.</summary>
        public static object? From(object? value) => Convert(value, 0);

        private static object? Convert(object? value, int depth)
        {
            if (value == null)
            {
                return null;
            }

            if (depth > MaxDepth)
            {
                throw new ArgumentException($"The document nests deeper than {MaxDepth} levels (or refers to itself).");
            }

            if (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject))
            {
                value = wrapped.BaseObject;
            }

            switch (value)
            {
                case string _:
                case ValueType _:
                    return value;
                case IDictionary dictionary:
                    var copy = new OrderedDictionary(dictionary.Count, StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        copy[System.Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = Convert(entry.Value, depth + 1);
                    }

                    return copy;
                case PSObject custom:
                    var properties = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (PSPropertyInfo property in custom.Properties)
                    {
                        properties[property.Name] = Convert(property.Value, depth + 1);
                    }

                    return properties;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (object? item in items)
                    {
                        list.Add(Convert(item, depth + 1));
                    }

                    return list.ToArray();
                default:
                    return value;
            }
        }
    }
}
