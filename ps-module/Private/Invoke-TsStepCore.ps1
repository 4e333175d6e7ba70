function Invoke-TsStepCore {
    <#
    .SYNOPSIS
    Runs one step (or group) outside a sequence: the shared core of Invoke-TsStep and the bridge.
    .DESCRIPTION
    With -Variables the step gets a fresh environment seeded from them; without, it uses the
    session environment that Get-TsVariable/Set-TsVariable manage, so consecutive
    Invoke-TsStep calls in a console share variables. Returns the step's result entry plus
    'variables' (the environment after the step, secrets masked).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)][object]$Step,
        [System.Collections.IDictionary]$Variables,
        [string[]]$SecretNames = @(),
        [scriptblock]$OnEvent,
        [scriptblock]$NodeStepHandler,
        [string]$BaseDirectory,
        [switch]$AsDictionary
    )
    $plainStep = ConvertTo-TsPlainData -InputObject $Step
    $errors = [System.Collections.Generic.List[string]]::new()
    Test-TsStepDefinition -Step $plainStep -JsonPath '$' -Errors $errors
    if ($errors.Count -gt 0) {
        throw [System.ArgumentException]::new("The step is not valid:`n  $($errors -join "`n  ")")
    }
    $contextArguments = @{ OnEvent = $OnEvent; NodeStepHandler = $NodeStepHandler; BaseDirectory = $BaseDirectory; SecretNames = $SecretNames }
    if ($PSBoundParameters.ContainsKey('Variables') -and $null -ne $Variables) { $contextArguments['Variables'] = $Variables }
    else { $contextArguments['Environment'] = Get-TsSessionEnvironment }
    $context = New-TsRunContext @contextArguments
    [void](Invoke-TsItem -Item $plainStep -Context $context -Path ([string]$plainStep['name']))
    $result = [ordered]@{}
    foreach ($key in $context.Results[0].Keys) { $result[$key] = $context.Results[0][$key] }
    $result['variables'] = Get-TsResultVariables -Environment $context.Environment
    if ($AsDictionary) { return $result }
    return [pscustomobject]$result
}

function Get-TsSessionEnvironment {
    if ($null -eq $script:TsSessionEnvironment) { $script:TsSessionEnvironment = [TsSequence.TsEnvironment]::new() }
    return , $script:TsSessionEnvironment
}

function Get-TsResultVariables {
    <#
    .SYNOPSIS
    The variables as they may leave the engine: sorted by name, secret variables as ********,
    and any secret value copied into another variable (say, a command's output) masked too.
    #>
    param([TsSequence.TsEnvironment]$Environment)
    $masked = $Environment.MaskedSnapshot()
    $sorted = ConvertTo-TsSortedDictionary -Dictionary $masked
    foreach ($name in @($sorted.Keys)) { $sorted[$name] = $Environment.Mask([string]$sorted[$name]) }
    return $sorted
}

function ConvertTo-TsSortedDictionary {
    param($Dictionary)
    # Sort-Object is a Utility cmdlet, absent from the embedded engine.
    $names = [string[]]@($Dictionary.Keys)
    [System.Array]::Sort($names, [System.StringComparer]::OrdinalIgnoreCase)
    $sorted = [ordered]@{}
    foreach ($name in $names) { $sorted[$name] = $Dictionary[$name] }
    return $sorted
}
