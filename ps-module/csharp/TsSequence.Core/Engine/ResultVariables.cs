using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace TsSequence.Engine
{
    /// <summary>
    /// The variables as they may leave the engine: sorted by name (ignoring case), secret
    /// variables as ********, and any secret value copied into another variable (say, a
    /// command's output) masked too.
    /// </summary>
    public static class ResultVariables
    {
        /// <summary>The masked, sorted variables of <paramref name="environment"/>.</summary>
        public static OrderedDictionary Of(TsEnvironment environment)
        {
            Dictionary<string, string> masked = environment.MaskedSnapshot();
            var names = new string[masked.Count];
            var values = new string[masked.Count];
            masked.Keys.CopyTo(names, 0);
            masked.Values.CopyTo(values, 0); // the same order as Keys
            Array.Sort(names, values, StringComparer.OrdinalIgnoreCase);
            var sorted = new OrderedDictionary(names.Length, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < names.Length; i++)
            {
                sorted.Add(names[i], environment.Mask(values[i]));
            }

            return sorted;
        }
    }
}
