using System;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// Runspaces for script steps. Every script starts in a fresh runspace (no variables or
    /// functions of an earlier script), built from the engine's own InitialSessionState so it sees
    /// the commands the engine has. Opening one costs far more than a cheap step, so when a script
    /// step is done, the next one is opened in the background: a sequence of script steps pays for
    /// it once. Nothing is opened before the first script step needs it. A runspace with its own
    /// settings (a Windows execution policy) is opened on the spot.
    /// </summary>
    internal static class RunspaceSupply
    {
        private static readonly object Sync = new object();
        private static InitialSessionState? spareState;
        private static Task<Runspace>? spare;

        /// <summary>An open runspace from <paramref name="state"/>; the caller disposes it.</summary>
        internal static Runspace Take(InitialSessionState state, bool reusableState)
        {
            if (!reusableState)
            {
                return Open(state);
            }

            Task<Runspace>? ready;
            lock (Sync)
            {
                ready = ReferenceEquals(spareState, state) ? spare : null;
                if (ready == null && spare != null)
                {
                    // A spare of another engine runspace's state: not for this one.
                    spare.ContinueWith(opened => opened.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
                }

                spare = null;
                spareState = null;
            }

            Runspace? runspace = null;
            if (ready != null)
            {
                try
                {
                    runspace = ready.GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // The background open failed: open one here, so its error (if any) is the step's.
                    runspace = null;
                }
            }

            return runspace ?? Open(state);
        }

        /// <summary>
        /// Opens the next runspace in the background, once a script step is done with its own: not
        /// while a script runs, whose CPU it would take.
        /// </summary>
        internal static void Refill(InitialSessionState state)
        {
            lock (Sync)
            {
                if (spare != null)
                {
                    return;
                }

                spareState = state;
                spare = Task.Run(() => Open(state));
            }
        }

        private static Runspace Open(InitialSessionState state)
        {
            Runspace runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            return runspace;
        }
    }
}
