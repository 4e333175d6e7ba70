using System;
using System.Collections;
using System.Collections.Generic;
using TsSequence.Model;

namespace TsSequence.Documents
{
    /// <summary>A list of steps, and one step or group (recursively), against the step model.</summary>
    internal static class StepValidator
    {
        private static readonly string[] KnownTypes = StepCatalog.KnownTypeNames;
        private static readonly string KnownTypesText = string.Join(", ", KnownTypes);
        private static readonly Dictionary<string, TypeRules> RulesByType = BuildRules();

        /// <summary>Adds the problems of every step of <paramref name="steps"/> (which must be an array) at <paramref name="jsonPath"/>.</summary>
        internal static void CheckList(object? steps, string jsonPath, List<string> errors, int depth)
        {
            DocumentValidator.CheckDepth(depth);
            if (!(steps is Array list))
            {
                errors.Add($"{jsonPath}: must be an array of steps");
                return;
            }

            int index = 0;
            foreach (object? step in list)
            {
                Check(step, $"{jsonPath}[{index}]", errors, depth + 1);
                index++;
            }
        }

        /// <summary>Adds the problems of one step or group at <paramref name="jsonPath"/>.</summary>
        internal static void Check(object? step, string jsonPath, List<string> errors, int depth)
        {
            DocumentValidator.CheckDepth(depth);
            if (!(step is IDictionary properties))
            {
                errors.Add($"{jsonPath}: must be an object with a \"type\"");
                return;
            }

            // The type is matched ignoring case ("group" is a Group), and messages name it as written.
            string? type = properties["type"] as string;
            TypeRules? rules = type != null && PowerShellComparison.Contains(KnownTypes, type, ignoreCase: true) ? Resolve(type) : null;
            if (type == null || rules == null)
            {
                errors.Add($"{jsonPath}.type: must be one of {KnownTypesText}");
                return;
            }

            foreach (object key in properties.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (PowerShellComparison.Equal(name, "type", ignoreCase: false) || PowerShellComparison.Equal(name, "$comment", ignoreCase: false))
                {
                    continue;
                }

                // A known name in another case ("Name") is unknown here, though its value is still checked below.
                if (!rules.ByName.TryGetValue(name, out ParameterSpec? parameter) || !PowerShellComparison.Equal(parameter.Name, name, ignoreCase: false))
                {
                    errors.Add($"{jsonPath}.{name}: unknown property for a {type} step");
                }
            }

            foreach (ParameterSpec parameter in rules.Parameters)
            {
                if (!properties.Contains(parameter.Name))
                {
                    if (parameter.Required)
                    {
                        errors.Add($"{jsonPath}.{parameter.Name}: is required");
                    }

                    continue;
                }

                string? problem = ParameterValueRules.Problem(parameter, properties[parameter.Name]);
                if (problem != null)
                {
                    errors.Add($"{jsonPath}.{parameter.Name}: {problem}");
                }
            }

            if (properties.Contains("condition") && properties["condition"] != null)
            {
                ConditionShape.Check(properties["condition"], jsonPath + ".condition", errors, depth + 1);
            }

            // A "steps" that is not a list was reported by its value check above: only a list is walked.
            if (PowerShellComparison.Equal(type, StepCatalog.Group.Name, ignoreCase: true) && properties["steps"] is Array)
            {
                CheckList(properties["steps"], jsonPath + ".steps", errors, depth + 1);
            }
        }

        // Group and Node as PowerShell's switch matches them (culture, ignoring case), a step type
        // as the model's dictionary finds it (ordinal, ignoring case). A name that passes the known
        // check only through an ignorable character ("RunCommandLine\u0000") finds nothing: unknown.
        private static TypeRules? Resolve(string type)
        {
            if (PowerShellComparison.Equal(type, StepCatalog.Group.Name, ignoreCase: true))
            {
                return RulesByType[StepCatalog.Group.Name];
            }

            if (PowerShellComparison.Equal(type, StepCatalog.Node.Name, ignoreCase: true))
            {
                return RulesByType[StepCatalog.Node.Name];
            }

            return RulesByType.TryGetValue(type, out TypeRules? rules) ? rules : null;
        }

        private static Dictionary<string, TypeRules> BuildRules()
        {
            var rules = new Dictionary<string, TypeRules>(StringComparer.OrdinalIgnoreCase);
            foreach (string type in KnownTypes)
            {
                rules[type] = new TypeRules(StepCatalog.ParametersOf(type));
            }

            return rules;
        }

        /// <summary>A type's parameters (options first), and by name ignoring case (a later one wins, as in @{}).</summary>
        private sealed class TypeRules
        {
            internal TypeRules(ParameterSpec[] parameters)
            {
                Parameters = parameters;
                ByName = new Dictionary<string, ParameterSpec>(StringComparer.OrdinalIgnoreCase);
                foreach (ParameterSpec parameter in parameters)
                {
                    ByName[parameter.Name] = parameter;
                }
            }

            internal ParameterSpec[] Parameters { get; }

            internal Dictionary<string, ParameterSpec> ByName { get; }
        }
    }
}
