using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Threading;

namespace TsSequence.Engine
{
    /// <summary>
    /// The Node bridge this process serves, for <c>Invoke-TsStep</c> and <c>Invoke-TsSequence</c>
    /// called by a script while a bridge request runs (a Run PowerShell Script step, or a runspace
    /// it started): their Node steps call the Node handlers of the engine that sent the request.
    /// The bridge server attaches a handler for each request it serves and detaches it, having
    /// stopped every call still waiting, before it reads the next one. Outside a bridge request
    /// nothing is attached and a Node step fails saying so. A call belongs to the request whose
    /// script step started its thread (<see cref="BindThread"/>; .NET passes the binding on to the
    /// threads, tasks and runspaces that thread starts): a runspace an earlier request's script
    /// left running is refused, it never calls into a later, unrelated request.
    /// </summary>
    public static class AttachedNodeSteps
    {
        private static INodeStepHandler? attached;

        // The request whose script step started this thread (flows to threads it starts).
        private static readonly AsyncLocal<object?> startedBy = new AsyncLocal<object?>();

        /// <summary>The bridge request running now, as a handle for <see cref="BindThread"/>; null outside one.</summary>
        public static object? Current => Volatile.Read(ref attached);

        /// <summary>Binds this thread (a script step's), and what it starts, to <paramref name="request"/>: the <see cref="Current"/> of when the step began.</summary>
        public static void BindThread(object? request) => startedBy.Value = request;

        /// <summary>True while a bridge request runs in this process.</summary>
        public static bool IsAttached => Volatile.Read(ref attached) != null;

        /// <summary>
        /// Node steps for a command called by <paramref name="caller"/>: the attached bridge, with
        /// a wait that ends when the caller's pipeline is stopped (Ctrl+C, the script step's
        /// timeout); null when no bridge request runs.
        /// </summary>
        public static INodeStepHandler? For(PSCmdlet? caller)
        {
            INodeStepHandler? bridge = Volatile.Read(ref attached);
            if (bridge == null)
            {
                return null;
            }

            return ReferenceEquals(startedBy.Value, bridge) ? new StoppableNodeSteps(bridge, caller) : (INodeStepHandler)new RefusedNodeSteps();
        }

        /// <summary>Attaches the bridge request's handler (null detaches).</summary>
        public static void Attach(INodeStepHandler? handler) => Volatile.Write(ref attached, handler);

        /// <summary>A call from a thread no script step of the running request started.</summary>
        private sealed class RefusedNodeSteps : INodeStepHandler
        {
            public IDictionary? Invoke(OrderedDictionary call) =>
                throw new InvalidOperationException($"The Node step handler '{call["handler"]}' was not called: this script does not belong to the Node bridge request running now (it was started by an earlier request's step, which has ended, or outside any step).");
        }

        /// <summary>
        /// Runs the call with this thread's <see cref="RunCancellation"/> cancelled when the
        /// caller's pipeline stops: a pipeline stop cannot interrupt a .NET call by itself.
        /// </summary>
        private sealed class StoppableNodeSteps : INodeStepHandler
        {
            private const int StopPollMilliseconds = 25;
            private readonly INodeStepHandler bridge;
            private readonly PSCmdlet? caller;

            internal StoppableNodeSteps(INodeStepHandler bridge, PSCmdlet? caller)
            {
                this.bridge = bridge;
                this.caller = caller;
            }

            public IDictionary? Invoke(OrderedDictionary call)
            {
                using (var stop = CancellationTokenSource.CreateLinkedTokenSource(RunCancellation.Current))
                using (new Timer(_ => CancelWhenStopping(stop), null, StopPollMilliseconds, StopPollMilliseconds))
                using (RunCancellation.Use(stop.Token))
                {
                    return bridge.Invoke(call);
                }
            }

            private void CancelWhenStopping(CancellationTokenSource stop)
            {
                try
                {
                    if (caller != null && caller.Stopping)
                    {
                        stop.Cancel();
                    }
                }
                catch (ObjectDisposedException)
                {
                    // the call ended between the tick and the check
                }
            }
        }
    }
}
