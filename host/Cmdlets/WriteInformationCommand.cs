using System.Management.Automation;

namespace TsSeq.Host.Cmdlets;

/// <summary>
/// Write-Information: structured data to the information stream, shown by the engine only when
/// $InformationPreference (or -InformationAction) is Continue.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Information")]
public sealed class WriteInformationCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true)]
    [Alias("Msg", "Message")]
    [AllowNull]
    public object? MessageData { get; set; }

    [Parameter(Position = 1)]
    public string[]? Tags { get; set; }

    protected override void ProcessRecord() => WriteInformation(MessageData, Tags);
}
