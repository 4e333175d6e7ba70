using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// One of a script's record streams (errors, warnings, verbose, debug) in bounded memory: the
    /// first <c>keep</c> records (at most <see cref="Limit"/>) are kept in order, the rest only
    /// counted; each record is also handed to <c>seen</c> as it comes (on the script's thread);
    /// the collection is emptied as it fills.
    /// </summary>
    internal sealed class BoundedRecords<T>
    {
        internal const int Limit = 1000;
        private const int DrainAt = 256;
        private readonly List<T> kept = new List<T>();
        private readonly object sync = new object();
        private int dropped;

        internal BoundedRecords(int keep = Limit, Action<T>? seen = null)
        {
            keep = Math.Min(keep, Limit);
            Collection = new PSDataCollection<T>();
            Collection.DataAdding += (sender, e) =>
            {
                if (!(e.ItemAdded is T record))
                {
                    return;
                }

                seen?.Invoke(record);
                lock (sync)
                {
                    if (kept.Count < keep)
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
