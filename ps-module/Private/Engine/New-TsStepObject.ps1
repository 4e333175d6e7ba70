function New-TsStepObject {
    <#
    .SYNOPSIS
    Builds a step object from a generated New-Ts*Step function's bound parameters.
    .DESCRIPTION
    PowerShell names are the PascalCase of the model's JSON names; the object carries the
    JSON names, so it serializes straight into a sequence document and feeds Invoke-TsStep.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)][string]$Type,
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$BoundParameters
    )
    $step = [ordered]@{ type = $Type }
    $model = Get-TsStepParameterModel -Type $Type
    # $PSBoundParameters is a generic Dictionary: it has no IDictionary.Contains to call.
    $boundNames = @($BoundParameters.Keys)
    foreach ($parameter in $model) {
        $psName = $parameter.PsName
        if ($boundNames -notcontains $psName) { continue }
        $value = $BoundParameters[$psName]
        if ($value -is [System.Management.Automation.SwitchParameter]) { $value = $value.IsPresent }
        elseif ($parameter.Type -eq 'steps') { $value = @(foreach ($child in $value) { ConvertTo-TsPlainData -InputObject $child }) }
        $step[$parameter.Name] = $value
    }
    return [pscustomobject]$step
}
