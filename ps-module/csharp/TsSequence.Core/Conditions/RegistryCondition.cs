using System;
using System.Collections;

namespace TsSequence.Conditions
{
    /// <summary>
    /// A registry condition (spec 2.2, Registry Setting), on the 64-bit view. exists/notExists test
    /// the value (the key's default value when value is empty or absent), and its type when one is
    /// given; the comparisons compare the value's data, as text, with data whatever the type
    /// (numbers as numbers, versions as versions, else text ignoring case), and are false when the
    /// value does not exist. Where there is no registry the condition is false, and says so.
    /// </summary>
    internal static class RegistryCondition
    {
        internal static bool Holds(IDictionary registry, TsEnvironment environment, ConditionContext context)
        {
            string keyPath = environment.Expand(ConditionEvaluator.Required(registry, "keyPath", "registry"));
            string name = environment.Expand(ConditionEvaluator.Optional(registry, "value") ?? string.Empty);
            string op = ConditionEvaluator.Required(registry, "operator", "registry");
            string? type = ConditionEvaluator.Optional(registry, "type");
            string what = name.Length == 0 ? keyPath : keyPath + "\\" + name;
            if (!WindowsRegistry.TrySplitKeyPath(keyPath, out IntPtr hive, out string subKey))
            {
                throw new ArgumentException($"registry.keyPath '{keyPath}' does not start with a hive (HKLM, HKCU, HKCR, HKU, HKCC or their long names).");
            }

            if (!Platform.IsWindows)
            {
                return context.False("registry", what, "this platform has no registry");
            }

            RegistryValue? found = WindowsRegistry.ReadValue(hive, subKey, name, view32: false, out bool keyExists);
            string missing = keyExists ? (name.Length == 0 ? "the key has no default value" : "the value does not exist") : "the key does not exist";
            bool exists = found != null && (type == null || string.Equals(found.TypeName, type, StringComparison.OrdinalIgnoreCase));
            switch (op)
            {
                case "exists":
                    return exists || context.False("registry", what, found == null ? missing : $"the value is {found.TypeName}, not {type}");
                case "notExists":
                    return !exists || context.False("registry", what, "the value exists");
            }

            if (found == null)
            {
                return context.False("registry", what, missing);
            }

            string expected = environment.Expand(ConditionEvaluator.Optional(registry, "data") ?? string.Empty);
            string actual = found.Text;
            bool holds = op == "equals" || op == "notEquals"
                ? string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase) == (op == "equals")
                : ComparisonOperator.Holds(op, VariableComparison.Compare(actual, expected));
            return holds || context.False("registry", what, $"its data '{actual}' is not {ComparisonOperator.Symbol(op)} '{expected}'");
        }
    }
}
