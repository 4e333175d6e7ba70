function Get-TsScriptErrorReport {
    <#
    .SYNOPSIS
    The step message for a script's errors: a headline, then every error with its line and position.
    .DESCRIPTION
    Errors come in the order the script raised them; the terminating one (if any) is the
    headline, and a script that could not be parsed lists each parse error. A command that
    does not exist is explained by Get-TsMissingCommandReason instead of PowerShell's generic
    "is not recognized" text, and its name is returned in MissingCommands (such a script did
    not do its work, so the caller fails the step). Past -Limit errors the message says how
    many more there were; Entries holds all of them for the log.
    Returns @{ Message; Entries; MissingCommands }; Message is '' when there were no errors.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [AllowEmptyCollection()][object[]]$Errors = @(),
        [AllowNull()][object]$TerminatingError,
        [Parameter(Mandatory = $true)][string]$ScriptPath,
        [int]$Limit = 50,
        [AllowNull()][TsSequence.TsEnvironment]$Environment
    )
    $missing = [System.Collections.Generic.List[string]]::new()
    $describe = {
        param([System.Management.Automation.ErrorRecord]$Record)
        $text = $Record.ToString()
        # Only a failed invocation (CommandNotFoundException, CouldNotAutoLoadModule): a probe such
        # as `Get-Command choco` reports the same exception from its cmdlet, whose id then names it
        # ('CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand').
        if ($Record.Exception -is [System.Management.Automation.CommandNotFoundException] -and -not ([string]$Record.FullyQualifiedErrorId).Contains(',')) {
            $name = [string]$Record.Exception.CommandName
            if ([string]::IsNullOrEmpty($name)) { $name = [string]$Record.TargetObject }
            if (-not [string]::IsNullOrEmpty($name)) {
                if (-not $missing.Contains($name)) { $missing.Add($name) }
                $text = Get-TsMissingCommandReason -Name $name
            }
        }
        return @{ Text = $text; Position = (Get-TsScriptErrorPosition -Record $Record -ScriptPath $ScriptPath) }
    }

    $entries = [System.Collections.Generic.List[string]]::new()
    foreach ($item in $Errors) {
        if ($item -is [System.Management.Automation.ErrorRecord]) {
            $described = & $describe $item
            $entries.Add((Format-TsScriptError -Text $described.Text -Position $described.Position -Environment $Environment))
        }
        elseif ($null -ne $item) { $entries.Add((Format-TsScriptError -Text ([string]$item) -Environment $Environment)) }
    }

    $lines = [System.Collections.Generic.List[string]]::new()
    $listed = $entries
    if ($TerminatingError -is [System.Management.Automation.ParseException]) {
        $lines.Add('The script could not be parsed, so none of it ran:')
        $listed = [System.Collections.Generic.List[string]]::new()
        foreach ($parseError in $TerminatingError.Errors) {
            $listed.Add((Format-TsScriptError -Text $parseError.Message -Position "line $($parseError.Extent.StartLineNumber), char $($parseError.Extent.StartColumnNumber)" -Environment $Environment))
        }
        foreach ($entry in $entries) { $listed.Add($entry) }
    }
    elseif ($null -ne $TerminatingError) {
        $stop = @{ Text = [string]$TerminatingError.Message; Position = '' }
        if ($TerminatingError -is [System.Management.Automation.IContainsErrorRecord] -and $null -ne $TerminatingError.ErrorRecord) {
            $stop = & $describe $TerminatingError.ErrorRecord
        }
        $where = ''
        if ($stop.Position) { $where = " at $($stop.Position)" }
        $lines.Add("The script failed$($where): $(Format-TsScriptError -Text $stop.Text -Environment $Environment)")
        if ($entries.Count -gt 0) { $lines.Add("Errors reported before it:") }
    }
    elseif ($missing.Count -gt 0) {
        $verb = 'does'
        if ($missing.Count -gt 1) { $verb = 'do' }
        $lines.Add("The script failed: it called $($missing -join ', '), which $verb not exist here. Its errors:")
    }
    elseif ($entries.Count -gt 0) {
        $lines.Add("The script completed but reported $($entries.Count) error(s):")
    }
    $shown = [System.Math]::Min($listed.Count, $Limit)
    for ($index = 0; $index -lt $shown; $index++) { $lines.Add($listed[$index]) }
    if ($listed.Count -gt $shown) { $lines.Add("... and $($listed.Count - $shown) more error(s); the log lists every one.") }
    return @{ Message = ($lines -join "`n"); Entries = $entries.ToArray(); MissingCommands = $missing.ToArray() }
}
