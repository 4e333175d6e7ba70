function New-TsScriptCommand {
    <#
    .SYNOPSIS
    The command that runs a step's .ps1 as powershell.exe -File would, its arguments bound as data.
    .DESCRIPTION
    The command is fixed code ($script:TsScriptWrapper) that calls the script with the step's
    parameters splatted (named ones from a dictionary, positional ones from a list: values,
    never text) and then adds to -Ended whether the call succeeded ($?). That is how an
    `exit N` is told from a script that simply ended: both leave N in $LASTEXITCODE (a native
    command sets it too), but only `exit` with a non-zero N fails the call, and
    powershell.exe -File exits 0 when the script ends without `exit`. The wrapper's own
    variables are private, so the script neither sees them nor inherits its
    $ErrorActionPreference, which makes a script that cannot start (it does not parse, or its
    parameters do not bind) a terminating error. Only a .ps1 file is accepted: PowerShell
    would start any other path as a program.
    With -Transcribe, each output object is also handed to Out-Default -Transcript as it
    comes: under powershell.exe output reaches a transcript through the host, and this
    runspace has none. It costs about a millisecond an object, so the caller asks for it
    only for a script that starts a transcript.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.Runspaces.Command])]
    param(
        [Parameter(Mandatory = $true)][string]$ScriptPath,
        [AllowEmptyCollection()][object[]]$Arguments = @(),
        [Parameter(Mandatory = $true)][AllowEmptyCollection()][System.Collections.Generic.List[object]]$Ended,
        [switch]$Transcribe
    )
    if (-not $ScriptPath.EndsWith('.ps1', [System.StringComparison]::OrdinalIgnoreCase)) {
        throw [System.ArgumentException]::new("'$ScriptPath' is not a .ps1 file, so it cannot run as a PowerShell script.")
    }
    $named = @{}
    $positional = [System.Collections.Generic.List[object]]::new()
    foreach ($argument in $Arguments) {
        if ($null -eq $argument.Name) { $positional.Add($argument.Value); continue }
        if ($named.ContainsKey($argument.Name)) { throw [System.ArgumentException]::new("parameters: -$($argument.Name) is given more than once.") }
        if ($argument.HasValue) { $named[$argument.Name] = $argument.Value } else { $named[$argument.Name] = $true }
    }
    $command = [System.Management.Automation.Runspaces.Command]::new($script:TsScriptWrapper, $true, $true)
    foreach ($value in @($ScriptPath, $named, $positional.ToArray(), $Ended, [bool]$Transcribe)) {
        $command.Parameters.Add([System.Management.Automation.Runspaces.CommandParameter]::new([System.Management.Automation.Language.NullString]::Value, $value))
    }
    $command.MergeMyResults([System.Management.Automation.Runspaces.PipelineResultTypes]::Information, [System.Management.Automation.Runspaces.PipelineResultTypes]::Output)
    return $command
}

# Fixed code, run in a local scope of the script's runspace; every value arrives in $args.
$script:TsScriptWrapper = @'
$private:TsNamed = $args[1]
$private:TsPositional = $args[2]
$private:TsEnded = $args[3]
$private:ErrorActionPreference = 'Stop'
if ($args[4]) { & $args[0] @TsNamed @TsPositional | & { process { $_; $null = $_ | Out-Default -Transcript } } }
else { & $args[0] @TsNamed @TsPositional }
$TsEnded.Add($?)
'@
