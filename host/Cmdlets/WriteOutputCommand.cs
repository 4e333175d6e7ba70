using System.Management.Automation;

namespace TsSeq.Host.Cmdlets;

/// <summary>
/// Write-Output: sends objects down the pipeline, enumerating collections unless -NoEnumerate.
/// A scalar PSObject parameter with ValueFromRemainingArguments, as in pwsh 7, so that
/// `Write-Output 1 2 3` emits three objects and `-NoEnumerate @(1,2)` one array.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Output")]
public sealed class WriteOutputCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject? InputObject { get; set; }

    [Parameter]
    public SwitchParameter NoEnumerate { get; set; }

    protected override void ProcessRecord()
    {
        // $null is written as one $null, never "enumerated" into nothing.
        if (InputObject is null)
        {
            WriteObject(null);
            return;
        }

        WriteObject(InputObject, enumerateCollection: !NoEnumerate.IsPresent);
    }
}
