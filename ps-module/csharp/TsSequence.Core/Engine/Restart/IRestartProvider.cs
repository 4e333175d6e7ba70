namespace TsSequence.Engine.Restart
{
    /// <summary>
    /// Acts on a restart once the run's state is saved (DESIGN.md section 5): <c>exit</c> does
    /// nothing more (the run returns RestartPending and the caller resumes it); <c>windows</c> and
    /// <c>systemd</c> register a resume at boot and restart the computer.
    /// </summary>
    internal interface IRestartProvider
    {
        /// <summary>Registers the resume of the run saved in <paramref name="stateFolder"/> and restarts.</summary>
        void Restart(string stateFolder, string runId, RestartRequest request);

        /// <summary>Removes what <see cref="Restart"/> registered, when the run resumes.</summary>
        void Unregister(string runId);
    }
}
