using System.Management.Automation;

namespace TsSeq.Host.Cmdlets;

/// <summary>
/// Write-Progress: a ProgressRecord for the host (this host draws nothing: output is a pipe)
/// and for PowerShell.Streams.Progress. -Activity may be omitted only with -Completed, as in pwsh 7.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Progress")]
public sealed class WriteProgressCommand : PSCmdlet
{
    [Parameter(Position = 0)]
    public string? Activity { get; set; }

    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Status { get; set; } = "Processing";

    [Parameter(Position = 2)]
    [ValidateRange(0, int.MaxValue)]
    public int Id { get; set; }

    [Parameter]
    [ValidateRange(-1, 100)]
    public int PercentComplete { get; set; } = -1;

    [Parameter]
    public int SecondsRemaining { get; set; } = -1;

    [Parameter]
    public string? CurrentOperation { get; set; }

    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int ParentId { get; set; } = -1;

    [Parameter]
    public SwitchParameter Completed { get; set; }

    [Parameter]
    public int SourceId { get; set; }

    protected override void ProcessRecord()
    {
        string activity = Activity ?? string.Empty;
        if (activity.Length == 0)
        {
            if (!Completed.IsPresent)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Missing an argument for parameter 'Activity'. Specify -Activity, or -Completed to end a progress record."),
                    "MissingActivity",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            // ProgressRecord rejects an empty activity; a completed record needs none shown.
            activity = " ";
        }

        var record = new ProgressRecord(Id, activity, Status)
        {
            ParentActivityId = ParentId,
            PercentComplete = PercentComplete,
            SecondsRemaining = SecondsRemaining,
            CurrentOperation = CurrentOperation,
            RecordType = Completed.IsPresent ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        // Cmdlet.WriteProgress has no public sourceId overload; the command runtime does.
        CommandRuntime.WriteProgress(SourceId, record);
    }
}
