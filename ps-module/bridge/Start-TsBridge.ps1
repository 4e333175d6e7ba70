# Entry point the Node bridge launches: <engine> -NoProfile -File Start-TsBridge.ps1 -PipeName X -ModulePath Y,
# with the session keys on standard input (never on the command line or in the environment, which
# other local users can read). It imports the module and serves the bridge protocol (NDJSON over a
# named pipe / unix socket, never over stdout, so whatever steps print cannot corrupt it). See
# Private/Start-TsBridgeServer.ps1 and the core's Protocol/ folder (ps-module/csharp/TsSequence.Core).
param(
    [Parameter(Mandatory = $true)][string]$PipeName,
    [Parameter(Mandatory = $true)][string]$ModulePath
)
$ErrorActionPreference = 'Stop'
$module = Import-Module -Name $ModulePath -PassThru -Force
# Scripts that steps run (in runspaces of their own) find this very module by name, so
# Invoke-TsStep -Type Node in them loads it on first use and calls back to Node.
# (A folder whose path holds the list separator cannot be listed: scripts then import it by path.)
$moduleParent = [System.IO.Path]::GetDirectoryName($module.ModuleBase)
if ($moduleParent.IndexOf([System.IO.Path]::PathSeparator) -lt 0) {
    $env:PSModulePath = $moduleParent + [System.IO.Path]::PathSeparator + $env:PSModulePath
}
else {
    [Console]::Error.WriteLine("tsseq engine: the module's folder '$moduleParent' holds '$([System.IO.Path]::PathSeparator)', so it cannot go on PSModulePath: scripts must Import-Module it by its path to call Invoke-TsStep.")
}
$code = & $module { param($name) Start-TsBridgeServer -PipeName $name } $PipeName
exit [int]($code | Select-Object -Last 1)
