function Get-TsMissingCommandAdvice {
    <#
    .SYNOPSIS
    Names the commands a script could not find and, on a reduced engine, suggests a full PowerShell.
    .DESCRIPTION
    The embedded engine has only the core cmdlets and the stream cmdlets (no Utility or
    Management module), so a script written for full PowerShell may call something missing.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([AllowEmptyCollection()][object[]]$Errors)
    $names = [System.Collections.Generic.List[string]]::new()
    foreach ($item in $Errors) {
        if ($null -eq $item) { continue }
        $exception = $item
        if ($item -is [System.Management.Automation.ErrorRecord]) { $exception = $item.Exception }
        if ($exception -is [System.Management.Automation.CommandNotFoundException]) {
            $name = [string]$exception.CommandName
            if ([string]::IsNullOrEmpty($name) -and $item -is [System.Management.Automation.ErrorRecord]) { $name = [string]$item.TargetObject }
            if (-not [string]::IsNullOrEmpty($name) -and -not $names.Contains($name)) { $names.Add($name) }
        }
    }
    if ($names.Count -eq 0) { return '' }
    if (Test-TsReducedEngine) {
        return "The script called $($names -join ', '), which this PowerShell engine does not have (the embedded engine provides only the core and stream cmdlets). Run with a full PowerShell: tsseq run --engine pwsh."
    }
    return "The script called $($names -join ', '), which was not found."
}
