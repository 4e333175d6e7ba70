function Resolve-TsStepParameters {
    <#
    .SYNOPSIS
    Returns a step's parameters with model defaults applied and %var% references expanded.
    .DESCRIPTION
    Expansion is done here, once, by the variable store (single pass: a substituted value is
    never expanded again), and only on data fields: fields the model marks verbatim (script
    source) are code and stay as written; 'parameters' is expanded by its runner after it has
    been parsed, so a value can never change how the parameters are split. Values of fields
    marked secret join the variable store's mask.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$Step,
        [Parameter(Mandatory = $true)][hashtable]$Context
    )
    $environment = $Context.Environment
    $resolved = @{}
    foreach ($parameter in (Get-TsStepParameterModel -Type ([string]$Step['type']))) {
        $name = $parameter.Name
        if ($Step.Contains($name)) { $value = $Step[$name] }
        elseif ($null -ne $parameter.Default) { $value = $parameter.Default }
        else { continue }
        if (-not $parameter.Verbatim -and @('name', 'description') -notcontains $name) {
            if ($parameter.Type -eq 'string' -and $value -is [string]) { $value = $environment.Expand($value) }
            elseif ($parameter.Type -eq 'string[]') { $value = @(foreach ($text in $value) { $environment.Expand([string]$text) }) }
        }
        # Fields the model marks secret (passwords) are masked like secret variables.
        if ($parameter.Secret -and $value -is [string] -and $value.Length -gt 0) { $environment.AddSecretValue($value) }
        $resolved[$name] = $value
    }
    return $resolved
}
