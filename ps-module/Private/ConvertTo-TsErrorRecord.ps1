function ConvertTo-TsErrorRecord {
    <#
    .SYNOPSIS
    The error record a public command throws for a failure of the engine core.
    .DESCRIPTION
    An engine error (TsSequence.Engine.EngineException) carries its own record with a stable id
    (TsSequence.InvalidSequence, ...); PowerShell wraps a .NET method's exception in "Exception
    calling ...", which is unwrapped here so the message is the engine's own.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param([Parameter(Mandatory = $true)][System.Management.Automation.ErrorRecord]$ErrorRecord)
    $exception = $ErrorRecord.Exception
    while ($exception -is [System.Management.Automation.MethodInvocationException] -and $null -ne $exception.InnerException) {
        $exception = $exception.InnerException
    }
    if ($exception -is [TsSequence.Engine.EngineException]) { return $exception.ErrorRecord }
    return [System.Management.Automation.ErrorRecord]::new($exception, 'TsSequence.EngineError', [System.Management.Automation.ErrorCategory]::NotSpecified, $null)
}
