using System.Collections.Specialized;
using System.IO;

namespace TsSequence.Json
{
    /// <summary>
    /// The engine reads property names ignoring case (as PowerShell does), so an object holding
    /// two names that differ only in case would lose one value without a word: it is refused.
    /// (Node's validator refuses it too: src/bridge/caseCollision.ts.)
    /// </summary>
    internal static class JsonNames
    {
        internal static void RefuseDuplicate(OrderedDictionary properties, string name)
        {
            if (!properties.Contains(name))
            {
                return;
            }

            // The same name twice: the last value wins, as JSON.parse (and so Node's validator) has it.
            string first = FirstName(properties, name);
            if (string.Equals(first, name, System.StringComparison.Ordinal))
            {
                return;
            }

            throw new InvalidDataException($"An object has the property names '{first}' and '{name}', which differ only in case: names are read ignoring case, so one of the values would be lost.");
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
