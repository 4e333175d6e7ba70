function New-TsStepObject {
    <#
    .SYNOPSIS
    Builds a step object from a generated New-Ts*Step function's bound parameters (TsSequence.Commands.StepObjects).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)][string]$Type,
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$BoundParameters
    )
    return [TsSequence.Commands.StepObjects]::Create($Type, $BoundParameters)
}
