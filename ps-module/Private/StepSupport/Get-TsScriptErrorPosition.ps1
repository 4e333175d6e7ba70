function Get-TsScriptErrorPosition {
    <#
    .SYNOPSIS
    Where in the step's script an error happened: 'line 3, char 5', 'line 3', or '' when the record does not say.
    .DESCRIPTION
    The record's own position counts when it is in the script (an error raised inside a
    module function points into that module, and Write-Error at the top of a script has no
    position of its own); otherwise the innermost frame of its script stack trace that is in
    the script gives the line.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][System.Management.Automation.ErrorRecord]$Record,
        [Parameter(Mandatory = $true)][string]$ScriptPath
    )
    $info = $Record.InvocationInfo
    if ($null -ne $info -and $info.ScriptLineNumber -gt 0 -and [string]::Equals($info.ScriptName, $ScriptPath, [System.StringComparison]::OrdinalIgnoreCase)) {
        return "line $($info.ScriptLineNumber), char $($info.OffsetInLine)"
    }
    # Frames read "at <ScriptBlock>, /path/script.ps1: line 2", innermost first.
    $marker = ", $($ScriptPath): line "
    foreach ($frame in ([string]$Record.ScriptStackTrace).Split("`n")) {
        $at = $frame.IndexOf($marker, [System.StringComparison]::OrdinalIgnoreCase)
        if ($at -lt 0) { continue }
        $line = 0
        if ([int]::TryParse($frame.Substring($at + $marker.Length).Trim(), [ref]$line) -and $line -gt 0) { return "line $line" }
    }
    return ''
}
