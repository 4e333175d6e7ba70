using System;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Text;

namespace TsSeq.Host.Cmdlets;

/// <summary>
/// Write-Host: since PowerShell 5 a wrapper over the information stream. It writes an
/// InformationRecord whose MessageData is a HostInformationMessage tagged "PSHOST"; the engine
/// shows it on the host whatever $InformationPreference says (unless Ignore), and callers can
/// still capture it with 6>.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Host", RemotingCapability = RemotingCapability.None)]
public sealed class WriteHostCommand : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [Alias("Msg", "Message")]
    public object? Object { get; set; }

    [Parameter]
    public SwitchParameter NoNewline { get; set; }

    [Parameter]
    public object Separator { get; set; } = " ";

    [Parameter]
    public ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    [Parameter]
    public ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    protected override void ProcessRecord()
    {
        var text = new StringBuilder();
        Append(text, Object, first: true);
        var message = new HostInformationMessage
        {
            Message = text.ToString(),
            NoNewLine = NoNewline.IsPresent,
        };

        // Unset colours mean "the host's current colours", as Write-Host documents. A runspace
        // without a host UI ([runspacefactory]::CreateRunspace($iss)) has none to give: its
        // RawUI throws HostException. The message still goes out, its colours left unset.
        bool foregroundBound = MyInvocation.BoundParameters.ContainsKey(nameof(ForegroundColor));
        bool backgroundBound = MyInvocation.BoundParameters.ContainsKey(nameof(BackgroundColor));
        if (foregroundBound)
        {
            message.ForegroundColor = ForegroundColor;
        }

        if (backgroundBound)
        {
            message.BackgroundColor = BackgroundColor;
        }

        if (!foregroundBound || !backgroundBound)
        {
            try
            {
                PSHostRawUserInterface? rawUI = Host?.UI?.RawUI;
                if (rawUI is not null)
                {
                    if (!foregroundBound)
                    {
                        message.ForegroundColor = rawUI.ForegroundColor;
                    }

                    if (!backgroundBound)
                    {
                        message.BackgroundColor = rawUI.BackgroundColor;
                    }
                }
            }
            catch (Exception e) when (e is HostException or NotImplementedException or NotSupportedException)
            {
                // No interactive host, or one without colours.
            }
        }

        WriteInformation(message, new[] { "PSHOST" });
    }

    // Collections are flattened (recursively) and joined with -Separator; strings and
    // dictionaries count as single values, as the PowerShell pipeline treats them.
    private bool Append(StringBuilder text, object? value, bool first)
    {
        if (value is null)
        {
            return first;
        }

        IEnumerable? items = value is string ? null : LanguagePrimitives.GetEnumerable(value);
        if (items is null)
        {
            if (!first)
            {
                text.Append(Separator?.ToString());
            }

            text.Append(PSObject.AsPSObject(value).ToString());
            return false;
        }

        foreach (object? item in items)
        {
            first = Append(text, item, first);
        }

        return first;
    }
}
