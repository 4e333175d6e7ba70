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
    # The variables as every result shows them: sorted, secrets (and their copies) masked.
    $shown = [TsSequence.Engine.ResultVariables]::Of($environment)
    $patterns = @(foreach ($pattern in $Name) { [System.Management.Automation.WildcardPattern]::new($pattern, [System.Management.Automation.WildcardOptions]::IgnoreCase) })
    foreach ($variableName in $shown.Keys) {
        foreach ($pattern in $patterns) {
            if ($pattern.IsMatch($variableName)) {
                [pscustomobject]@{ Name = $variableName; Value = $shown[$variableName]; IsSecret = $environment.IsSecret($variableName) }
                break
            }
        }
    }
}
