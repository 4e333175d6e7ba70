using System;
using System.Collections;
using System.Globalization;

namespace TsSequence.Conditions
{
    /// <summary>
    /// Evaluates a condition tree (DESIGN.md section 4) against a run's variables; a list at
    /// the root means all. Values are %var%-expanded first, as ConfigMgr expands step fields.
    /// Kinds not implemented yet throw, so the item fails with a clear message instead of
    /// silently running or skipping. The tree was validated before the run.
    /// </summary>
    public static class ConditionEvaluator
    {
        /// <summary>Whether <paramref name="condition"/> holds (null holds).</summary>
        public static bool Holds(object? condition, TsEnvironment environment)
        {
            if (condition == null)
            {
                return true;
            }

            if (condition is object[] list)
            {
                return All(list, environment);
            }

            if (!(condition is IDictionary node))
            {
                throw new ArgumentException("A condition must be an object or an array of conditions.");
            }

            if (node.Contains("variable"))
            {
                string expected = node["value"] == null ? string.Empty : environment.Expand(Text(node["value"]));
                return VariableComparison.Holds(environment.Get(Text(node["variable"])), Text(node["operator"]), expected);
            }

            if (node.Contains("all"))
            {
                return All(Children(node["all"]), environment);
            }

            if (node.Contains("any"))
            {
                foreach (object? child in Children(node["any"]))
                {
                    if (Holds(child, environment))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (node.Contains("none"))
            {
                foreach (object? child in Children(node["none"]))
                {
                    if (Holds(child, environment))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (node.Contains("os"))
            {
                return OsCondition.Holds(node["os"] as IDictionary);
            }

            string kind = string.Empty;
            foreach (object key in node.Keys)
            {
                kind = Text(key);
                break;
            }

            throw new NotSupportedException($"The '{kind}' condition is not implemented yet in this version of tsseq; variable, all, any, none and os conditions are.");
        }

        private static bool All(object?[] children, TsEnvironment environment)
        {
            foreach (object? child in children)
            {
                if (!Holds(child, environment))
                {
                    return false;
                }
            }

            return true;
        }

        private static object?[] Children(object? value) => value as object?[] ?? (value == null ? new object?[0] : new[] { value });

        internal static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
