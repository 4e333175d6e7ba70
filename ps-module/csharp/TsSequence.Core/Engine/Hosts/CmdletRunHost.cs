using System;
using System.Management.Automation;

namespace TsSequence.Engine.Hosts
{
    /// <summary>
    /// The PowerShell command that started the run: verbose lines and warnings go to its streams.
    /// Whether verbose lines are wanted is the command's $VerbosePreference as it passes it
    /// (-Verbose sets it in the command's own scope, where only the command can read it).
    /// </summary>
    public sealed class CmdletRunHost : IRunHost
    {
        private readonly PSCmdlet cmdlet;

        /// <summary>A host writing to <paramref name="cmdlet"/>.</summary>
        public CmdletRunHost(PSCmdlet cmdlet, object? verbosePreference)
        {
            this.cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
            object? preference = verbosePreference;
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
