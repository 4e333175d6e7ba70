using System;
using System.IO;
using System.Management.Automation;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// The PowerShell that runs inside a script step's runspace (ps-module/ScriptSurface, embedded
    /// in this assembly): the shim that gives ConfigMgr's COM objects, and the wrapper that runs
    /// the .ps1 as powershell.exe -File does. Read and parsed once per process; the parsed shim
    /// belongs to no runspace, so it runs in whichever invokes it.
    /// </summary>
    internal static class ScriptSurface
    {
        private static readonly Lazy<ScriptBlock> Shim = new Lazy<ScriptBlock>(() => ScriptBlock.Create(Read("TsScriptShim.ps1")));
        private static readonly Lazy<string> Wrapper = new Lazy<string>(() => Read("TsScriptWrapper.ps1"));

        /// <summary>The wrapper's text (a script: its values come in $args).</summary>
        internal static string WrapperText => Wrapper.Value;

        /// <summary>Runs the shim in <paramref name="shell"/>'s runspace with the step's environment view.</summary>
        internal static void InstallShim(PowerShell shell, TsEnvironmentView view)
        {
            shell.AddScript("param($Shim, $View) & $Shim -TsEnvironment $View").AddParameter("Shim", Shim.Value).AddParameter("View", view).Invoke();
            shell.Commands.Clear();
        }

        private static string Read(string name)
        {
            using (Stream? stream = typeof(ScriptSurface).Assembly.GetManifestResourceStream("TsSequence.ScriptSurface." + name))
            {
                if (stream == null)
                {
                    throw new InvalidOperationException($"The engine core lacks its embedded {name}; rebuild it (npm run build).");
                }

                using (var reader = new StreamReader(stream))
                {
                    return reader.ReadToEnd();
                }
            }
        }
    }
}
