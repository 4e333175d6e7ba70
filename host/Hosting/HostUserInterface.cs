using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Internal;
using System.Security;

namespace TsSeq.Host.Hosting;

/// <summary>
/// $Host.UI: output to stdout, errors to stderr, stream prefixes as pwsh prints them
/// (WARNING:/VERBOSE:/DEBUG:). Colours are accepted and ignored: output is usually a pipe.
/// Reads come from stdin and are refused under -NonInteractive, as pwsh does.
/// </summary>
internal sealed class HostUserInterface : PSHostUserInterface
{
    private readonly ConsoleStreams _streams;
    private readonly bool _nonInteractive;
    private readonly HostRawUserInterface _rawUI = new();

    public HostUserInterface(ConsoleStreams streams, bool nonInteractive)
    {
        _streams = streams;
        _nonInteractive = nonInteractive;
    }

    /// <summary>
    /// While set, ordinary output goes here instead of stdout: used to format a terminating
    /// error through Out-Default (so it looks as in pwsh) and then print it on stderr.
    /// </summary>
    internal System.IO.TextWriter? Capture { get; set; }

    public override PSHostRawUserInterface RawUI => _rawUI;

    private System.IO.TextWriter Out => Capture ?? _streams.Out;

    // A terminal gets pwsh's ANSI styling (table headers...); a pipe gets plain text.
    public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

    public override void Write(string value) => Out.Write(Render(value, Console.IsOutputRedirected));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

    public override void WriteLine(string value) => Out.WriteLine(Render(value, Console.IsOutputRedirected));

    public override void WriteLine() => Out.WriteLine();

    public override void WriteLine(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => WriteLine(value);

    public override void WriteErrorLine(string value) => _streams.Error.WriteLine(Render(value, Console.IsErrorRedirected));

    public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);

    public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);

    public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);

    /// <summary>
    /// The formatter styles text with ANSI sequences and leaves it to the host to drop them, as
    /// pwsh's console host does by $PSStyle.OutputRendering: Ansi keeps them, PlainText drops
    /// them, Host drops them when the stream is redirected.
    /// </summary>
    private static string Render(string? text, bool redirected)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf('\u001b') < 0)
        {
            return text ?? string.Empty;
        }

        OutputRendering rendering = PSStyle.Instance.OutputRendering;
        bool plain = rendering == OutputRendering.PlainText || (rendering == OutputRendering.Host && redirected);
        return plain ? new StringDecorated(text).ToString(OutputRendering.PlainText) : text;
    }

    // pwsh draws progress bars only on an interactive console; output here is a pipe. The
    // records still reach PowerShell.Streams.Progress for hosts that collect them.
    public override void WriteProgress(long sourceId, ProgressRecord record) { }

    public override string ReadLine()
    {
        EnsureInteractive();
        return _streams.In.ReadLine() ?? string.Empty;
    }

    public override SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        foreach (char c in ReadLine())
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        EnsureInteractive();
        WriteCaption(caption, message);
        var answers = new Dictionary<string, PSObject>(StringComparer.OrdinalIgnoreCase);
        foreach (FieldDescription field in descriptions)
        {
            Write(field.Name + ": ");
            answers[field.Name] = field.ParameterTypeName == typeof(SecureString).Name
                ? PSObject.AsPSObject(ReadLineAsSecureString())
                : PSObject.AsPSObject(ReadLine());
        }

        return answers;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        EnsureInteractive();
        WriteCaption(caption, message);
        for (int i = 0; i < choices.Count; i++)
        {
            WriteLine($"[{i}] {choices[i].Label.Replace("&", string.Empty, StringComparison.Ordinal)}");
        }

        while (true)
        {
            Write($"Choice (default {defaultChoice}): ");
            string answer = ReadLine().Trim();
            if (answer.Length == 0 && defaultChoice >= 0)
            {
                return defaultChoice;
            }

            if (int.TryParse(answer, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) && index >= 0 && index < choices.Count)
            {
                return index;
            }

            for (int i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i].Label.Replace("&", string.Empty, StringComparison.Ordinal), answer, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    {
        EnsureInteractive();
        WriteCaption(caption, message);
        if (string.IsNullOrEmpty(userName))
        {
            Write("User: ");
            userName = ReadLine();
        }

        Write("Password for user " + userName + ": ");
        return new PSCredential(userName, ReadLineAsSecureString());
    }

    private void WriteCaption(string caption, string message)
    {
        if (!string.IsNullOrEmpty(caption))
        {
            WriteLine(caption);
        }

        if (!string.IsNullOrEmpty(message))
        {
            WriteLine(message);
        }
    }

    // Same wording and exception type as pwsh, so the parameter binder reports a missing
    // mandatory parameter instead of hanging on stdin.
    private void EnsureInteractive()
    {
        if (_nonInteractive)
        {
            throw new PSInvalidOperationException(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
        }
    }
}
