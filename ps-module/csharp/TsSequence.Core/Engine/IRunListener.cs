using System.Collections.Specialized;

namespace TsSequence.Engine
{
    /// <summary>
    /// Receives a run's events (stepStarted, stepFinished, log, progress) as dictionaries, in
    /// order, on the engine's thread. A run without a listener builds no events at all.
    /// </summary>
    public interface IRunListener
    {
        /// <summary>One event; its text is already masked.</summary>
        void Send(OrderedDictionary payload);
    }
}
