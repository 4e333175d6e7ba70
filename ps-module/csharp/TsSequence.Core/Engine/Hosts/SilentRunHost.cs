namespace TsSequence.Engine.Hosts
{
    /// <summary>A run host that shows nothing: the bridge (Node gets log events instead).</summary>
    public sealed class SilentRunHost : IRunHost
    {
        /// <summary>The one instance.</summary>
        public static SilentRunHost Instance { get; } = new SilentRunHost();

        /// <inheritdoc/>
        public bool VerboseEnabled => false;

        /// <inheritdoc/>
        public void WriteVerbose(string text)
        {
        }

        /// <inheritdoc/>
        public void WriteWarning(string text)
        {
        }
    }
}
