using System;
using System.Management.Automation;
using System.Reflection;

namespace TsSeq.Host.Cmdlets;

/// <summary>
/// Write-Error: a non-terminating error record, in pwsh's three parameter sets (a message, an
/// exception, or a whole ErrorRecord). Whether it stops the script is $ErrorActionPreference's
/// (or -ErrorAction's) business, decided by the engine.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Error", DefaultParameterSetName = NoExceptionSet)]
public sealed class WriteErrorCommand : PSCmdlet
{
    private const string NoExceptionSet = "NoException";
    private const string WithExceptionSet = "WithException";
    private const string ErrorRecordSet = "ErrorRecord";

    [Parameter(ParameterSetName = WithExceptionSet, Mandatory = true)]
    public Exception? Exception { get; set; }

    [Parameter(Position = 0, ParameterSetName = NoExceptionSet, Mandatory = true, ValueFromPipeline = true)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("Msg")]
    public string? Message { get; set; }

    [Parameter(ParameterSetName = ErrorRecordSet, Mandatory = true)]
    public ErrorRecord? ErrorRecord { get; set; }

    [Parameter(ParameterSetName = NoExceptionSet)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    public ErrorCategory Category { get; set; } = ErrorCategory.NotSpecified;

    [Parameter(ParameterSetName = NoExceptionSet)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    public string? ErrorId { get; set; }

    [Parameter(ParameterSetName = NoExceptionSet)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    public object? TargetObject { get; set; }

    [Parameter]
    public string? RecommendedAction { get; set; }

    [Parameter]
    [Alias("Activity")]
    public string? CategoryActivity { get; set; }

    [Parameter]
    [Alias("Reason")]
    public string? CategoryReason { get; set; }

    [Parameter]
    [Alias("TargetName")]
    public string? CategoryTargetName { get; set; }

    [Parameter]
    [Alias("TargetType")]
    public string? CategoryTargetType { get; set; }

    protected override void ProcessRecord()
    {
        ErrorRecord record = ErrorRecord is not null
            // A copy, so editing the category fields below leaves the caller's record alone.
            ? new ErrorRecord(ErrorRecord, null)
            : FromMessageOrException();

        if (!string.IsNullOrEmpty(RecommendedAction))
        {
            record.ErrorDetails ??= new ErrorDetails(record.ToString());
            record.ErrorDetails.RecommendedAction = RecommendedAction;
        }

        if (!string.IsNullOrEmpty(CategoryActivity))
        {
            record.CategoryInfo.Activity = CategoryActivity;
        }

        if (!string.IsNullOrEmpty(CategoryReason))
        {
            record.CategoryInfo.Reason = CategoryReason;
        }

        if (!string.IsNullOrEmpty(CategoryTargetName))
        {
            record.CategoryInfo.TargetName = CategoryTargetName;
        }

        if (!string.IsNullOrEmpty(CategoryTargetType))
        {
            record.CategoryInfo.TargetType = CategoryTargetType;
        }

        AttributeToCaller(record);
        WriteError(record);
    }

    /// <summary>
    /// pwsh's Write-Error makes the record describe its caller ($MyInvocation: the script or
    /// function that called Write-Error), so the error reads "f: message" and its
    /// FullyQualifiedErrorId ends with the caller's name, not the cmdlet's type. The two members
    /// that do it are internal to SMA (pinned in the csproj); without them the record simply
    /// names Write-Error.
    /// </summary>
    private void AttributeToCaller(ErrorRecord record)
    {
        if (GetVariableValue("MyInvocation") is not InvocationInfo caller || SetInvocationInfo is null || PreserveInvocationInfoOnce is null)
        {
            return;
        }

        SetInvocationInfo.Invoke(record, new object[] { caller });
        PreserveInvocationInfoOnce.SetValue(record, true);
        if (string.IsNullOrEmpty(CategoryActivity))
        {
            record.CategoryInfo.Activity = "Write-Error";
        }
    }

    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly MethodInfo? SetInvocationInfo =
        typeof(ErrorRecord).GetMethod("SetInvocationInfo", Internal, null, new[] { typeof(InvocationInfo) }, null);

    private static readonly PropertyInfo? PreserveInvocationInfoOnce =
        typeof(ErrorRecord).GetProperty("PreserveInvocationInfoOnce", Internal);

    private ErrorRecord FromMessageOrException()
    {
        Exception exception = Exception ?? new Microsoft.PowerShell.Commands.WriteErrorException(Message ?? string.Empty);
        string errorId = string.IsNullOrEmpty(ErrorId) ? exception.GetType().FullName ?? "WriteError" : ErrorId;
        var record = new ErrorRecord(exception, errorId, Category, TargetObject);
        // With -Exception, -Message replaces the text shown while the exception is kept intact.
        if (Exception is not null && !string.IsNullOrEmpty(Message))
        {
            record.ErrorDetails = new ErrorDetails(Message);
        }

        return record;
    }
}
