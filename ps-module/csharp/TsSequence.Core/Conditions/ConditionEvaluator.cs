using System;
using System.Collections;
using System.Globalization;

namespace TsSequence.Conditions
{
    /// <summary>
    /// Evaluates a condition tree (DESIGN.md section 4) just before its step or group: a list at
    /// the root means all. Each kind has its own file; the tests of the computer (file, folder,
    /// registry, wmi, software) say through <see cref="ConditionContext.Note"/> why they are
    /// false, including "this platform has no registry". A condition that cannot be evaluated (a
    /// bad version, an unreadable key) throws, so its item fails with that message.
    /// </summary>
    public static class ConditionEvaluator
    {
        /// <summary>Whether <paramref name="condition"/> holds (null holds), relative paths against the current directory, telling nobody why.</summary>
        public static bool Holds(object? condition, TsEnvironment environment) => Holds(condition, environment, ConditionContext.Silent);

        /// <summary>Whether <paramref name="condition"/> holds (null holds).</summary>
        public static bool Holds(object? condition, TsEnvironment environment, ConditionContext context)
        {
            if (condition == null)
            {
                return true;
            }

            if (condition is object?[] list)
            {
                return All(list, environment, context);
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
                return All(Children(node["all"]), environment, context);
            }

            if (node.Contains("any"))
            {
                foreach (object? child in Children(node["any"]))
                {
                    if (Holds(child, environment, context))
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
                    if (Holds(child, environment, context))
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

            if (node.Contains("file"))
            {
                return FileCondition.Holds(Properties(node, "file"), environment, context);
            }

            if (node.Contains("folder"))
            {
                return FolderCondition.Holds(Properties(node, "folder"), environment, context);
            }

            if (node.Contains("registry"))
            {
                return RegistryCondition.Holds(Properties(node, "registry"), environment, context);
            }

            if (node.Contains("wmi"))
            {
                return WmiCondition.Holds(Properties(node, "wmi"), environment, context);
            }

            if (node.Contains("software"))
            {
                return SoftwareCondition.Holds(Properties(node, "software"), environment, context);
            }

            throw new ArgumentException("A condition must have one of variable, all, any, none, file, folder, registry, wmi, software, os.");
        }

        /// <summary>A string property that must be there ("the file condition needs a path").</summary>
        internal static string Required(IDictionary properties, string name, string kind) =>
            Optional(properties, name) ?? throw new ArgumentException($"The {kind} condition needs a {name}.");

        /// <summary>A string property, or null when absent.</summary>
        internal static string? Optional(IDictionary properties, string name) => properties[name] == null ? null : Text(properties[name]);

        internal static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

        private static IDictionary Properties(IDictionary node, string kind) =>
            node[kind] as IDictionary ?? throw new ArgumentException($"The {kind} condition must be an object.");

        private static bool All(object?[] children, TsEnvironment environment, ConditionContext context)
        {
            foreach (object? child in children)
            {
                if (!Holds(child, environment, context))
                {
                    return false;
                }
            }

            return true;
        }

        private static object?[] Children(object? value) => value as object?[] ?? (value == null ? new object?[0] : new[] { value });
    }
}
