function New-TsRunContext {
    <#
    .SYNOPSIS
    Creates the state of one run: the variable store, the result list and the callbacks.
    .DESCRIPTION
    Initial variables are set with user-level rules (so "_" names cannot be smuggled in);
    built-in "_SMSTS" variables are then set by the engine, as ConfigMgr does before the
    first step.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [string]$SequenceName = '',
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
    $environment.SetSystem('_SMSTSPackageName', $SequenceName)
    $environment.SetSystem('_SMSTSMachineName', [System.Environment]::MachineName)
    $environment.SetSystem('_SMSTSInWinPE', 'false')
    $environment.SetSystem('_SMSTSType', '1')
    $environment.SetSystem('_SMSTSLaunchMode', 'tsseq')

    return @{
        Environment     = $environment
        Results         = [System.Collections.Generic.List[object]]::new()
        OnEvent         = $OnEvent
        NodeStepHandler = $NodeStepHandler
        BaseDirectory   = $BaseDirectory
        WhatIf          = [bool]$WhatIf
        RestartPending  = $false
    }
}
