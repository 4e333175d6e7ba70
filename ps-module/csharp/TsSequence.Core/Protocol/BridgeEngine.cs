using System.Management.Automation;

namespace TsSequence.Protocol
{
    /// <summary>
    /// The module's engine as the bridge server reaches it, set up by Start-TsBridgeServer:
    /// script blocks bound to the module (so they see its private functions), which the server
    /// invokes on the pipeline thread, and what the <c>ready</c> message reports.
    /// </summary>
    public sealed class BridgeEngine
    {
        /// <summary><c>param($arguments) Invoke-TsStepCore @arguments</c>.</summary>
        public ScriptBlock? InvokeStep { get; set; }

        /// <summary><c>param($arguments) Invoke-TsSequence @arguments</c>.</summary>
        public ScriptBlock? RunSequence { get; set; }

        /// <summary>The engine's -OnEvent: hands a run event to <see cref="BridgeServer.SendEvent"/>.</summary>
        public ScriptBlock? OnEvent { get; set; }

        /// <summary>The engine's -NodeStepHandler: hands a Node step call to <see cref="BridgeServer.Callback"/>.</summary>
        public ScriptBlock? NodeStepHandler { get; set; }

        /// <summary>What getStepTypes answers: the generated step type descriptions.</summary>
        public object[] StepTypes { get; set; } = new object[0];

        /// <summary><c>$PSVersionTable.PSVersion</c>, for the ready message.</summary>
        public string PSVersion { get; set; } = string.Empty;

        /// <summary><c>$PSVersionTable.PSEdition</c>.</summary>
        public string PSEdition { get; set; } = string.Empty;

        /// <summary>The TsSequence module's version.</summary>
        public string ModuleVersion { get; set; } = string.Empty;
    }
}
