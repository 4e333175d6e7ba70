using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using TsSequence.Model;

namespace TsSequence.Documents
{
    /// <summary>One property value against its model description (the parameter's kind and limits).</summary>
    internal static class ParameterValueRules
    {
        private static readonly ConcurrentDictionary<string, Regex> Patterns = new ConcurrentDictionary<string, Regex>(StringComparer.Ordinal);

        /// <summary>What was expected ("must be a string", ...), or null when the value fits.</summary>
        internal static string? Problem(ParameterSpec parameter, object? value)
        {
            if (value == null)
            {
                return "must not be null";
            }

            switch (parameter.Type)
            {
                case "string":
                    return StringProblem(parameter, value);
                case "boolean":
                    return value is bool ? null : "must be true or false";
                case "integer":
                    return IsInteger(value) ? RangeProblem(parameter, ToDouble(value)) : "must be an integer";
                case "number":
                    return IsNumber(value) ? RangeProblem(parameter, ToDouble(value)) : "must be a number";
                case "string[]":
                    return AllItems(value, item => item is string) ? null : "must be an array of strings";
                case "integer[]":
                    return AllItems(value, IsInteger) ? null : "must be an array of integers";
                case "steps":
                    return value is Array ? null : "must be an array of steps";
                case "parameters":
                    return value is string || (value is IDictionary named && AllValues(named, IsScriptArgument)) ? null : "must be a string of script parameters or an object of named values";
                case "rules":
                    return value is Array ? null : "must be an array of rules";
                case "condition":
                    return value is IDictionary || value is Array ? null : "must be a condition object or an array of conditions";
                case "object":
                    return value is IDictionary ? null : "must be an object";
                default:
                    // "variables" (checked by the document): anything.
                    return null;
            }
        }

        /// <summary>A whole number: an int or a long, or a double without a fraction (3.0; not a bool, a string or a decimal).</summary>
        internal static bool IsInteger(object? value)
        {
            switch (value)
            {
                case int _:
                case long _:
                    return true;
                case double number:
                    return Math.Floor(number) == number;
                default:
                    return false;
            }
        }

        /// <summary>A number: an int, a long, a double or a decimal.</summary>
        internal static bool IsNumber(object? value) => value is int || value is long || value is double || value is decimal;

        private static string? StringProblem(ParameterSpec parameter, object value) =>
            value is string text ? TextProblem(text, parameter.MinLength, parameter.MaxLength, parameter.Enum, parameter.Pattern) : "must be a string";

        /// <summary>
        /// A string against its limits as the JSON schema states them: lengths in characters (code
        /// points: an emoji is one), enumerations with case, patterns as JavaScript reads them.
        /// </summary>
        internal static string? TextProblem(string text, int? minLength, int? maxLength, IReadOnlyList<string>? allowed, string? pattern)
        {
            int length = CodePoints(text);
            if (minLength != null && length < minLength)
            {
                return $"must be at least {Number(minLength.Value)} characters long";
            }

            if (maxLength != null && length > maxLength)
            {
                return $"must be at most {Number(maxLength.Value)} characters long";
            }

            if (allowed != null && !PowerShellComparison.Contains(allowed, text, ignoreCase: false))
            {
                return "must be one of " + string.Join(", ", allowed);
            }

            if (pattern != null && !Pattern(pattern).IsMatch(text))
            {
                return "must match the pattern " + pattern;
            }

            return null;
        }

        /// <summary>Characters as JSON schema counts them: a surrogate pair is one.</summary>
        internal static int CodePoints(string text)
        {
            int count = text.Length;
            for (int i = 1; i < text.Length; i++)
            {
                if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
                {
                    count--;
                }
            }

            return count;
        }

        private static string? RangeProblem(ParameterSpec parameter, double value)
        {
            if (parameter.Minimum != null && value < parameter.Minimum)
            {
                return "must be at least " + Number(parameter.Minimum.Value);
            }

            if (parameter.Maximum != null && value > parameter.Maximum)
            {
                return "must be at most " + Number(parameter.Maximum.Value);
            }

            return null;
        }

        // A named script argument: a string, a number, true/false or a list of strings.
        private static bool IsScriptArgument(object? value) => value is string || value is bool || IsNumber(value) || AllItems(value!, item => item is string);

        private static bool AllValues(IDictionary values, Func<object?, bool> fits)
        {
            foreach (object? value in values.Values)
            {
                if (value == null || !fits(value))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AllItems(object value, Func<object?, bool> fits)
        {
            if (!(value is Array items))
            {
                return false;
            }

            foreach (object? item in items)
            {
                if (!fits(item))
                {
                    return false;
                }
            }

            return true;
        }

        private static double ToDouble(object value) => value is decimal exact ? (double)exact : Convert.ToDouble(value, CultureInfo.InvariantCulture);

        // As PowerShell writes a number into a string: 0, 0.01, 999.
        private static string Number(double value) => value.ToString("G15", CultureInfo.InvariantCulture);

        // As the JSON schema's validator (JavaScript) reads a pattern: with case, \d only ASCII digits
        // (ECMAScript), and a final $ only at the very end (.NET's also matches before a final newline).
        private static Regex Pattern(string pattern) =>
            Patterns.GetOrAdd(pattern, text => new Regex(text.EndsWith("$", StringComparison.Ordinal) && !text.EndsWith("\\$", StringComparison.Ordinal) ? text + "(?![\\s\\S])" : text, RegexOptions.ECMAScript));
    }
}
