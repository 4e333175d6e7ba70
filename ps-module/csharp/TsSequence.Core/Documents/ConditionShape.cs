using System;
using System.Collections;
using System.Collections.Generic;

namespace TsSequence.Documents
{
    /// <summary>
    /// The shape of a condition tree (DESIGN.md section 4, Conditions; src/model/conditions.ts):
    /// what the JSON schema allows, no more and no less, so Test-TsSequence and tsseq validate
    /// accept the same conditions. What they mean is the evaluator's (Conditions/).
    /// </summary>
    internal static class ConditionShape
    {
        private static readonly string[] Kinds = { "variable", "all", "any", "none", "file", "folder", "registry", "wmi", "software", "os" };
        private static readonly string[] Groups = { "all", "any", "none" };
        private static readonly string[] VariableProperties = { "$comment", "variable", "operator", "value" };
        private static readonly string[] Operators = { "exists", "notExists", "equals", "notEquals", "less", "lessEqual", "greater", "greaterEqual", "like", "notLike" };
        private static readonly string[] ValuelessOperators = { "exists", "notExists" };
        private static readonly string[] Comparisons = { "equals", "notEquals", "less", "lessEqual", "greater", "greaterEqual" };
        private static readonly string[] RegistryOperators = { "exists", "notExists", "equals", "notEquals", "less", "lessEqual", "greater", "greaterEqual" };
        private static readonly string[] RegistryTypes = { "REG_SZ", "REG_EXPAND_SZ", "REG_DWORD", "REG_MULTI_SZ", "REG_BINARY", "REG_QWORD", "REG_NONE" };
        private static readonly string[] Platforms = { "windows", "linux", "macos" };
        private static readonly string KindsText = string.Join(", ", Kinds);
        private static readonly string OperatorsText = string.Join(", ", Operators);

        // The schema's pattern of a condition timestamp (src/model/conditions.ts).
        private const string DateTimePattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$";

        private static readonly Dictionary<string, ObjectShape> Tests = new Dictionary<string, ObjectShape>(StringComparer.Ordinal)
        {
            {
                "file", new ObjectShape("a file condition")
                    .Add("path", ObjectShape.Text(minLength: 1), isRequired: true)
                    .Add("version", ObjectShape.Text())
                    .Add("versionOperator", ObjectShape.OneOf(Comparisons))
                    .Add("dateTime", ObjectShape.Text(pattern: DateTimePattern))
                    .Add("dateTimeOperator", ObjectShape.OneOf(Comparisons))
            },
            {
                "folder", new ObjectShape("a folder condition")
                    .Add("path", ObjectShape.Text(minLength: 1), isRequired: true)
                    .Add("dateTime", ObjectShape.Text(pattern: DateTimePattern))
                    .Add("dateTimeOperator", ObjectShape.OneOf(Comparisons))
            },
            {
                "registry", new ObjectShape("a registry condition")
                    .Add("keyPath", ObjectShape.Text(minLength: 1), isRequired: true)
                    .Add("value", ObjectShape.Text(maxLength: 250))
                    .Add("type", ObjectShape.OneOf(RegistryTypes))
                    .Add("operator", ObjectShape.OneOf(RegistryOperators), isRequired: true)
                    .Add("data", ObjectShape.Text())
            },
            {
                "wmi", new ObjectShape("a wmi condition")
                    .Add("namespace", ObjectShape.Text(minLength: 1))
                    .Add("query", ObjectShape.Text(minLength: 1, maxLength: 16384), isRequired: true)
            },
            {
                "software", new ObjectShape("a software condition")
                    .Add("operator", ObjectShape.OneOf("anyVersion", "thisVersion"), isRequired: true)
                    .Add("productCode", ObjectShape.Text())
                    .Add("productName", ObjectShape.Text())
                    .Add("upgradeCode", ObjectShape.Text())
                    .Add("version", ObjectShape.Text())
            },
            {
                "os", new ObjectShape("an os condition")
                    .Add("platform", value => value is Array list && ObjectShape.All(list, item => item is string name && Array.IndexOf(Platforms, name) >= 0) ? null : "must be an array of platforms (windows, linux, macos)")
                    .Add("minVersion", ObjectShape.Text())
            },
        };

        /// <summary>Adds every problem of <paramref name="condition"/> (an object or a list of them) at <paramref name="jsonPath"/>.</summary>
        internal static void Check(object? condition, string jsonPath, List<string> errors, int depth)
        {
            DocumentValidator.CheckDepth(depth);
            if (condition is Array list)
            {
                int index = 0;
                foreach (object? item in list)
                {
                    CheckOne(item, $"{jsonPath}[{index}]", errors, depth + 1);
                    index++;
                }

                return;
            }

            CheckOne(condition, jsonPath, errors, depth);
        }

        // One condition object (a list inside a list is not one: the schema allows lists only at the root).
        private static void CheckOne(object? condition, string jsonPath, List<string> errors, int depth)
        {
            if (!(condition is IDictionary node))
            {
                errors.Add($"{jsonPath}: must be a condition object");
                return;
            }

            // Exactly one property names the kind, with case.
            string? kind = null;
            int kinds = 0;
            foreach (object key in node.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (Array.IndexOf(Kinds, name) >= 0)
                {
                    kind = name;
                    kinds++;
                }
            }

            if (kinds != 1)
            {
                errors.Add($"{jsonPath}: must have exactly one of {KindsText}{(kinds == 0 ? KindSuggestion(node) : string.Empty)}");
                return;
            }

            if (kind == "variable")
            {
                CheckVariable(node, jsonPath, errors);
                return;
            }

            CheckOnlyKind(node, kind!, jsonPath, errors);
            if (Array.IndexOf(Groups, kind) >= 0)
            {
                if (!(node[kind!] is Array children))
                {
                    errors.Add($"{jsonPath}.{kind}: must be an array of conditions");
                    return;
                }

                int index = 0;
                foreach (object? child in children)
                {
                    DocumentValidator.CheckDepth(depth + 1);
                    CheckOne(child, $"{jsonPath}.{kind}[{index}]", errors, depth + 1);
                    index++;
                }

                return;
            }

            Tests[kind!].Check(node[kind!], $"{jsonPath}.{kind}", errors);
        }

        // Beside its kind a condition object may only have a $comment.
        private static void CheckOnlyKind(IDictionary node, string kind, string jsonPath, List<string> errors)
        {
            foreach (object key in node.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (name != kind && name != "$comment")
                {
                    errors.Add($"{jsonPath}.{name}: unknown property for a{(kind == "all" || kind == "any" || kind == "os" ? "n" : string.Empty)} {kind} condition");
                }
                else if (name == "$comment" && !(node[key] is string))
                {
                    errors.Add($"{jsonPath}.$comment: must be a string");
                }
            }
        }

        private static string KindSuggestion(IDictionary node)
        {
            foreach (object key in node.Keys)
            {
                string suggestion = Suggestion.For(PowerShellComparison.Text(key), Kinds);
                if (suggestion.Length > 0)
                {
                    return suggestion;
                }
            }

            return string.Empty;
        }

        private static void CheckVariable(IDictionary node, string jsonPath, List<string> errors)
        {
            foreach (object key in node.Keys)
            {
                string name = PowerShellComparison.Text(key);
                if (Array.IndexOf(VariableProperties, name) < 0)
                {
                    errors.Add($"{jsonPath}.{name}: unknown property for a variable condition{Suggestion.For(name, VariableProperties)}");
                }
                else if (name == "$comment" && !(node[key] is string))
                {
                    errors.Add($"{jsonPath}.$comment: must be a string");
                }
            }

            if (!(node["variable"] is string variable) || variable.Length == 0)
            {
                errors.Add($"{jsonPath}.variable: must be a variable name");
            }
            else if (ParameterValueRules.CodePoints(variable) > 256)
            {
                errors.Add($"{jsonPath}.variable: must be at most 256 characters long");
            }

            object? op = ObjectShape.ExactKey(node, "operator") ? node["operator"] : null;
            bool hasValue = ObjectShape.ExactKey(node, "value");
            if (!(op is string opText) || Array.IndexOf(Operators, opText) < 0)
            {
                errors.Add($"{jsonPath}.operator: must be one of {OperatorsText}{(op is string text ? Suggestion.For(text, Operators) : string.Empty)}");
                if (hasValue && !(node["value"] is string))
                {
                    errors.Add($"{jsonPath}.value: must be a string");
                }
            }
            else if (Array.IndexOf(ValuelessOperators, opText) < 0 && !(hasValue && node["value"] is string))
            {
                errors.Add($"{jsonPath}.value: must be a string for operator '{opText}'");
            }
            else if (hasValue && !(node["value"] is string))
            {
                errors.Add($"{jsonPath}.value: must be a string");
            }
        }
    }
}
