function Test-TsOsCondition {
    param([System.Collections.IDictionary]$Os)
    if ($Os.Contains('platform')) {
        $current = Get-TsPlatformName
        if (@($Os['platform']) -notcontains $current) { return $false }
    }
    if ($Os.Contains('minVersion')) {
        $minimum = $null
        if (-not [version]::TryParse([string]$Os['minVersion'], [ref]$minimum)) { throw [System.ArgumentException]::new("os.minVersion '$($Os['minVersion'])' is not a version such as 10.0") }
        if ([System.Environment]::OSVersion.Version -lt $minimum) { return $false }
    }
    return $true
}
