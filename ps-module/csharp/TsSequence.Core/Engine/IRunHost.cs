namespace TsSequence.Engine
{
    /// <summary>
    /// Where a run's verbose lines and warnings go: the calling PowerShell command (its
    /// -Verbose and warning preferences apply), or nowhere (the bridge, which sends log events).
    /// </summary>
    public interface IRunHost
    {
        /// <summary>Whether verbose lines are shown; when not, they are not even built.</summary>
        bool VerboseEnabled { get; }

        /// <summary>Writes one verbose line.</summary>
        void WriteVerbose(string text);

        /// <summary>Writes one warning.</summary>
        void WriteWarning(string text);
    }
}
