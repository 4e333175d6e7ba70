function Format-TsScriptError {
    <#
    .SYNOPSIS
    One error of a step's script as one entry of the step's message: "At line 3, char 5: <text>".
    .DESCRIPTION
    Line breaks inside a message are kept, indented, so every entry starts on a line of its
    own. -Position is the phrase Get-TsScriptErrorPosition returns; an error without one has
    no "At" prefix. -Environment masks secret values first, while the text is still as the
    script wrote it: re-indenting a multi-line secret would hide it from the mask.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Text,
        [AllowEmptyString()][string]$Position = '',
        [AllowNull()][TsSequence.TsEnvironment]$Environment
    )
    if ($null -ne $Environment) { $Text = $Environment.Mask($Text) }
    $body = ($Text.Trim() -replace '\r?\n', "`n  ")
    if ([string]::IsNullOrEmpty($Position)) { return $body }
    return "At $($Position): $body"
}
