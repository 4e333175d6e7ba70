using System;
using System.Management.Automation;

namespace TsSequence.Engine.Hosts
{
    /// <summary>
    /// The PowerShell command that started the run: verbose lines and warnings go to its streams,
    /// under its preferences (-Verbose, $VerbosePreference), read once when the run starts.
    /// </summary>
    public sealed class CmdletRunHost : IRunHost
    {
        private readonly PSCmdlet cmdlet;

        /// <summary>A host writing to <paramref name="cmdlet"/>.</summary>
        public CmdletRunHost(PSCmdlet cmdlet)
        {
            this.cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
            object? preference = cmdlet.GetVariableValue("VerbosePreference");
            if (preference is PSObject wrapped)
            {
                preference = wrapped.BaseObject;
            }

            VerboseEnabled = preference != null && LanguagePrimitives.TryConvertTo(preference, out ActionPreference verbose) && verbose != ActionPreference.SilentlyContinue && verbose != ActionPreference.Ignore;
        }

        /// <inheritdoc/>
        public bool VerboseEnabled { get; }

        /// <inheritdoc/>
        public void WriteVerbose(string text) => cmdlet.WriteVerbose(text);

        /// <inheritdoc/>
        public void WriteWarning(string text) => cmdlet.WriteWarning(text);
    }
}
