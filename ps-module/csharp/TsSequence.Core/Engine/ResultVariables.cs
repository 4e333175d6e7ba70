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
            masked.Keys.CopyTo(names, 0);
            Array.Sort(names, StringComparer.OrdinalIgnoreCase);
            var sorted = new OrderedDictionary(names.Length, StringComparer.OrdinalIgnoreCase);
            foreach (string name in names)
            {
                sorted[name] = environment.Mask(masked[name]);
            }

            return sorted;
        }
    }
}
