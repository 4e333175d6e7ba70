using System;

namespace TsSeq.Host;

/// <summary>
/// tsseq-host: pwsh 7.6.9 itself. Everything (command line, console host, server modes, exit
/// codes) is pwsh's own ConsoleHost; this program only supplies the process.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Import-Module and start-up send telemetry unless opted out; this engine never does.
        Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
        return Microsoft.PowerShell.UnmanagedPSEntry.Start(args, args.Length);
    }
}
