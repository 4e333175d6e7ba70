using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Language;
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
    public Exception? RunScript(string text)
    {
        // Parse first: a ParseException built from the parser's errors renders with positions
        // even for incomplete input, which the engine's own exception does not carry.
        Parser.ParseInput(text, out _, out ParseError[] errors);
        if (errors.Length > 0)
        {
            var parseError = new ParseException(errors);
            Report(parseError);
            return parseError;
        }

        return Run(ps => ps.AddScript(text, useLocalScope: false), addToHistory: true);
    }

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
    /// $ErrorView applies), but on stderr. When the view renders nothing useful (it shows a
    /// blank for an incomplete-input parse error), prints the exception's own message instead.
    /// </summary>
    private void Report(Exception e)
    {
        ErrorRecord record = e is IContainsErrorRecord withRecord
            ? withRecord.ErrorRecord
            : new ErrorRecord(e, "TsseqHost.ReportException", ErrorCategory.NotSpecified, null);
        var formatted = new StringWriter();
        Host.HostUI.Capture = formatted;
        try
        {
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddCommand("Out-Default").Invoke(new object[] { record });
        }
        catch (Exception)
        {
            // Formatting failed: the fallback below still reports the error.
        }
        finally
        {
            Host.HostUI.Capture = null;
        }

        string text = formatted.ToString();
        if (Normalize(text).Contains(Normalize(MainMessage(e, record)), StringComparison.Ordinal))
        {
            Console.Error.Write(text);
            return;
        }

        if (e is ParseException { Errors.Length: > 0 } parse)
        {
            foreach (ParseError error in parse.Errors)
            {
                IScriptPosition start = error.Extent.StartScriptPosition;
                Console.Error.WriteLine($"ParserError: {error.Message}");
                Console.Error.WriteLine($"At line:{start.LineNumber} char:{start.ColumnNumber}");
                Console.Error.WriteLine("+ " + start.Line);
            }

            return;
        }

        Console.Error.WriteLine(e.Message);
        if (record.InvocationInfo?.PositionMessage is { Length: > 0 } position)
        {
            Console.Error.WriteLine(position);
        }
    }

    // What a proper rendering of the error must show: a parse error's first message, else the
    // record's message. Compared without whitespace and '|' because views wrap long lines.
    private static string MainMessage(Exception e, ErrorRecord record)
    {
        if (e is ParseException { Errors.Length: > 0 } parse)
        {
            return parse.Errors[0].Message;
        }

        string message = record.ErrorDetails?.Message is { Length: > 0 } details ? details : e.Message;
        return message.Length > 80 ? message.Substring(0, 80) : message;
    }

    private static string Normalize(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '|')
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// A script file normally swallows its own `exit N` (it only sets $LASTEXITCODE). pwsh -File
    /// sets the engine's internal ExecutionContext.ScriptCommandProcessorShouldRethrowExit so the
    /// exit reaches the host; there is no public API for it, so we set the same flag by
    /// reflection (SMA is pinned in the csproj; test/host covers it). If the member ever
    /// moves, `exit N` only ends the script, which then exits 0.
    /// </summary>
    private void RethrowExitFromNextScript()
    {
        const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        object? context = _runspace.GetType().GetProperty("ExecutionContext", Any)?.GetValue(_runspace);
        PropertyInfo? flag = context?.GetType().GetProperty("ScriptCommandProcessorShouldRethrowExit", Any);
        flag?.SetValue(context, true);
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
