function Assert-TsOutputVariableName {
    <#
    .SYNOPSIS
    Refuses an outputVariableName that could not be set, before the step runs anything.
    .DESCRIPTION
    Checked after %var% expansion, with the variable store's own rules, so a command never
    runs only for its result to be lost on a name that was never valid.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Parameters)
    if (-not $Parameters.ContainsKey('outputVariableName')) { return }
    $name = [string]$Parameters['outputVariableName']
    if ([string]::IsNullOrEmpty($name)) { return }
    $problem = [TsSequence.TsEnvironment]::GetNameProblem($name)
    if ($null -ne $problem) { throw [System.ArgumentException]::new("outputVariableName: $problem") }
}
