function Get-TsStepParameterModel {
    <#
    .SYNOPSIS
    Returns the parameter descriptions (generated model) that apply to a step type, common options included.
    .DESCRIPTION
    Groups take the common options except timeoutMinutes, plus their child steps; Node steps
    name the handler registered on the Node side.
    #>
    [CmdletBinding()]
    [OutputType([hashtable[]])]
    param([Parameter(Mandatory = $true)][string]$Type)
    $common = @($script:TsCommonOptions)
    switch ($Type) {
        'Group' {
            $groupOptions = @($common | Where-Object { $_.Name -ne 'timeoutMinutes' })
            return , ($groupOptions + @(
                    @{ Name = 'steps'; PsName = 'Steps'; Type = 'steps'; Required = $true; Default = $null; Enum = $null; Minimum = $null; Maximum = $null; MinLength = $null; MaxLength = $null; Pattern = $null; Secret = $false; Verbatim = $false; Description = 'The steps and groups of this group, run in order.' }
                ))
        }
        'Node' {
            return , ($common + @(
                    @{ Name = 'handler'; PsName = 'Handler'; Type = 'string'; Required = $true; Default = $null; Enum = $null; Minimum = $null; Maximum = $null; MinLength = 1; MaxLength = $null; Pattern = $null; Secret = $false; Verbatim = $false; Description = 'Name the handler was registered under with engine.registerStep in Node.' }
                    @{ Name = 'parameters'; PsName = 'Parameters'; Type = 'object'; Required = $false; Default = $null; Enum = $null; Minimum = $null; Maximum = $null; MinLength = $null; MaxLength = $null; Pattern = $null; Secret = $false; Verbatim = $false; Description = 'Data handed to the Node handler.' }
                ))
        }
        default {
            if (-not $script:TsStepTypes.Contains($Type)) { throw [System.ArgumentException]::new("Unknown step type '$Type'.") }
            return , ($common + @($script:TsStepTypes[$Type].Parameters))
        }
    }
}
