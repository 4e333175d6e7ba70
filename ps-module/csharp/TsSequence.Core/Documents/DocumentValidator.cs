using System;
using System.Collections;
using System.Collections.Generic;
using TsSequence.Model;

namespace TsSequence.Documents
{
    /// <summary>
    /// Validates a sequence document, or one step, against the generated step model (the rules the
    /// JSON schema Node validates with), reporting every problem as "&lt;JSON path&gt;: &lt;what was
    /// expected&gt;" in document order. Documents are plain data (<see cref="PlainData"/>).
    /// </summary>
    /// <remarks>
    /// A port of the PowerShell validator (Test-TsDocument and its helpers) with its messages, order
    /// and comparisons (see <see cref="PowerShellComparison"/>). It differs only where that one
    /// failed or misread: a root "$comment" passes (strict mode threw on it); a type that matches a
    /// known one only through an ignorable character is unknown (it threw "Unknown step type"); a
    /// property named "keys" is an ordinary property ($dict.Keys read its value instead of the keys);
    /// patterns ignore case in the invariant culture ("İ" is not "i"), whatever the thread's culture.
    /// </remarks>
    public static class DocumentValidator
    {
        /// <summary>How deep steps and conditions may nest (the JSON reader and PlainData stop at 256 already; a cycle ends here).</summary>
        private const int MaxDepth = 1024;

        private static readonly Dictionary<string, ParameterSpec> RootProperties = BuildRootProperties();
        private static readonly string[] AllowedRootNames = BuildAllowedRootNames();
        private static readonly string AllowedRootText = string.Join(", ", AllowedRootNames);

        /// <summary>Every problem of a sequence document as "&lt;JSON path&gt;: &lt;what was expected&gt;"; empty when valid.</summary>
        public static string[] Validate(object? document)
        {
            var errors = new List<string>();
            if (!(document is IDictionary root))
            {
                errors.Add("$: must be an object with \"name\" and \"steps\"");
                return errors.ToArray();
            }

            // The root properties come from the model (src/model/sequence.ts); "$comment" is allowed everywhere.
            foreach (object key in root.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (!PowerShellComparison.Contains(AllowedRootNames, name, ignoreCase: true))
                {
                    errors.Add($"$.{name}: unknown property (allowed: {AllowedRootText})");
                    continue;
                }

                // name, variables and steps have their own checks below.
                if (!RootProperties.TryGetValue(name, out ParameterSpec? property) || property.Type != "string" || PowerShellComparison.Equal(name, "name", ignoreCase: true))
                {
                    continue;
                }

                string? problem = ParameterValueRules.Problem(property, root[key]);
                if (problem != null)
                {
                    errors.Add($"$.{name}: {problem}");
                }
            }

            if (!root.Contains("name") || !(root["name"] is string sequenceName) || sequenceName.Length == 0)
            {
                errors.Add("$.name: must be a non-empty string");
            }

            if (root.Contains("variables"))
            {
                if (!(root["variables"] is IDictionary variables))
                {
                    errors.Add("$.variables: must be an object whose values are strings");
                }
                else
                {
                    foreach (object name in variables.Keys)
                    {
                        if (!(variables[name] is string))
                        {
                            errors.Add($"$.variables.{PowerShellComparison.Text(name)}: must be a string");
                        }
                    }
                }
            }

            if (!root.Contains("steps"))
            {
                errors.Add("$.steps: is required (an array of steps)");
            }
            else
            {
                StepValidator.CheckList(root["steps"], "$.steps", errors, 1);
            }

            return errors.ToArray();
        }

        /// <summary>Every problem of one step (or group) at <paramref name="jsonPath"/>.</summary>
        public static string[] ValidateStep(object? step, string jsonPath)
        {
            var errors = new List<string>();
            StepValidator.Check(step, jsonPath ?? "$", errors, 0);
            return errors.ToArray();
        }

        /// <summary>Refuses a document that nests deeper than any real one (or refers to itself) before the stack runs out.</summary>
        internal static void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ArgumentException($"The document nests deeper than {MaxDepth} levels (or refers to itself).");
            }
        }

        private static Dictionary<string, ParameterSpec> BuildRootProperties()
        {
            // As PowerShell's @{}: ordinal, ignoring case.
            var properties = new Dictionary<string, ParameterSpec>(StringComparer.OrdinalIgnoreCase);
            foreach (ParameterSpec property in StepCatalog.DocumentProperties)
            {
                properties[property.Name] = property;
            }

            return properties;
        }

        private static string[] BuildAllowedRootNames()
        {
            var names = new List<string> { "$comment" };
            foreach (ParameterSpec property in StepCatalog.DocumentProperties)
            {
                names.Add(property.Name);
            }

            return names.ToArray();
        }
    }
}
