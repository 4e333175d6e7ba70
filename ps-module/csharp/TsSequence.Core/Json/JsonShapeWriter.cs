using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;

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
                case System.Xml.XmlNode node:
                    // Its markup: an XmlNode enumerates its children, which would lose names,
                    // attributes and text (an element without children would be an empty list).
                    JsonString.Append(json, node.OuterXml);
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
                        AppendExactNumber(json, (IFormattable)value);
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
            value is ulong || value is ushort || value is sbyte || value is decimal || value is BigInteger;

        /// <summary>2^53 - 1: every integer up to it is exactly a JavaScript number.</summary>
        private const long MaxSafeInteger = 9007199254740991;

        /// <summary>
        /// An integer or a decimal, losslessly for Node: a JSON number when JavaScript reads it back
        /// as the same value (JSON.parse gives the double nearest to it, and that double's shortest
        /// text, as String(n) prints it, denotes the value itself); otherwise a string of its exact
        /// text, invariant ("9223372036854775807", "0.1000000000000000000000000001"). So every
        /// integer within ±(2^53 - 1) and every decimal such as 1.25 or 0.1 is a number, and any
        /// number Node sends comes back as the number it was.
        /// </summary>
        private static void AppendExactNumber(AsciiBuffer json, IFormattable value)
        {
            string text = value.ToString(null, CultureInfo.InvariantCulture);
            if (IsExactInJavaScript(value))
            {
                json.Append(text);
            }
            else
            {
                JsonString.Append(json, text);
            }
        }

        private static bool IsExactInJavaScript(object value)
        {
            switch (value)
            {
                case long whole:
                    return (whole >= -MaxSafeInteger && whole <= MaxSafeInteger) || ShortestIs((double)whole, whole);
                case ulong whole:
                    return whole <= MaxSafeInteger || ShortestIs((double)whole, whole);
                case decimal fraction:
                    return ShortestIs((double)fraction, fraction);
                case BigInteger big:
                    if (big >= -MaxSafeInteger && big <= MaxSafeInteger)
                    {
                        return true;
                    }

                    // Past decimal's range: a string (exact; a few such values would be exact as numbers too).
                    return big >= MinDecimal && big <= MaxDecimal && ShortestIs((double)big, (decimal)big);
                default:
                    return true; // int, short, byte and the like: always within 2^53
            }
        }

        private static readonly BigInteger MaxDecimal = new BigInteger(decimal.MaxValue);
        private static readonly BigInteger MinDecimal = new BigInteger(decimal.MinValue);

        /// <summary>Whether the shortest text of <paramref name="nearest"/> denotes <paramref name="value"/>.</summary>
        private static bool ShortestIs(double nearest, decimal value) =>
            decimal.TryParse(nearest.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal back) && back == value;

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
