using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using TsSequence.Engine;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// The objects a script wrote to its success stream, for the step result's 'output': the
    /// first <see cref="MaxObjects"/> as JSON values (<see cref="OutputValue"/>), in order, while
    /// they fit in <see cref="MaxSize"/> (about one unit per JSON character, see <see cref="OutputValue"/>). The first object that
    /// does not fit ends the list and sets <see cref="Truncated"/>; from then on objects are not
    /// even looked at, so a script printing gigabytes costs nothing more. A run keeps at most
    /// <see cref="MaxRunSize"/> of output across all its steps (a sequence's result document holds
    /// every step's entry until the run ends): past it a step's output is empty and truncated.
    /// </summary>
    internal sealed class OutputObjects
    {
        internal const int MaxObjects = 1000;
        internal const long MaxSize = 1000000;
        internal const long MaxRunSize = 8000000;

        // What each run (one RunContext: a sequence, or one invokeStep) has left, without widening RunContext.
        private static readonly ConditionalWeakTable<RunContext, RunBudget> RunBudgets = new ConditionalWeakTable<RunContext, RunBudget>();

        private readonly List<object?> kept = new List<object?>();
        private readonly TsEnvironment environment;
        private readonly RunBudget run;
        private readonly long budget;
        private long left;
        private volatile bool full;

        internal OutputObjects(RunContext context, TsEnvironment environment)
        {
            this.environment = environment;
            run = RunBudgets.GetValue(context, _ => new RunBudget());
            budget = System.Math.Max(0, System.Math.Min(MaxSize, Interlocked.Read(ref run.Left)));
            left = budget;
        }

        /// <summary>Some object did not fit: the list is a prefix of what the script wrote.</summary>
        internal bool Truncated { get; private set; }

        /// <summary>Takes one object (on the script's thread, as it is written).</summary>
        internal void Add(object? item)
        {
            if (full)
            {
                return;
            }

            lock (kept)
            {
                if (kept.Count >= MaxObjects || !OutputValue.TryConvert(item, environment, left, out object? value, out long used))
                {
                    full = true;
                    Truncated = true;
                    return;
                }

                left -= used;
                kept.Add(value);
            }
        }

        /// <summary>The values kept, charged to the run's budget (call once, when the script has ended).</summary>
        internal object?[] Take()
        {
            lock (kept)
            {
                Interlocked.Add(ref run.Left, left - budget);
                return kept.ToArray();
            }
        }

        private sealed class RunBudget
        {
            internal long Left = MaxRunSize;
        }
    }
}
