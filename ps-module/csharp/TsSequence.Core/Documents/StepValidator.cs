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

            // The type is matched with case, as the schema matches it; "runcommandline" gets a suggestion.
            string? type = ObjectShape.ExactKey(properties, "type") ? properties["type"] as string : null;
            if (type == null || !RulesByType.TryGetValue(type, out TypeRules? rules))
            {
                errors.Add($"{jsonPath}.type: must be one of {KnownTypesText}{(type == null ? string.Empty : Suggestion.For(type, KnownTypes))}");
                return;
            }

            foreach (object key in properties.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (name == "type")
                {
                    continue;
                }

                if (name == "$comment")
                {
                    if (!(properties[key] is string))
                    {
                        errors.Add($"{jsonPath}.$comment: must be a string");
                    }

                    continue;
                }

                // A known name in another case ("Name") is unknown here, though its value is still checked below.
                if (!rules.ByName.TryGetValue(name, out ParameterSpec? parameter) || !string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    errors.Add($"{jsonPath}.{name}: unknown property for a {type} step{Suggestion.For(name, rules.Names)}");
                }
            }

            foreach (ParameterSpec parameter in rules.Parameters)
            {
                if (!properties.Contains(parameter.Name) || !ObjectShape.ExactKey(properties, parameter.Name))
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

            if (ParameterNamed(rules, "rules") && properties["rules"] is Array ruleList && ObjectShape.ExactKey(properties, "rules"))
            {
                RuleShape.CheckList(ruleList, jsonPath + ".rules", errors, depth + 1);
            }

            if (ObjectShape.ExactKey(properties, "condition") && (properties["condition"] is IDictionary || properties["condition"] is Array))
            {
                ConditionShape.Check(properties["condition"], jsonPath + ".condition", errors, depth + 1);
            }

            // A "steps" that is not a list was reported by its value check above: only a list is walked.
            if (type == StepCatalog.Group.Name && properties["steps"] is Array && ObjectShape.ExactKey(properties, "steps"))
            {
                CheckList(properties["steps"], jsonPath + ".steps", errors, depth + 1);
            }
        }

        private static bool ParameterNamed(TypeRules rules, string name) => rules.ByName.TryGetValue(name, out ParameterSpec? parameter) && parameter.Type == name;

        private static Dictionary<string, TypeRules> BuildRules()
        {
            var rules = new Dictionary<string, TypeRules>(StringComparer.Ordinal);
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

            /// <summary>The property names a step of this type may have.</summary>
            internal List<string> Names
            {
                get
                {
                    var names = new List<string> { "type", "$comment" };
                    foreach (ParameterSpec parameter in Parameters)
                    {
                        names.Add(parameter.Name);
                    }

                    return names;
                }
            }
        }
    }
}
