using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TsSequence.Documents
{
    /// <summary>
    /// What no run can take, whatever the schema says: nesting deeper than the engine reads, and
    /// numbers beyond a double (1e999). The Node validator (src/bridge/documentLimits.ts) says the
    /// same in the same words.
    /// </summary>
    internal static class DocumentLimits
    {
        /// <summary>
        /// The deepest document a run takes: the engine reads JSON up to <see cref="Json.JsonCodec.MaxReadDepth"/>
        /// levels, and the bridge's request holds the document two levels down.
        /// </summary>
        internal const int MaxDepth = Json.JsonCodec.MaxReadDepth - 2;

        private static readonly Regex PlainName = new Regex("^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant);

        /// <summary>Adds the one problem of a document that cannot be run at all, if it has one.</summary>
        internal static void Check(object? document, List<string> errors)
        {
            if (Depth(document, 1) > MaxDepth)
            {
                errors.Add($"$: nests deeper than {MaxDepth} levels, more than the engine reads");
                return;
            }

            string? illFormed = IllFormed(document, "$", out bool isName, out string where);
            if (illFormed != null)
            {
                errors.Add(isName
                    ? $"{illFormed}: has a property name that is not well-formed Unicode: it has {where}"
                    : $"{illFormed}: is not well-formed Unicode: it has {where}");
                return;
            }

            string? path = NonFinite(document, "$");
            if (path != null)
            {
                errors.Add($"{path}: is a number too large for the engine (beyond ±1.7976931348623157e308)");
            }
        }

        // Containers count one level each; stops counting past the limit.
        private static int Depth(object? value, int level)
        {
            IEnumerable? children = value is IDictionary dictionary ? dictionary.Values : value is Array list ? list : null;
            if (children == null)
            {
                return level - 1;
            }

            if (level > MaxDepth)
            {
                return level;
            }

            int deepest = level;
            foreach (object? child in children)
            {
                deepest = Math.Max(deepest, Depth(child, level + 1));
                if (deepest > MaxDepth)
                {
                    break;
                }
            }

            return deepest;
        }

        // The first string (a value, or a property name) with a lone surrogate, depth first as src/bridge/wellFormed.ts looks.
        private static string? IllFormed(object? value, string path, out bool isName, out string where)
        {
            isName = false;
            where = string.Empty;
            switch (value)
            {
                case string text:
                    return WellFormed(text, out where) ? null : path;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        string key = PowerShellComparison.Text(entry.Key);
                        if (!WellFormed(key, out where))
                        {
                            isName = true;
                            return Child(path, key);
                        }

                        string? found = IllFormed(entry.Value, Child(path, key), out isName, out where);
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                case Array list:
                    int index = 0;
                    foreach (object? item in list)
                    {
                        string? found = IllFormed(item, $"{path}[{index}]", out isName, out where);
                        if (found != null)
                        {
                            return found;
                        }

                        index++;
                    }

                    return null;
                default:
                    return null;
            }
        }

        // "a lone surrogate (U+D800) at index 3" in <paramref name="where"/> when not well-formed.
        private static bool WellFormed(string text, out string where)
        {
            where = string.Empty;
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    where = $"a lone surrogate (U+{(int)text[i]:X4}) at index {i}";
                    return false;
                }
            }

            return true;
        }

        private static string? NonFinite(object? value, string path)
        {
            switch (value)
            {
                case double number:
                    return double.IsInfinity(number) || double.IsNaN(number) ? path : null;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        string? found = NonFinite(entry.Value, Child(path, PowerShellComparison.Text(entry.Key)));
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                case Array list:
                    int index = 0;
                    foreach (object? item in list)
                    {
                        string? found = NonFinite(item, $"{path}[{index}]");
                        if (found != null)
                        {
                            return found;
                        }

                        index++;
                    }

                    return null;
                default:
                    return null;
            }
        }

        // As src/bridge/schemaErrors.ts childPath: $.name, or $["a b"] for other keys.
        internal static string Child(string path, string key) =>
            PlainName.IsMatch(key) ? path + "." + key : path + "[" + Quoted(key) + "]";

        private static string Quoted(string key)
        {
            try
            {
                return Json.JsonCodec.Serialize(key);
            }
            catch (ArgumentException)
            {
                return "\"" + key + "\"";
            }
        }
    }
}
