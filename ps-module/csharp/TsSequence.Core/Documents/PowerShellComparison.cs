using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TsSequence.Documents
{
    /// <summary>
    /// The string comparisons of PowerShell's operators, which the validator's messages were
    /// written against (ps-module/Private/Validation). -eq, -contains and switch compare with the
    /// invariant culture, ignoring case; -ceq and -ccontains the same with case. A culture
    /// comparison is not an ordinal one: ignorable characters (U+0000, a soft hyphen, a zero
    /// width space) do not count, so "type\u0000" -ceq "type". The documents' dictionaries and
    /// PowerShell's @{} compare ordinally ignoring case; those lookups use the dictionary itself.
    /// </summary>
    internal static class PowerShellComparison
    {
        private static readonly CompareInfo Invariant = CultureInfo.InvariantCulture.CompareInfo;

        /// <summary>PowerShell's <c>$a -eq $b</c> (<paramref name="ignoreCase"/>) or <c>-ceq</c> on two strings.</summary>
        internal static bool Equal(string left, string right, bool ignoreCase)
        {
            // Printable ASCII has no ignorable character and no case but A-Z's, in ICU and NLS
            // alike: there the culture comparison is the ordinal one, which costs far less.
            if (IsPrintableAscii(left) && IsPrintableAscii(right))
            {
                return string.Equals(left, right, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            }

            return Invariant.Compare(left, right, ignoreCase ? CompareOptions.IgnoreCase : CompareOptions.None) == 0;
        }

        /// <summary>
        /// PowerShell's <c>$list -contains $value</c> (<paramref name="ignoreCase"/>) or <c>-ccontains</c>
        /// on a list of strings: a non-string value is compared as PowerShell converts it to a string
        /// (so a one-item array ["exists"] is "exists"); $null is in no list of strings.
        /// </summary>
        internal static bool Contains(IReadOnlyList<string> list, object? value, bool ignoreCase)
        {
            if (value == null)
            {
                return false;
            }

            string text = Text(value);
            foreach (string item in list)
            {
                if (Equal(item, text, ignoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A value as PowerShell writes it into a string ("$value"): $null is empty, an array its
        /// items joined by spaces (a nested collection by its type name), a dictionary its type name.
        /// </summary>
        internal static string Text(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case IDictionary _:
                    return Scalar(value);
                case IEnumerable items:
                    var joined = new StringBuilder();
                    bool first = true;
                    foreach (object? item in items)
                    {
                        if (!first)
                        {
                            joined.Append(' ');
                        }

                        joined.Append(Scalar(item));
                        first = false;
                    }

                    return joined.ToString();
                default:
                    return Scalar(value);
            }
        }

        private static bool IsPrintableAscii(string text)
        {
            foreach (char c in text)
            {
                if (c < ' ' || c > '~')
                {
                    return false;
                }
            }

            return true;
        }

        private static string Scalar(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case bool flag:
                    return flag ? "True" : "False";
                case double number:
                    return number.ToString("G15", CultureInfo.InvariantCulture);
                case float number:
                    return number.ToString("G7", CultureInfo.InvariantCulture);
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? string.Empty;
            }
        }
    }
}
