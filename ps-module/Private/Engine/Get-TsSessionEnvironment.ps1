function Get-TsSessionEnvironment {
    <#
    .SYNOPSIS
    The variables of this PowerShell session: what Get-TsVariable, Set-TsVariable and
    Invoke-TsStep without -Variables share, so values persist from one call to the next.
    .DESCRIPTION
    Created on first use with the built-in variables of the session's run (Get-TsSessionRun).
    #>
    [CmdletBinding()]
    [OutputType([TsSequence.TsEnvironment])]
    param()
    # PSVariable.GetValue answers $null for a variable never set, where Set-StrictMode would throw.
    $environment = $ExecutionContext.SessionState.PSVariable.GetValue('TsSessionEnvironment')
    if ($null -eq $environment) {
        $environment = [TsSequence.TsEnvironment]::new()
        [TsSequence.BuiltInVariables]::Set($environment, (Get-TsSessionRun), '', '')
        $script:TsSessionEnvironment = $environment
    }
    return $environment
}
