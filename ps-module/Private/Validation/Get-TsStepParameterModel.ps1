function Get-TsStepParameterModel {
    <#
    .SYNOPSIS
    Returns the parameter descriptions (generated model) that apply to a step type, common options included.
    .DESCRIPTION
    Everything comes from the generated TsSequence.StepTypes.ps1. Groups take the common
    options except timeoutMinutes (a group has no process to stop), plus their child steps.
    #>
    [CmdletBinding()]
    [OutputType([hashtable[]])]
    param([Parameter(Mandatory = $true)][string]$Type)
    $common = @($script:TsCommonOptions)
    switch ($Type) {
        'Group' { return , (@($common | Where-Object { $_.Name -ne 'timeoutMinutes' }) + @($script:TsGroupType.Parameters)) }
        'Node' { return , ($common + @($script:TsNodeType.Parameters)) }
        default {
            if (-not $script:TsStepTypes.Contains($Type)) { throw [System.ArgumentException]::new("Unknown step type '$Type'.") }
            return , ($common + @($script:TsStepTypes[$Type].Parameters))
        }
    }
}
