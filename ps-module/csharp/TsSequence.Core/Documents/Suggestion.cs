using System;
using System.Collections.Generic;

namespace TsSequence.Documents
{
    /// <summary>
    /// " (did you mean 'continueOnError'?)" for a misspelt name: the known name that differs only
    /// in case, else the nearest by edit distance when it is close (at most a third of the name).
    /// src/bridge/suggestion.ts does the same for the Node validator, so both say the same.
    /// </summary>
    internal static class Suggestion
    {
        /// <summary>The suffix to add to a message, or "" when no known name is close.</summary>
        internal static string For(string name, IEnumerable<string> known)
        {
            string? best = Nearest(name, known);
            return best == null ? string.Empty : $" (did you mean '{best}'?)";
        }

        internal static string? Nearest(string name, IEnumerable<string> known)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string candidate in known)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }

                int distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best != null && bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
        }

        // Levenshtein distance over UTF-16 units.
        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                int[] swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
