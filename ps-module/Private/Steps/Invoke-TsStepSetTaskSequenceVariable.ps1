function Invoke-TsStepSetTaskSequenceVariable {
    <#
    .SYNOPSIS
    Set Task Sequence Variable (SMS_TaskSequence_SetVariableAction): sets, or with an empty value deletes, one variable.
    .DESCRIPTION
    The value's %var% references were expanded by Resolve-TsStepParameters (single pass).
    Read-only "_" names are refused by the variable store. With doNotShowVariableValue the
    variable is marked secret, so it is masked in every log, event and result.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Parameters,
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [string]$Path
    )
    $name = [string]$Parameters['variableName']
    $value = ''
    if ($Parameters.ContainsKey('variableValue') -and $null -ne $Parameters['variableValue']) { $value = [string]$Parameters['variableValue'] }
    $environment = $Context.Environment
    $hidden = $Parameters.ContainsKey('doNotShowVariableValue') -and $Parameters['doNotShowVariableValue'] -eq $true
    $environment.Set($name, $value)
    # Marked before anything is logged, so the value is never visible.
    if ($hidden -and $value.Length -gt 0) { $environment.MarkSecret($name) }
    if ($value.Length -eq 0) {
        Write-TsLog -Context $Context -Message "Deleted the task sequence variable $name (set to an empty value)" -Path $Path
    }
    elseif ($environment.IsSecret($name)) {
        Write-TsLog -Context $Context -Message "Set the task sequence variable $name to a hidden value" -Path $Path
    }
    else {
        Write-TsLog -Context $Context -Message "Set the task sequence variable $name=$value" -Path $Path
    }
    return @{ ExitCode = 0; Message = '' }
}
