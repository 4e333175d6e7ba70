using System;
using System.Globalization;
using System.Numerics;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace TsSequence.Conditions
{
    /// <summary>
    /// A variable condition's operator (DESIGN.md section 5). equals/notEquals ignore case.
    /// less/greater compare as numbers when both sides are numbers, as versions when both look
    /// like a.b[.c[.d]], else ordinally ignoring case. like/notLike use PowerShell wildcards,
    /// ignoring case. An undefined variable (null) only satisfies notExists, notEquals and notLike.
    /// </summary>
    public static class VariableComparison
    {
        private static readonly Regex VersionShape = new Regex(@"^\d+(\.\d+){1,3}$", RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="actual"/> (null: undefined) satisfies <paramref name="op"/> against <paramref name="expected"/>.</summary>
        public static bool Holds(string? actual, string op, string expected)
        {
            bool defined = actual != null;
            string value = actual ?? string.Empty;
            switch (op)
            {
                case "exists":
                    return defined;
                case "notExists":
                    return !defined;
                case "equals":
                    return defined && string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
                case "notEquals":
                    return !(defined && string.Equals(value, expected, StringComparison.OrdinalIgnoreCase));
                case "like":
                    return defined && Wildcard(expected).IsMatch(value);
                case "notLike":
                    return !(defined && Wildcard(expected).IsMatch(value));
            }

            if (!defined)
            {
                return false;
            }

            // less, lessEqual, greater, greaterEqual: the same six-operator rule file and registry conditions use.
            return ComparisonOperator.Holds(op, Compare(value, expected));
        }

        /// <summary>Numbers as numbers, versions as versions, anything else ordinally ignoring case.</summary>
        public static int Compare(string left, string right)
        {
            // Whole numbers exactly, however long (a double would call 10^23 and 10^23 - 1 equal).
            if (BigInteger.TryParse(left, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out BigInteger leftWhole) &&
                BigInteger.TryParse(right, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out BigInteger rightWhole))
            {
                return leftWhole.CompareTo(rightWhole);
            }

            if (double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out double leftNumber) &&
                double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out double rightNumber))
            {
                return leftNumber.CompareTo(rightNumber);
            }

            if (VersionShape.IsMatch(left) && VersionShape.IsMatch(right))
            {
                return new Version(left).CompareTo(new Version(right));
            }

            return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
        }

        private static WildcardPattern Wildcard(string pattern) => new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
    }
}
