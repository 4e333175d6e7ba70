function Test-TsSequence {
    <#
    .SYNOPSIS
    Checks a task sequence document against the step model without running it.
    .DESCRIPTION
    Returns $true when the document is valid. Each problem is written as a warning naming its
    JSON path ($.steps[0].commandLine) and what was expected; with -Detailed the problems are
    returned as strings instead of a boolean. A valid document with a step this version cannot
    run yet stays valid, with a warning naming that step (as tsseq validate prints it).
    .PARAMETER Path
    Path of a sequence document (JSON).
    .PARAMETER InputObject
    A sequence document as a hashtable or object.
    .PARAMETER Detailed
    Return the list of problems (empty when valid) instead of $true/$false.
    .EXAMPLE
    PS> Test-TsSequence -Path ./examples/hello.json
    .OUTPUTS
    System.Boolean, or System.String[] with -Detailed
    #>
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    [OutputType([bool], [string[]])]
    param(
        [Parameter(Mandatory = $true, ParameterSetName = 'Path', Position = 0)][string]$Path,
        [Parameter(Mandatory = $true, ParameterSetName = 'InputObject', ValueFromPipeline = $true)][object]$InputObject,
        [switch]$Detailed
    )
    process {
        try {
            if ($PSCmdlet.ParameterSetName -eq 'Path') {
                $document = [TsSequence.Documents.SequenceFile]::Read($PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path))
            }
            else {
                $document = [TsSequence.Documents.PlainData]::From($InputObject)
            }
            $problems = [TsSequence.Documents.DocumentValidator]::Validate($document)
            $notes = @()
            if ($problems.Length -eq 0) { $notes = [TsSequence.Documents.DocumentValidator]::Warnings($document) }
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((ConvertTo-TsErrorRecord -ErrorRecord $_))
        }
        foreach ($note in $notes) { $PSCmdlet.WriteWarning($note) }
        if ($Detailed) { return , $problems }
        foreach ($problem in $problems) { $PSCmdlet.WriteWarning($problem) }
        return $problems.Length -eq 0
    }
}
