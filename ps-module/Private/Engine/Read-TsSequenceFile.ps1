function Read-TsSequenceFile {
    <#
    .SYNOPSIS
    Reads and parses a sequence document; a malformed file stops with the file name and position.
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)][string]$Path,
        [Parameter(Mandatory = $true)][System.Management.Automation.PSCmdlet]$Cmdlet
    )
    if (-not [System.IO.File]::Exists($Path)) {
        $Cmdlet.ThrowTerminatingError((New-TsErrorRecord -Message "The sequence file '$Path' does not exist." -ErrorId 'SequenceFileNotFound' -Category ObjectNotFound -Target $Path))
    }
    $text = [System.IO.File]::ReadAllText($Path)
    try {
        return , (ConvertFrom-TsJson -Json $text)
    }
    catch {
        $reason = (Get-TsInnermostError -ErrorRecord $_).Message
        $Cmdlet.ThrowTerminatingError((New-TsErrorRecord -Message "The sequence file '$Path' is not valid JSON: $reason" -ErrorId 'SequenceFileNotJson' -Category ParserError -Target $Path))
    }
}
