using System;
using System.Collections;
using System.Globalization;

namespace TsSequence.Engine
{
    /// <summary>How the walker reads an item of a validated document (plain data: a dictionary per step or group).</summary>
    internal static class Items
    {
        internal static string Name(IDictionary item) => Text(item["name"]);

        internal static string Type(IDictionary item) => Text(item["type"]);

        internal static bool IsGroup(IDictionary item) => string.Equals(Type(item), "Group", StringComparison.Ordinal);

        internal static bool Flag(IDictionary item, string name) => item[name] is bool flag && flag;

        /// <summary>A group's child items (an empty list when it has none).</summary>
        internal static object?[] Children(IDictionary item) => item["steps"] as object?[] ?? new object?[0];

        /// <summary>Names from the root joined by '/'.</summary>
        internal static string JoinPath(string parentPath, string name) => parentPath.Length == 0 ? name : parentPath + "/" + name;

        /// <summary>
        /// How many instructions the items are: every step and group counts one, a group's
        /// children count too (ConfigMgr numbers groups and steps in one flat table, spec 4).
        /// </summary>
        internal static int InstructionCount(object?[] items)
        {
            int count = 0;
            foreach (object? value in items)
            {
                count++;
                if (value is IDictionary item && IsGroup(item) && item["steps"] is object?[] children)
                {
                    count += InstructionCount(children);
                }
            }

            return count;
        }

        internal static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
