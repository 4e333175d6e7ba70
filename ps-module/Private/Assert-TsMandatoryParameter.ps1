function Assert-TsMandatoryParameter {
    <#
    .SYNOPSIS
    Stops a call of a generated command that misses mandatory parameters when PowerShell would
    prompt for them but nobody can answer; names every missing parameter.
    .DESCRIPTION
    Called from the dynamicparam block of the generated New-Ts*Step, New-TsGroup and
    Invoke-TsStep, which runs after the arguments are bound and before PowerShell prompts for
    unbound mandatory parameters. Measured on pwsh 7.6.9: with -NonInteractive, and in hosts
    that cannot prompt, PowerShell fails by itself ("missing mandatory parameters: X"). But the
    console host prompts whenever -NonInteractive is absent, even with standard input
    redirected: it writes the prompt into the output and takes the answer from standard input,
    so 'pwsh -File x.ps1 < /dev/null' fails only after printing the prompt, a pipe feeds its
    next line in as the value (silently wrong), and a pipe that stays open waits forever. So in
    the console host with a redirected standard input the call fails here instead. A console
    whose input is a terminal still prompts, as PowerShell users expect.
    .PARAMETER Invocation
    The generated command's $MyInvocation.
    .PARAMETER BoundParameters
    The generated command's $PSBoundParameters.
    .PARAMETER Name
    The command's mandatory parameters (in the parameter set that applies).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][System.Management.Automation.InvocationInfo]$Invocation,
        [Parameter(Mandatory = $true)][System.Collections.IDictionary]$BoundParameters,
        [Parameter(Mandatory = $true)][string[]]$Name
    )
    # Get-Command reads dynamic parameters outside any pipeline: that is not a call.
    if ($Invocation.PipelinePosition -lt 1) { return }
    $missing = @(foreach ($parameter in $Name) { if (-not $BoundParameters.ContainsKey($parameter)) { $parameter } })
    if ($missing.Count -eq 0) { return }
    if ($Host.Name -ne 'ConsoleHost' -or -not [System.Console]::IsInputRedirected) { return }
    $list = ($missing | ForEach-Object { "-$_" }) -join ', '
    # PowerShell reports this as "Cannot retrieve the dynamic parameters for the cmdlet. <this message>".
    throw [System.Management.Automation.ParameterBindingException]::new(
        "$($Invocation.MyCommand.Name) is missing mandatory parameters: $list. PowerShell cannot prompt for them because standard input is not a terminal; pass them as arguments.")
}
