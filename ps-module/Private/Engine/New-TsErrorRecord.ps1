function New-TsErrorRecord {
    <#
    .SYNOPSIS
    Builds an ErrorRecord with a stable error id, a category and a target, for ThrowTerminatingError.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory = $true)][string]$Message,
        [Parameter(Mandatory = $true)][string]$ErrorId,
        [System.Management.Automation.ErrorCategory]$Category = [System.Management.Automation.ErrorCategory]::NotSpecified,
        [object]$Target,
        [System.Exception]$Exception
    )
    if ($null -eq $Exception) { $Exception = [System.InvalidOperationException]::new($Message) }
    return [System.Management.Automation.ErrorRecord]::new($Exception, "TsSequence.$ErrorId", $Category, $Target)
}
