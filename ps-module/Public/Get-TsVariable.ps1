function Get-TsVariable {
    <#
    .SYNOPSIS
    Gets task sequence variables of the PowerShell session's environment (the one Invoke-TsStep uses).
    .DESCRIPTION
    Names are case-insensitive and may use wildcards. Secret values are shown as ********.
    Inside a running script step use $tsenv.Value('Name') instead.
    .PARAMETER Name
    Variable names or wildcard patterns (default: all).
    .EXAMPLE
    PS> Get-TsVariable -Name 'OSD*'
    .OUTPUTS
    System.Management.Automation.PSCustomObject (Name, Value, IsSecret)
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([Parameter(Position = 0)][string[]]$Name = @('*'))
    $environment = $script:TsSession.Environment
    $masked = $environment.MaskedSnapshot()
    $patterns = @(foreach ($pattern in $Name) { [System.Management.Automation.WildcardPattern]::new($pattern, [System.Management.Automation.WildcardOptions]::IgnoreCase) })
    foreach ($variableName in $environment.GetVariables()) {
        foreach ($pattern in $patterns) {
            if ($pattern.IsMatch($variableName)) {
                # A secret value copied into another variable is masked there too, as in every result.
                [pscustomobject]@{ Name = $variableName; Value = $environment.Mask($masked[$variableName]); IsSecret = $environment.IsSecret($variableName) }
                break
            }
        }
    }
}
