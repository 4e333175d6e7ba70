using System.Collections.Generic;
using System.Management.Automation;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// One of a script's record streams (errors, warnings, verbose) in bounded memory: the first
    /// <see cref="Limit"/> records are kept in order, the rest only counted; the collection is
    /// emptied as it fills.
    /// </summary>
    internal sealed class BoundedRecords<T>
    {
        internal const int Limit = 1000;
        private const int DrainAt = 256;
        private readonly List<T> kept = new List<T>();
        private readonly object sync = new object();
        private int dropped;

        internal BoundedRecords()
        {
            Collection = new PSDataCollection<T>();
            Collection.DataAdding += (sender, e) =>
            {
                lock (sync)
                {
                    if (kept.Count < Limit && e.ItemAdded is T record)
                    {
                        kept.Add(record);
                    }
                    else
                    {
                        dropped++;
                    }
                }
            };
            Collection.DataAdded += (sender, e) =>
            {
                // Clear, not ReadAll: ReadAll removes one item at a time from the front.
                if (Collection.Count >= DrainAt)
                {
                    Collection.Clear();
                }
            };
        }

        /// <summary>The collection the invocation writes the stream to.</summary>
        internal PSDataCollection<T> Collection { get; }

        /// <summary>The records kept so far (a copy), and how many more there were.</summary>
        internal T[] Snapshot(out int more)
        {
            lock (sync)
            {
                more = dropped;
                return kept.ToArray();
            }
        }
    }
}
