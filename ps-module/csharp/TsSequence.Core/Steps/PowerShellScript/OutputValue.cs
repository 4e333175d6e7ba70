using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using System.Text.RegularExpressions;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// One object a script wrote, as a plain JSON value, within a size budget: strings (masked),
    /// numbers, booleans and null as they are; dates as ISO 8601 UTC text with milliseconds;
    /// enums by name; integers and decimals no JavaScript number holds exactly as their exact text;
    /// XML nodes as their markup; byte arrays as Base64; identifiers, versions, time spans, types, script blocks
    /// and the like as their text; dictionaries and PSCustomObjects as objects (names masked too);
    /// lists as arrays; any other .NET object as an object of its properties (what ConvertTo-Json
    /// shows). Data the script built (dictionaries, PSCustomObjects, lists) nests up to
    /// <see cref="DataDepth"/> levels; .NET objects are opened up to <see cref="ObjectDepth"/>
    /// levels (a FileInfo's Directory is an object, that one's Parent its text), so a rich object
    /// graph cannot explode; past either, a value is its text. A property whose getter throws is
    /// null; an object that fails otherwise while it is read is its text. The budget counts about
    /// one unit per JSON character, plus 8 per property or list item: a value that would not fit
    /// stops as soon as the budget is spent (a huge or endless list is never walked to its end).
    /// </summary>
    internal sealed class OutputValue
    {
        internal const int DataDepth = 32;
        internal const int ObjectDepth = 2;

        // What a property or list item costs beyond its JSON characters: its memory (a dictionary
        // entry is ~100 bytes), so a million empty properties cannot pass for a small output.
        private const int EntryCost = 8;

        private readonly TsEnvironment environment;
        private long left;

        private OutputValue(TsEnvironment environment, long budget)
        {
            this.environment = environment;
            left = budget;
        }

        /// <summary>
        /// <paramref name="item"/> as a JSON value, and what of <paramref name="budget"/> it used;
        /// false (nothing usable) when it does not fit.
        /// </summary>
        internal static bool TryConvert(object? item, TsEnvironment environment, long budget, out object? value, out long used)
        {
            var converter = new OutputValue(environment, budget);
            try
            {
                value = converter.Convert(item, 0, 0);
            }
            catch (Exception)
            {
                // An object that fails while it is read (an adapter, an enumerator): its text.
                converter.left = budget;
                value = converter.Text(ScriptOutput.AsText(item));
            }

            used = budget - converter.left;
            return converter.left >= 0;
        }

        private bool Spend(long units)
        {
            left -= units;
            return left >= 0;
        }

        private object? Convert(object? item, int depth, int objectLevels)
        {
            if (left < 0)
            {
                return null;
            }

            PSObject? wrapper = item as PSObject;
            object? value = wrapper != null ? wrapper.BaseObject : item;
            switch (value)
            {
                case null:
                    Spend(4);
                    return null;
                case string text:
                    return Text(text);
                case char character:
                    return Text(character.ToString());
                case bool flag:
                    Spend(5);
                    return flag;
                case int _:
                case long _:
                case short _:
                case byte _:
                case sbyte _:
                case ushort _:
                case uint _:
                case ulong _:
                case decimal _:
                case double _:
                case float _:
                    // Written losslessly: an integer or decimal that no JavaScript number holds
                    // exactly becomes a string of its exact text (Json/JsonShapeWriter.cs).
                    Spend(24);
                    return value;
                case System.Numerics.BigInteger big:
                    // Its digits are counted before they are made (about 2.41 per byte).
                    return Spend(((long)big.ToByteArray().Length * 241 / 100) + 4) ? value : null;
                case System.Xml.XmlNode node:
                    // Its markup: as a list of its child nodes it would lose names, attributes and text.
                    return Text(node.OuterXml);
                case DateTime time:
                    return Text(IsoTime(time));
                case DateTimeOffset time:
                    return Text(IsoTime(time.UtcDateTime));
                case Enum named:
                    return Text(named.ToString());
                case byte[] bytes:
                    // Checked before it is encoded: a 100 MB array must not be copied to be refused.
                    return Spend(((bytes.LongLength + 2) / 3 * 4) + 2) ? System.Convert.ToBase64String(bytes) : null;
                case PSCustomObject _:
                    return depth >= DataDepth ? Text(ScriptOutput.AsText(item)) : Properties(wrapper!, depth, objectLevels);
                case IDictionary dictionary:
                    return depth >= DataDepth ? Text(ScriptOutput.AsText(value)) : Dictionary(dictionary, depth, objectLevels);
            }

            if (IsScalar(value))
            {
                return Text(ScriptOutput.AsText(value));
            }

            if (value is IEnumerable items)
            {
                return depth >= DataDepth ? Text(ScriptOutput.AsText(value)) : List(items, depth, objectLevels);
            }

            if (objectLevels >= ObjectDepth || depth >= DataDepth)
            {
                return Text(ScriptOutput.AsText(value));
            }

            return Properties(wrapper ?? PSObject.AsPSObject(value), depth, objectLevels + 1);
        }

        private string? Text(string text)
        {
            if (!Spend(text.Length + 2))
            {
                return null;
            }

            string masked = environment.Mask(text);
            return masked;
        }

        private OrderedDictionary Dictionary(IDictionary dictionary, int depth, int objectLevels)
        {
            Spend(2);
            var result = new OrderedDictionary();
            foreach (DictionaryEntry entry in dictionary)
            {
                if (left < 0)
                {
                    break;
                }

                Add(result, ScriptOutput.AsText(entry.Key), entry.Value, depth, objectLevels);
            }

            return result;
        }

        private OrderedDictionary Properties(PSObject wrapper, int depth, int objectLevels)
        {
            Spend(2);
            var result = new OrderedDictionary();
            foreach (PSPropertyInfo property in wrapper.Properties)
            {
                if (left < 0)
                {
                    break;
                }

                object? propertyValue;
                try
                {
                    propertyValue = property.Value;
                }
                catch (Exception)
                {
                    propertyValue = null;
                }

                Add(result, property.Name, propertyValue, depth, objectLevels);
            }

            return result;
        }

        private void Add(OrderedDictionary result, string name, object? item, int depth, int objectLevels)
        {
            string key = Text(name) ?? string.Empty;
            Spend(EntryCost);
            object? converted = Convert(item, depth + 1, objectLevels);
            // Two names masked alike would collide: the first one stays.
            if (left >= 0 && !result.Contains(key))
            {
                result.Add(key, converted);
            }
        }

        private object?[] List(IEnumerable items, int depth, int objectLevels)
        {
            Spend(2);
            var result = new System.Collections.Generic.List<object?>();
            try
            {
                foreach (object? item in items)
                {
                    if (left < 0)
                    {
                        break;
                    }

                    Spend(EntryCost);
                    result.Add(Convert(item, depth + 1, objectLevels));
                }
            }
            catch (Exception)
            {
                // An enumerator that fails part way: the items it gave.
            }

            return result.ToArray();
        }

        /// <summary>Values whose properties say nothing their text does not (and some, such as a Type, open onto the whole runtime).</summary>
        private static bool IsScalar(object value) =>
            value is Guid || value is TimeSpan || value is Version || value is Uri || value is Type ||
            value is MemberInfo || value is Delegate || value is ScriptBlock || value is Regex ||
            value is SecureString || value is CultureInfo || value is System.Net.IPAddress ||
            value is System.Text.Encoding || value is Assembly;

        private static string IsoTime(DateTime time) =>
            time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
