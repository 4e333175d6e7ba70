function New-TsRunContext {
    <#
    .SYNOPSIS
    Creates the state of one run: the variable store, the result list and the callbacks.
    .DESCRIPTION
    Initial variables are set with user-level rules (so "_" names cannot be smuggled in);
    the built-in read-only variables are then set by the engine, as ConfigMgr does before the
    first step: TsSequence.BuiltInVariables computes them (the run folder from -Run, the
    document's id and name), and _SMSTSInstructionTableSize is the number of instructions
    (steps and groups, nested ones too) the run may walk.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][TsSequence.RunFolder]$Run,
        [string]$SequenceName = '',
        [string]$SequenceId = '',
        [int]$InstructionCount = 0,
        [TsSequence.TsEnvironment]$Environment,
        [System.Collections.IDictionary]$Variables,
        [System.Collections.IDictionary]$OverrideVariables,
        [string[]]$SecretNames = @(),
        [scriptblock]$OnEvent,
        [scriptblock]$NodeStepHandler,
        [string]$BaseDirectory,
        [switch]$WhatIf
    )
    $environment = $Environment
    if ($null -eq $environment) { $environment = [TsSequence.TsEnvironment]::new() }
    foreach ($source in @($Variables, $OverrideVariables)) {
        if ($null -eq $source) { continue }
        foreach ($name in @($source.Keys)) {
            $value = $source[$name]
            if ($null -ne $value -and $value -isnot [string]) {
                throw [System.ArgumentException]::new("Variable '$name' must be a string (task sequence values are strings); got a $($value.GetType().Name).")
            }
            $environment.Set([string]$name, [string]$value)
        }
    }
    foreach ($secret in $SecretNames) { $environment.MarkSecret($secret) }

    if ([string]::IsNullOrEmpty($BaseDirectory)) { $BaseDirectory = [System.IO.Directory]::GetCurrentDirectory() }
    [TsSequence.BuiltInVariables]::Set($environment, $Run, $SequenceId, $SequenceName)
    $environment.SetSystem('_SMSTSInstructionTableSize', [string]$InstructionCount)

    return @{
        Environment        = $environment
        Run                = $Run
        # The flat index of the next item Invoke-TsItem starts (_SMSTSNextInstructionPointer).
        InstructionPointer = 0
        Results            = [System.Collections.Generic.List[object]]::new()
        OnEvent            = $OnEvent
        NodeStepHandler    = $NodeStepHandler
        BaseDirectory      = $BaseDirectory
        WhatIf             = [bool]$WhatIf
        RestartPending     = $false
    }
}
