using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using TsSeq.Host.Cmdlets;
using TsSeq.Host.Hosting;

namespace TsSeq.Host;

/// <summary>
/// One runspace (CreateDefault2 + the stream cmdlets + our PSHost) and the pwsh way of running
/// things in it: errors merged into output and everything printed through Out-Default, so
/// output and errors look and interleave as in pwsh.
/// </summary>
internal sealed class Engine : IDisposable
{
    private readonly Runspace _runspace;
    private readonly object _currentLock = new();
    private PowerShell? _current;

    public Engine(ConsoleStreams streams, bool nonInteractive)
    {
        Host = new TsseqHost(streams, nonInteractive);

        // CreateDefault2, not CreateDefault: the latter loads the Utility/Management/ConsoleHost
        // snap-ins, which the SMA package does not ship. No ExecutionPolicy: it throws on Unix.
        InitialSessionState state = InitialSessionState.CreateDefault2();
        StreamCmdlets.AddTo(state);

        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        // Pipelines run on the calling (main) thread: one command at a time, like a console.
        _runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
        _runspace.Open();
        Runspace.DefaultRunspace = _runspace;

        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public TsseqHost Host { get; }

    /// <summary>
    /// Runs script text in the global scope (like typing it at the prompt). Returns the
    /// terminating exception, already printed, or null.
    /// </summary>
    public Exception? RunScript(string text) =>
        Run(ps => ps.AddScript(text, useLocalScope: false), addToHistory: true);

    /// <summary>
    /// Runs a script file with arguments bound as parameters. When <paramref name="exitEndsHost"/>,
    /// an `exit N` inside the script ends the host with N, as pwsh -File does.
    /// </summary>
    public Exception? RunFile(string path, IEnumerable<CommandParameter> arguments, bool exitEndsHost)
    {
        string fullPath = Path.GetFullPath(path);
        // pwsh on Unix runs a file without the .ps1 extension (a shebang script) as script text.
        Command command = fullPath.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)
            ? new Command(fullPath, isScript: false, useLocalScope: false)
            : new Command(File.ReadAllText(fullPath), isScript: true, useLocalScope: false);
        foreach (CommandParameter argument in arguments)
        {
            command.Parameters.Add(argument);
        }

        if (exitEndsHost)
        {
            RethrowExitFromNextScript();
        }

        return Run(ps => ps.Commands.AddCommand(command), addToHistory: false);
    }

    /// <summary>`$?` of the last pipeline, as pwsh reads it to pick its exit code.</summary>
    public bool LastPipelineSucceeded()
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        Collection<PSObject> result = ps.AddScript("$global:?").Invoke();
        return result.Count == 1 && result[0]?.BaseObject is true;
    }

    // addToHistory matters beyond history: only a pipeline added to history leaves its
    // success in $? for the next one, which is how pwsh reads a -Command's exit code.
    private Exception? Run(Action<PowerShell> build, bool addToHistory)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        build(ps);
        // Errors join the output so Out-Default prints them in order, to stderr.
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        SetCurrent(ps);
        try
        {
            ps.Invoke(null, new PSInvocationSettings { AddToHistory = addToHistory });
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Report(e);
            return e;
        }
        finally
        {
            SetCurrent(null);
        }
    }

    /// <summary>
    /// Prints a terminating error the way pwsh does: the ErrorRecord through Out-Default (so
    /// $ErrorView applies), but to stderr. Falls back to the bare message.
    /// </summary>
    private void Report(Exception e)
    {
        ErrorRecord record = e is IContainsErrorRecord withRecord
            ? withRecord.ErrorRecord
            : new ErrorRecord(e, "TsseqHost.ReportException", ErrorCategory.NotSpecified, null);
        Host.HostUI.OutputToError = true;
        try
        {
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddCommand("Out-Default").Invoke(new object[] { record });
        }
        catch (Exception)
        {
            Console.Error.WriteLine(e.Message);
            if (record.InvocationInfo?.PositionMessage is { Length: > 0 } position)
            {
                Console.Error.WriteLine(position);
            }
        }
        finally
        {
            Host.HostUI.OutputToError = false;
        }
    }

    /// <summary>
    /// A script file normally swallows its own `exit N` (it only sets $LASTEXITCODE). pwsh -File
    /// sets the engine's internal ExecutionContext.ScriptCommandProcessorShouldRethrowExit so the
    /// exit reaches the host; there is no public API for it, so we set the same flag by
    /// reflection (SMA is pinned in the csproj). If the member ever moves, we fall back to
    /// $LASTEXITCODE (see Program), which differs only for a native command's code.
    /// </summary>
    private bool RethrowExitFromNextScript()
    {
        const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        object? context = _runspace.GetType().GetProperty("ExecutionContext", Any)?.GetValue(_runspace);
        PropertyInfo? flag = context?.GetType().GetProperty("ScriptCommandProcessorShouldRethrowExit", Any);
        if (flag is null)
        {
            return false;
        }

        flag.SetValue(context, true);
        return true;
    }

    private void SetCurrent(PowerShell? ps)
    {
        lock (_currentLock)
        {
            _current = ps;
        }
    }

    // Ctrl+C stops the running pipeline (as in pwsh) instead of killing the process.
    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        lock (_currentLock)
        {
            if (_current is not null)
            {
                e.Cancel = true;
                _current.BeginStop(null, null);
            }
        }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _runspace.Dispose();
    }
}
