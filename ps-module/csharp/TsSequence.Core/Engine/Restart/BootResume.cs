using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace TsSequence.Engine.Restart
{
    /// <summary>
    /// The command a provider registers to run at boot: PowerShell running <c>resume.ps1</c>, a
    /// fixed script written into the state folder, with the state folder and the module as its
    /// arguments. Values are never written into script text: the script is the same for every run.
    /// </summary>
    internal static class BootResume
    {
        private const string Script =
            "# Written by tsseq: resumes a task sequence run at boot (its restart provider registered this).\n" +
            "param([Parameter(Mandatory = $true)][string]$StateDirectory, [Parameter(Mandatory = $true)][string]$ModulePath, [string]$RestartProvider = 'exit')\n" +
            "$ErrorActionPreference = 'Stop'\n" +
            "Import-Module -Name $ModulePath\n" +
            "Resume-TsSequence -StateDirectory $StateDirectory -RestartProvider $RestartProvider | Out-Null\n";

        /// <summary>Writes resume.ps1 into the state folder and returns the program and arguments that run it.</summary>
        internal static List<string> Command(string stateFolder, string provider)
        {
            string script = Path.Combine(stateFolder, "resume.ps1");
            File.WriteAllText(script, Script);
            if (!Platform.IsWindows)
            {
                UnixFiles.MakeOwnerOnly(script);
            }

            return new List<string> { PowerShellPath(), "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", script, "-StateDirectory", stateFolder, "-ModulePath", ModulePath(), "-RestartProvider", provider };
        }

        /// <summary>The running PowerShell when this is one, else the platform's usual one.</summary>
        private static string PowerShellPath()
        {
            string? current = Process.GetCurrentProcess().MainModule?.FileName;
            string name = Path.GetFileNameWithoutExtension(current ?? string.Empty).ToLowerInvariant();
            if (current != null && (name == "pwsh" || name == "powershell"))
            {
                return current;
            }

            if (Platform.IsWindows)
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "WindowsPowerShell", "v1.0", "powershell.exe");
            }

            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
            {
                string candidate = Path.Combine(folder, "pwsh");
                if (folder.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return "/usr/bin/pwsh";
        }

        /// <summary>The module manifest beside (or above) this assembly; else the module's name, found on PSModulePath.</summary>
        private static string ModulePath()
        {
            for (string? folder = Path.GetDirectoryName(typeof(BootResume).Assembly.Location); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                foreach (string candidate in new[] { Path.Combine(folder!, "TsSequence.psd1"), Path.Combine(folder!, "TsSequence", "TsSequence.psd1"), Path.Combine(folder!, "generated", "TsSequence", "TsSequence.psd1") })
                {
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            return "TsSequence";
        }
    }
}
