using TsSequence.Engine;

namespace TsSequence.Protocol
{
    /// <summary>
    /// What the bridge server needs from the module that started it (Start-TsBridgeServer):
    /// the session (its run folder is every invokeStep's) and what the <c>ready</c> message reports.
    /// </summary>
    public sealed class BridgeEngine
    {
        /// <summary>The module session's shared state.</summary>
        public EngineSession Session { get; set; } = new EngineSession();

        /// <summary><c>$PSVersionTable.PSVersion</c>, for the ready message.</summary>
        public string PSVersion { get; set; } = string.Empty;

        /// <summary><c>$PSVersionTable.PSEdition</c>.</summary>
        public string PSEdition { get; set; } = string.Empty;

        /// <summary>The TsSequence module's version.</summary>
        public string ModuleVersion { get; set; } = string.Empty;
    }
}
