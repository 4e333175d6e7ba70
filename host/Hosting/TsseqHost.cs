using System;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace TsSeq.Host.Hosting;

/// <summary>
/// The PSHost behind $Host. SMA's DefaultHost has no UI (so $Host.UI.WriteLine, Write-Host and
/// prompts would fail); this one writes to the console streams and records `exit N`.
/// </summary>
internal sealed class TsseqHost : PSHost
{
    private readonly HostUserInterface _ui;
    private readonly object _exitLock = new();

    public TsseqHost(ConsoleStreams streams, bool nonInteractive)
    {
        _ui = new HostUserInterface(streams, nonInteractive);
    }

    public override string Name => "tsseq-host";

    // Report the engine's version: scripts compare $Host.Version like $PSVersionTable.
    public override Version Version { get; } = typeof(PSObject).Assembly.GetName().Version ?? new Version(7, 6);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    internal HostUserInterface HostUI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    /// <summary>Set by the engine when a top-level `exit N` runs.</summary>
    public bool ShouldExit { get; private set; }

    public int ExitCode { get; private set; }

    public override void SetShouldExit(int exitCode)
    {
        lock (_exitLock)
        {
            ShouldExit = true;
            ExitCode = exitCode;
        }
    }

    // There is no interactive prompt loop to nest into (the same as pwsh -NonInteractive).
    public override void EnterNestedPrompt() =>
        throw new NotSupportedException("tsseq-host has no interactive prompt: nested prompts are not supported.");

    public override void ExitNestedPrompt() =>
        throw new NotSupportedException("tsseq-host has no interactive prompt: nested prompts are not supported.");

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }
}
