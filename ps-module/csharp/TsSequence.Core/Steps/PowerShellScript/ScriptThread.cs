using System.Threading;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// The thread a step's script runs on, told by the wrapper as the script starts, so that a
    /// timeout can interrupt a .NET call the script is blocked in (WaitOne, Thread.Sleep, Join,
    /// Monitor.Wait), which PowerShell's stop cannot reach. Public only for the wrapper to call.
    /// </summary>
    public sealed class ScriptThread
    {
        // The bridge request running when the step began: its Node steps are the script's.
        private readonly object? request = TsSequence.Engine.AttachedNodeSteps.Current;
        private Thread? thread;

        /// <summary>Called by the wrapper on the script's thread: binds it to the step's bridge request too.</summary>
        public void Enter()
        {
            Volatile.Write(ref thread, Thread.CurrentThread);
            TsSequence.Engine.AttachedNodeSteps.BindThread(request);
        }

        /// <summary>Interrupts the script's blocking call; false when its thread is not known or has ended.</summary>
        internal bool Interrupt()
        {
            Thread? current = Volatile.Read(ref thread);
            if (current == null || !current.IsAlive)
            {
                return false;
            }

            current.Interrupt();
            return true;
        }

        /// <summary>Says what the object is.</summary>
        public override string ToString() => "TsSequence script thread";
    }
}
