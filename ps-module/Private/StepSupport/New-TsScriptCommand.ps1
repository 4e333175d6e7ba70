function New-TsScriptCommand {
    <#
    .SYNOPSIS
    The script invocation with its arguments bound as data (CommandParameter objects, never text).
    .DESCRIPTION
    Only a .ps1 file: PowerShell would start any other path as a program.
    #>
    param([string]$ScriptPath, [object[]]$Arguments)
    if (-not $ScriptPath.EndsWith('.ps1', [System.StringComparison]::OrdinalIgnoreCase)) {
        throw [System.ArgumentException]::new("'$ScriptPath' is not a .ps1 file, so it cannot run as a PowerShell script.")
    }
    $command = [System.Management.Automation.Runspaces.Command]::new($ScriptPath)
    $command.MergeMyResults([System.Management.Automation.Runspaces.PipelineResultTypes]::Information, [System.Management.Automation.Runspaces.PipelineResultTypes]::Output)
    foreach ($argument in $Arguments) {
        if ($null -eq $argument.Name) { $command.Parameters.Add([System.Management.Automation.Runspaces.CommandParameter]::new([System.Management.Automation.Language.NullString]::Value, $argument.Value)) }
        elseif ($argument.HasValue) { $command.Parameters.Add($argument.Name, $argument.Value) }
        else { $command.Parameters.Add([System.Management.Automation.Runspaces.CommandParameter]::new($argument.Name, $true)) }
    }
    return $command
}
