using System.Collections.Specialized;
using System.IO;

namespace TsSequence.Json
{
    /// <summary>
    /// The engine reads property names ignoring case (as PowerShell does), so an object holding
    /// two names that differ only in case would lose one value without a word: it is refused.
    /// </summary>
    internal static class JsonNames
    {
        internal static void RefuseDuplicate(OrderedDictionary properties, string name)
        {
            if (!properties.Contains(name))
            {
                return;
            }

            string first = FirstName(properties, name);
            string what = first == name ? $"the property name '{name}' twice" : $"the property names '{first}' and '{name}', which differ only in case";
            throw new InvalidDataException($"An object has {what}: names are read ignoring case, so one of the values would be lost.");
        }

        private static string FirstName(OrderedDictionary properties, string name)
        {
            foreach (object key in properties.Keys)
            {
                if (string.Equals((string)key, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return (string)key;
                }
            }

            return name;
        }
    }
}
