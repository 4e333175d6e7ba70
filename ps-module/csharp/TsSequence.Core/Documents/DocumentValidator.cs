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
    /// It accepts exactly the documents the JSON schema (generated/tsseq.schema.json) accepts, which
    /// tsseq validate checks with, plus what a run refuses (variable names, see
    /// <see cref="DocumentLimits"/>); test/bridge/validatorAgreement.test.ts holds the two to that.
    /// Names, types and enumerations match with case, as the schema does, and a near miss is
    /// suggested ("did you mean 'continueOnError'?").
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

            // What the engine cannot even be handed (too deep, 1e999) is all that is said: it is no document.
            DocumentLimits.Check(document, errors);
            if (errors.Count > 0)
            {
                return errors.ToArray();
            }

            // The root properties come from the model (src/model/sequence.ts), with case; "$comment" is allowed everywhere.
            foreach (object key in root.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (Array.IndexOf(AllowedRootNames, name) < 0)
                {
                    errors.Add($"$.{name}: unknown property (allowed: {AllowedRootText}){Suggestion.For(name, AllowedRootNames)}");
                    continue;
                }

                // name, variables and steps have their own checks below.
                if (!RootProperties.TryGetValue(name, out ParameterSpec? property) || property.Type != "string" || name == "name")
                {
                    continue;
                }

                string? problem = ParameterValueRules.Problem(property, root[key]);
                if (problem != null)
                {
                    errors.Add($"$.{name}: {problem}");
                }
            }

            if (!ObjectShape.ExactKey(root, "name") || !(root["name"] is string sequenceName) || sequenceName.Length == 0)
            {
                errors.Add("$.name: must be a non-empty string");
            }
            else if (ParameterValueRules.CodePoints(sequenceName) > 100)
            {
                errors.Add("$.name: must be at most 100 characters long");
            }

            if (ObjectShape.ExactKey(root, "variables"))
            {
                if (!(root["variables"] is IDictionary variables))
                {
                    errors.Add("$.variables: must be an object whose values are strings");
                }
                else
                {
                    foreach (object name in variables.Keys)
                    {
                        string text = PowerShellComparison.Text(name);
                        string where = DocumentLimits.Child("$.variables", text);
                        if (!(variables[name] is string))
                        {
                            errors.Add($"{where}: must be a string");
                        }

                        // What the run would refuse: an invalid name, or a read-only "_" one.
                        string? nameProblem = TsEnvironment.GetNameProblem(text);
                        if (nameProblem != null)
                        {
                            errors.Add($"{where}: {nameProblem}");
                        }
                    }
                }
            }

            if (!ObjectShape.ExactKey(root, "steps"))
            {
                errors.Add("$.steps: is required (an array of steps)");
            }
            else
            {
                StepValidator.CheckList(root["steps"], "$.steps", errors, 1);
            }

            return errors.ToArray();
        }

        /// <summary>
        /// What a valid document does that will not work yet: each step whose type this version
        /// of the engine cannot run (Steps/StepRunners.cs), as "&lt;JSON path&gt;.type: …".
        /// </summary>
        public static string[] Warnings(object? document)
        {
            var warnings = new List<string>();
            if (document is IDictionary root && root["steps"] is Array steps)
            {
                ImplementedSteps.Warn(steps, "$.steps", warnings, 0);
            }

            return warnings.ToArray();
        }

        /// <summary>Every problem of one step (or group) at <paramref name="jsonPath"/>.</summary>
        public static string[] ValidateStep(object? step, string jsonPath)
        {
            var errors = new List<string>();
            DocumentLimits.Check(step, errors);
            if (errors.Count > 0)
            {
                return errors.ToArray();
            }

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
