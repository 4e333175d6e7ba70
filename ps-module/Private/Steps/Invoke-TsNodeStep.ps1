function Invoke-TsNodeStep {
    <#
    .SYNOPSIS
    Runs a step implemented in Node (type "Node") through the bridge that started this run.
    .DESCRIPTION
    The handler gets the parameters and the variables, and answers with the variables after
    it ran; those are applied with user-level rules (read-only names stay untouched, an
    absent name is deleted). Secret variables keep their value unless the handler changed it.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Parameters,
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [string]$Path
    )
    $handler = [string]$Parameters['handler']
    if ($null -eq $Context.NodeStepHandler) {
        throw [System.InvalidOperationException]::new("The Node step handler '$handler' can only run when the sequence is started from Node (tsseq run or Engine.runSequence).")
    }
    $environment = $Context.Environment
    $before = $environment.Snapshot()
    $answer = & $Context.NodeStepHandler ([ordered]@{ handler = $handler; parameters = $Parameters['parameters']; variables = $before; path = $Path })
    $after = $answer['variables']
    if ($null -ne $after) {
        foreach ($name in @($after.Keys)) {
            if ($name.StartsWith('_')) { continue }
            $value = [string]$after[$name]
            if (-not $before.ContainsKey($name) -or $before[$name] -cne $value) { $environment.Set($name, $value) }
        }
        foreach ($name in @($before.Keys)) {
            if (-not $name.StartsWith('_') -and -not $after.Contains($name)) { $environment.Set($name, '') }
        }
    }
    $exitCode = 0
    if ($null -ne $answer['exitCode']) { $exitCode = [int]$answer['exitCode'] }
    return @{ ExitCode = $exitCode; Message = [string]$answer['message'] }
}
