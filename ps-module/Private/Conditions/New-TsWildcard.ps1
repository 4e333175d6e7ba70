function New-TsWildcard {
    param([string]$Pattern)
    return [System.Management.Automation.WildcardPattern]::new($Pattern, [System.Management.Automation.WildcardOptions]::IgnoreCase)
}
