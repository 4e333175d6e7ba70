using System.Management.Automation;

namespace TsSeq.Host.Cmdlets;

// Write-Verbose, Write-Debug and Write-Warning: one message to their stream. Whether it shows
// is the engine's decision from $VerbosePreference/$DebugPreference/$WarningPreference (or
// -Verbose/-Debug/-WarningAction), read in the caller's scope because compiled cmdlets run there.

/// <summary>Shared -Message parameter: positional, from the pipeline, empty allowed.</summary>
public abstract class WriteMessageCommandBase : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = string.Empty;
}

[Cmdlet(VerbsCommunications.Write, "Verbose")]
public sealed class WriteVerboseCommand : WriteMessageCommandBase
{
    protected override void ProcessRecord() => WriteVerbose(Message);
}

[Cmdlet(VerbsCommunications.Write, "Debug")]
public sealed class WriteDebugCommand : WriteMessageCommandBase
{
    protected override void ProcessRecord() => WriteDebug(Message);
}

[Cmdlet(VerbsCommunications.Write, "Warning")]
public sealed class WriteWarningCommand : WriteMessageCommandBase
{
    protected override void ProcessRecord() => WriteWarning(Message);
}
