using System;
using System.Collections.Generic;

namespace TsSequence.Engine.Log
{
    /// <summary>
    /// The CMTrace <c>component</c> of a log line: TSManager for the engine's own lines (as
    /// ConfigMgr's task sequence manager), and for a step's own lines and output the component
    /// ConfigMgr's program for that step logs under (spec 6.1): Run Command Line and Install
    /// Package run through smsswd.exe, which logs as InstallSoftware; Run PowerShell Script as
    /// SMSTSRunPowerShellScript; the others under their program's name. A step type without a
    /// program of its own (Set Task Sequence Variable, groups, Node steps) logs as TSManager.
    /// </summary>
    public static class LogComponents
    {
        /// <summary>The engine's component.</summary>
        public const string Engine = "TSManager";

        private static readonly Dictionary<string, string> ByStepType = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            { "RunCommandLine", "InstallSoftware" },
            { "InstallPackage", "InstallSoftware" },
            { "RunPowerShellScript", "SMSTSRunPowerShellScript" },
            { "InstallApplication", "InstallApplication" },
            { "InstallSoftwareUpdates", "InstallSWUpdate" },
            { "DownloadPackageContent", "OSDDownloadContent" },
            { "CheckReadiness", "TSPrestartCheck" },
            { "ConnectNetworkFolder", "ConnectNetworkFolder" },
            { "SetDynamicVariables", "TSManager" },
        };

        /// <summary>The component of a step of <paramref name="stepType"/>.</summary>
        public static string For(string stepType) =>
            ByStepType.TryGetValue(stepType, out string? component) ? component : Engine;
    }
}
