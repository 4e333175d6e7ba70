using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace TsSequence.Json
{
    /// <summary>
    /// Writes a value as JSON: the engine's result documents, events and variables, and whatever
    /// PowerShell code hands over. One writer for both builds, so 5.1 and 7 send the same bytes.
    /// </summary>
    internal static class JsonShapeWriter
    {
        internal static void Write(AsciiBuffer json, object? value, int depth)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    json.Append("null");
                    return;
                case string text:
                    JsonString.Append(json, text);
                    return;
                case char character:
                    JsonString.Append(json, character.ToString());
                    return;
                case bool flag:
                    json.Append(flag ? "true" : "false");
                    return;
                case double number:
                    AppendDouble(json, number);
                    return;
                case float number:
                    AppendDouble(json, number);
                    return;
                case DateTime time:
                    JsonString.Append(json, FormatTime(time));
                    return;
                case DateTimeOffset time:
                    JsonString.Append(json, FormatTime(time.UtcDateTime));
                    return;
                case Enum named:
                    // By name, as PowerShell shows it: a status or a category, not its number.
                    JsonString.Append(json, named.ToString());
                    return;
                case IDictionary dictionary:
                    WriteObject(json, dictionary, depth);
                    return;
                case PSObject custom:
                    // Only a PSCustomObject is left wrapped (see Unwrap): its properties are its data.
                    WriteProperties(json, custom, depth);
                    return;
                case IEnumerable items:
                    WriteArray(json, items, depth);
                    return;
                default:
                    if (IsInteger(value))
                    {
                        json.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                        return;
                    }

                    JsonString.Append(json, ToText(value));
                    return;
            }
        }

        /// <summary>A property name or other text as PowerShell's [string] cast gives it (numbers invariant).</summary>
        internal static string ToText(object? value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? string.Empty;
            }
        }

        /// <summary>
        /// The object a PSObject wraps, except for a PSCustomObject, which is nothing but its
        /// properties (its base object is a placeholder).
        /// </summary>
        private static object? Unwrap(object? value)
        {
            if (value is PSObject wrapper && !(wrapper.BaseObject is PSCustomObject))
            {
                return wrapper.BaseObject;
            }

            return value;
        }

        private static bool IsInteger(object value) =>
            value is int || value is long || value is short || value is byte || value is uint ||
            value is ulong || value is ushort || value is sbyte || value is decimal;

        private static void AppendDouble(AsciiBuffer json, double number)
        {
            // JSON has no NaN or Infinity; JSON.stringify writes null for them too.
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                json.Append("null");
                return;
            }

            json.Append(number.ToString("R", CultureInfo.InvariantCulture));
        }

        private static string FormatTime(DateTime time) =>
            time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private static void EnterContainer(int depth)
        {
            if (depth > JsonCodec.MaxWriteDepth)
            {
                throw new InvalidOperationException($"The value is nested more than {JsonCodec.MaxWriteDepth} levels deep, so it cannot be written as JSON.");
            }
        }

        private static void WriteObject(AsciiBuffer json, IDictionary dictionary, int depth)
        {
            EnterContainer(depth);
            json.Append('{');
            bool first = true;
            foreach (DictionaryEntry entry in dictionary)
            {
                if (!first)
                {
                    json.Append(',');
                }

                first = false;
                JsonString.Append(json, ToText(entry.Key));
                json.Append(':');
                Write(json, entry.Value, depth + 1);
            }

            json.Append('}');
        }

        private static void WriteProperties(AsciiBuffer json, PSObject custom, int depth)
        {
            EnterContainer(depth);
            json.Append('{');
            bool first = true;
            foreach (PSPropertyInfo property in custom.Properties)
            {
                if (!first)
                {
                    json.Append(',');
                }

                first = false;
                JsonString.Append(json, property.Name);
                json.Append(':');
                Write(json, property.Value, depth + 1);
            }

            json.Append('}');
        }

        private static void WriteArray(AsciiBuffer json, IEnumerable items, int depth)
        {
            EnterContainer(depth);
            json.Append('[');
            bool first = true;
            foreach (object? item in items)
            {
                if (!first)
                {
                    json.Append(',');
                }

                first = false;
                Write(json, item, depth + 1);
            }

            json.Append(']');
        }
    }
}
