using System;
using System.Collections;
using System.Collections.Generic;

namespace TsSequence.Documents
{
    /// <summary>
    /// The shape of a small object of the document that the step model has no parameter list for
    /// (a condition's properties, a Set Dynamic Variables rule): its properties in order, each a
    /// check returning what was expected or null. "$comment" is allowed, as the schema allows it
    /// in every object. Unknown names are reported first, then each property in order.
    /// </summary>
    internal sealed class ObjectShape
    {
        private readonly string what;
        private readonly List<KeyValuePair<string, Func<object?, string?>>> properties = new List<KeyValuePair<string, Func<object?, string?>>>();
        private readonly HashSet<string> required = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>A shape named <paramref name="what"/> in messages ("a file condition").</summary>
        internal ObjectShape(string what)
        {
            this.what = what;
        }

        internal ObjectShape Add(string name, Func<object?, string?> check, bool isRequired = false)
        {
            properties.Add(new KeyValuePair<string, Func<object?, string?>>(name, check));
            if (isRequired)
            {
                required.Add(name);
            }

            return this;
        }

        /// <summary>The names this shape knows.</summary>
        internal IEnumerable<string> Names
        {
            get
            {
                yield return "$comment";
                foreach (var property in properties)
                {
                    yield return property.Key;
                }
            }
        }

        /// <summary>Adds the problems of <paramref name="value"/> at <paramref name="jsonPath"/>; false when it is not an object at all.</summary>
        internal bool Check(object? value, string jsonPath, List<string> errors)
        {
            if (!(value is IDictionary node))
            {
                errors.Add($"{jsonPath}: must be an object");
                return false;
            }

            var known = new List<string>(Names);
            foreach (object key in node.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (!known.Contains(name))
                {
                    errors.Add($"{jsonPath}.{name}: unknown property for {what}{Suggestion.For(name, known)}");
                }
            }

            if (node.Contains("$comment") && !(node["$comment"] is string) && ExactKey(node, "$comment"))
            {
                errors.Add($"{jsonPath}.$comment: must be a string");
            }

            foreach (var property in properties)
            {
                if (!node.Contains(property.Key) || !ExactKey(node, property.Key))
                {
                    if (required.Contains(property.Key))
                    {
                        errors.Add($"{jsonPath}.{property.Key}: is required");
                    }

                    continue;
                }

                string? problem = property.Value(node[property.Key]);
                if (problem != null)
                {
                    errors.Add($"{jsonPath}.{property.Key}: {problem}");
                }
            }

            return true;
        }

        /// <summary>Whether the document spelt <paramref name="name"/> with this case (its dictionaries ignore case).</summary>
        internal static bool ExactKey(IDictionary node, string name)
        {
            foreach (object key in node.Keys)
            {
                if (string.Equals(PowerShellComparison.Text(key), name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        internal static Func<object?, string?> Text(int? minLength = null, int? maxLength = null, string? pattern = null) =>
            value => value is string text ? ParameterValueRules.TextProblem(text, minLength, maxLength, null, pattern) : "must be a string";

        internal static Func<object?, string?> OneOf(params string[] allowed) =>
            value => value is string text && PowerShellComparison.Contains(allowed, text, ignoreCase: false) && Array.IndexOf(allowed, text) >= 0 ? null : "must be one of " + string.Join(", ", allowed);

        internal static readonly Func<object?, string?> Boolean = value => value is bool ? null : "must be true or false";

        internal static readonly Func<object?, string?> TextOrTexts = value =>
            value is string || (value is Array items && All(items, item => item is string)) ? null : "must be a string or an array of strings";

        internal static bool All(Array items, Func<object?, bool> fits)
        {
            foreach (object? item in items)
            {
                if (!fits(item))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
