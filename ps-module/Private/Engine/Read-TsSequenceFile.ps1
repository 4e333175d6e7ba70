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
        return , ([TsSequence.Json.JsonCodec]::Parse($text))
    }
    catch {
        $exception = Get-TsInnermostError -ErrorRecord $_
        $reason = $exception.Message
        $where = ''
        # System.Text.Json counts lines and bytes from 0 and appends them to its message; say it as people count.
        if ($null -ne $exception.PSObject.Properties['LineNumber'] -and $null -ne $exception.LineNumber) {
            $where = ":$($exception.LineNumber + 1):$($exception.BytePositionInLine + 1)"
            $reason = ($reason -replace '\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?$', '').Trim()
        }
        $Cmdlet.ThrowTerminatingError((New-TsErrorRecord -Message "$Path$($where): not valid JSON: $reason" -ErrorId 'SequenceFileNotJson' -Category ParserError -Target $Path))
    }
}
