using System.Collections.Generic;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// Where a run is, as its saved state has it (spec section 4): the flat index of the next
    /// item (the instruction pointer), the step in progress (set while a step that can act
    /// outside the state runs; a resume that finds it set knows the run died in that step), the
    /// retries left per step, and the groups started but not finished (their result entries
    /// stay open across a restart).
    /// </summary>
    internal sealed class RunProgress
    {
        /// <summary>Running, RestartPending, Succeeded or Failed.</summary>
        internal string Status { get; set; } = "Running";

        /// <summary>The flat index of the next item to start.</summary>
        internal int Position { get; set; }

        /// <summary>The flat index of the step that was running when the state was saved; null between steps.</summary>
        internal int? InProgress { get; set; }

        /// <summary>
        /// Why the step in progress did not finish, when the engine knows: "cancelled" (the run was
        /// cancelled while it ran: Node aborted the request or went away); null after a crash.
        /// </summary>
        internal string? Interruption { get; set; }

        /// <summary>Retries left of the steps that started (flat index → count), from their retryCount.</summary>
        internal Dictionary<int, int> RetriesLeft { get; } = new Dictionary<int, int>();

        /// <summary>The groups started and not finished, outermost first.</summary>
        internal List<OpenGroup> OpenGroups { get; } = new List<OpenGroup>();

        /// <summary>The restart provider that acted on the last restart (its registration is removed on resume).</summary>
        internal string? RestartedBy { get; set; }

        /// <summary>
        /// How many restarts the run has stopped for so far (any kind): from the second on, a
        /// restart the engine performs waits SMSTSRebootDelayNext instead of SMSTSRebootDelay.
        /// </summary>
        internal int Restarts { get; set; }

        /// <summary>Why the run stopped for a restart (RestartPending only).</summary>
        internal string? RestartReason { get; set; }
    }

    /// <summary>A started group: its flat index and the index of its result entry.</summary>
    internal sealed class OpenGroup
    {
        internal OpenGroup(int index, int resultIndex)
        {
            Index = index;
            ResultIndex = resultIndex;
        }

        internal int Index { get; }

        internal int ResultIndex { get; }
    }
}
