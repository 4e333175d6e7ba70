using System;
using System.Collections;
using System.Collections.Generic;

namespace TsSequence.Documents
{
    /// <summary>
    /// The shape of a Set Dynamic Variables rule (DESIGN.md section 4, src/model): at most one
    /// matcher (computer, location, makeModel or condition) and the variables it sets.
    /// </summary>
    internal static class RuleShape
    {
        private static readonly string[] Matchers = { "computer", "location", "makeModel", "condition" };

        private static readonly ObjectShape Computer = new ObjectShape("a computer match")
            .Add("macAddress", ObjectShape.TextOrTexts).Add("serialNumber", ObjectShape.TextOrTexts)
            .Add("uuid", ObjectShape.TextOrTexts).Add("assetTag", ObjectShape.TextOrTexts);

        private static readonly ObjectShape Location = new ObjectShape("a location match").Add("defaultGateway", ObjectShape.TextOrTexts, isRequired: true);

        private static readonly ObjectShape MakeModel = new ObjectShape("a makeModel match")
            .Add("make", ObjectShape.Text(minLength: 1), isRequired: true).Add("model", ObjectShape.Text(minLength: 1), isRequired: true);

        private static readonly ObjectShape Variable = new ObjectShape("a dynamic variable")
            .Add("name", ObjectShape.Text(maxLength: 256), isRequired: true)
            .Add("value", ObjectShape.Text(maxLength: 4000), isRequired: true)
            .Add("isSecret", ObjectShape.Boolean);

        /// <summary>Adds the problems of a step's rules (already known to be an array) at <paramref name="jsonPath"/>.</summary>
        internal static void CheckList(Array rules, string jsonPath, List<string> errors, int depth)
        {
            int index = 0;
            foreach (object? rule in rules)
            {
                Check(rule, $"{jsonPath}[{index}]", errors, depth + 1);
                index++;
            }
        }

        private static void Check(object? value, string jsonPath, List<string> errors, int depth)
        {
            if (!(value is IDictionary rule))
            {
                errors.Add($"{jsonPath}: must be a rule object");
                return;
            }

            string? matcher = null;
            foreach (string name in Matchers)
            {
                if (ObjectShape.ExactKey(rule, name))
                {
                    if (matcher != null)
                    {
                        errors.Add($"{jsonPath}: must have at most one of {string.Join(", ", Matchers)}");
                        return;
                    }

                    matcher = name;
                }
            }

            var shape = new ObjectShape(matcher == null ? "a rule" : $"a {matcher} rule")
                .Add("variables", item => item is Array ? null : "must be an array of variables", isRequired: true);
            if (matcher != null)
            {
                shape.Add(matcher, _ => null);
            }

            shape.Check(rule, jsonPath, errors);
            switch (matcher)
            {
                case "computer":
                    Computer.Check(rule[matcher], $"{jsonPath}.computer", errors);
                    break;
                case "location":
                    Location.Check(rule[matcher], $"{jsonPath}.location", errors);
                    break;
                case "makeModel":
                    MakeModel.Check(rule[matcher], $"{jsonPath}.makeModel", errors);
                    break;
                case "condition":
                    object? condition = rule[matcher];
                    if (condition is IDictionary || condition is Array)
                    {
                        ConditionShape.Check(condition, $"{jsonPath}.condition", errors, depth + 1);
                    }
                    else
                    {
                        errors.Add($"{jsonPath}.condition: must be a condition object or an array of conditions");
                    }

                    break;
            }

            if (rule["variables"] is Array variables && ObjectShape.ExactKey(rule, "variables"))
            {
                int index = 0;
                foreach (object? variable in variables)
                {
                    Variable.Check(variable, $"{jsonPath}.variables[{index}]", errors);
                    index++;
                }
            }
        }
    }
}
