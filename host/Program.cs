using System;
using System.Reflection;
using System.Management.Automation;
using TsSeq.Host.Hosting;

namespace TsSeq.Host;

/// <summary>
/// tsseq-host: a pwsh stand-in built on the System.Management.Automation package alone. Exit
/// codes follow pwsh: `exit N` → N; -File → 1 on a terminating error, else 0; -Command and
/// stdin mode → 1 when the last pipeline failed, else 0; 64 for a bad command line.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Import-Module sends telemetry unless opted out; this machine has no network anyway.
        Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
        ConsoleStreams streams = ConsoleStreams.Install();

        CommandLine line = CommandLine.Parse(args);
        if (line.Error is not null)
        {
            streams.Error.WriteLine(line.Error);
            streams.Error.WriteLine(CommandLine.Usage);
            return CommandLine.UsageErrorExitCode;
        }

        switch (line.Mode)
        {
            case RunMode.Help:
                streams.Out.WriteLine(CommandLine.Usage);
                return 0;
            case RunMode.Version:
                streams.Out.WriteLine("PowerShell " + EngineVersion() + " (tsseq-host)");
                return 0;
            case RunMode.File when !System.IO.File.Exists(line.FilePath):
                streams.Error.WriteLine($"The argument '{line.FilePath}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.");
                return CommandLine.UsageErrorExitCode;
        }

        using var engine = new Engine(streams, line.NonInteractive);
        int exitCode = line.Mode switch
        {
            RunMode.Command => RunCommand(engine, line.CommandText!),
            RunMode.File => RunFile(engine, line),
            _ => StdinLoop.Run(engine, streams.In),
        };
        if (line.NoExit && line.Mode != RunMode.Stdin && !engine.Host.ShouldExit)
        {
            exitCode = StdinLoop.Run(engine, streams.In);
        }

        return exitCode;
    }

    private static int RunCommand(Engine engine, string text)
    {
        Exception? failure = engine.RunScript(text);
        if (engine.Host.ShouldExit)
        {
            return engine.Host.ExitCode;
        }

        return failure is null && engine.LastPipelineSucceeded() ? 0 : 1;
    }

    private static int RunFile(Engine engine, CommandLine line)
    {
        Exception? failure = engine.RunFile(line.FilePath!, line.FileArguments, exitEndsHost: !line.NoExit);
        if (engine.Host.ShouldExit)
        {
            return engine.Host.ExitCode;
        }

        return failure is null ? 0 : 1;
    }

    private static string EngineVersion()
    {
        string? informational = typeof(PSObject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // "7.6.9 SHA: ..." → "7.6.9"
        return informational?.Split(' ', '+')[0] ?? typeof(PSObject).Assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
