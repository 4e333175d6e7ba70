using System;

namespace TsSequence.Conditions
{
    /// <summary>The six comparison operators of file, folder and registry conditions, on an ordering.</summary>
    internal static class ComparisonOperator
    {
        /// <summary>Whether <paramref name="order"/> (actual compared with expected: &lt;0, 0, &gt;0) satisfies <paramref name="op"/>.</summary>
        internal static bool Holds(string op, int order)
        {
            switch (op)
            {
                case "equals":
                    return order == 0;
                case "notEquals":
                    return order != 0;
                case "less":
                    return order < 0;
                case "lessEqual":
                    return order <= 0;
                case "greater":
                    return order > 0;
                case "greaterEqual":
                    return order >= 0;
                default:
                    throw new ArgumentException($"Unknown comparison operator '{op}' (expected equals, notEquals, less, lessEqual, greater or greaterEqual).");
            }
        }

        /// <summary>How the operator reads in a log line ("equals" → "=").</summary>
        internal static string Symbol(string op)
        {
            switch (op)
            {
                case "equals": return "=";
                case "notEquals": return "!=";
                case "less": return "<";
                case "lessEqual": return "<=";
                case "greater": return ">";
                case "greaterEqual": return ">=";
                default: return op;
            }
        }
    }
}
