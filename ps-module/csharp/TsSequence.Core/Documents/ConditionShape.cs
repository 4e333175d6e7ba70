using System;
using System.Collections;
using System.Collections.Generic;

namespace TsSequence.Documents
{
    /// <summary>The shape of a condition tree (DESIGN.md section 4, Conditions); what it means is the evaluator's.</summary>
    internal static class ConditionShape
    {
        private static readonly string[] Kinds = { "variable", "all", "any", "none", "file", "folder", "registry", "wmi", "software", "os" };
        private static readonly string[] Groups = { "all", "any", "none" };
        private static readonly string[] VariableProperties = { "variable", "operator", "value" };
        private static readonly string[] Operators = { "exists", "notExists", "equals", "notEquals", "less", "lessEqual", "greater", "greaterEqual", "like", "notLike" };
        private static readonly string[] ValuelessOperators = { "exists", "notExists" };
        private static readonly string KindsText = string.Join(", ", Kinds);
        private static readonly string OperatorsText = string.Join(", ", Operators);

        /// <summary>Adds every problem of <paramref name="condition"/> (an object or a list of them) at <paramref name="jsonPath"/>.</summary>
        internal static void Check(object? condition, string jsonPath, List<string> errors, int depth)
        {
            DocumentValidator.CheckDepth(depth);
            if (condition is Array list)
            {
                int index = 0;
                foreach (object? item in list)
                {
                    Check(item, $"{jsonPath}[{index}]", errors, depth + 1);
                    index++;
                }

                return;
            }

            if (!(condition is IDictionary node))
            {
                errors.Add($"{jsonPath}: must be a condition object");
                return;
            }

            // Exactly one property names the kind; the names are matched with case (-ccontains).
            object? kindKey = null;
            int kinds = 0;
            foreach (object key in node.Keys)
            {
                if (PowerShellComparison.Contains(Kinds, key, ignoreCase: false))
                {
                    kindKey = key;
                    kinds++;
                }
            }

            if (kinds != 1)
            {
                errors.Add($"{jsonPath}: must have exactly one of {KindsText}");
                return;
            }

            // As the PowerShell switch on it: "variable" (ignoring case), all/any/none, else a kind whose value is an object.
            string kind = PowerShellComparison.Text(kindKey);
            if (PowerShellComparison.Equal(kind, "variable", ignoreCase: true))
            {
                CheckVariable(node, jsonPath, errors);
            }
            else if (PowerShellComparison.Contains(Groups, kind, ignoreCase: false))
            {
                if (!(node[kindKey!] is Array children))
                {
                    errors.Add($"{jsonPath}.{kind}: must be an array of conditions");
                    return;
                }

                int index = 0;
                foreach (object? child in children)
                {
                    Check(child, $"{jsonPath}.{kind}[{index}]", errors, depth + 1);
                    index++;
                }
            }
            else if (!(node[kindKey!] is IDictionary))
            {
                errors.Add($"{jsonPath}.{kind}: must be an object");
            }
        }

        private static void CheckVariable(IDictionary node, string jsonPath, List<string> errors)
        {
            foreach (object key in node.Keys)
            {
                if (!PowerShellComparison.Contains(VariableProperties, key, ignoreCase: false))
                {
                    errors.Add($"{jsonPath}.{PowerShellComparison.Text(key)}: unknown property for a variable condition");
                }
            }

            if (!(node["variable"] is string name) || name.Length == 0)
            {
                errors.Add($"{jsonPath}.variable: must be a variable name");
            }

            object? op = node["operator"];
            if (!PowerShellComparison.Contains(Operators, op, ignoreCase: false))
            {
                errors.Add($"{jsonPath}.operator: must be one of {OperatorsText}");
            }
            else if (!PowerShellComparison.Contains(ValuelessOperators, op, ignoreCase: false) && !(node["value"] is string))
            {
                errors.Add($"{jsonPath}.value: must be a string for operator '{PowerShellComparison.Text(op)}'");
            }
        }
    }
}
