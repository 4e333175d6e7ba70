<#
.SYNOPSIS
Assembles the self-contained TsSequence module folder and runs the module's self-checks.
.DESCRIPTION
Copies generated/TsSequence (manifest, bindings, step data) and the hand-written runtime
(ps-module: loader, Private, Public, bridge, lib) into <OutputPath>/TsSequence, the layout the
generated psm1 looks for first (a 'Runtime' folder beside it). Then checks the packaging: the
manifest is valid, the module imports from the output folder, and its exported commands equal
the manifest's list. The files' encoding, 5.1 syntax and every command's help are checked by the
module's Pester suite (test/pester, run by npm test). Runs in pwsh, powershell.exe or the
embedded engine: `npx tsseq pwsh -- -File build.ps1`.
.PARAMETER OutputPath
Folder to write the module into (default: out/ in the repository).
#>
[CmdletBinding()]
param([string]$OutputPath)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$root = $PSScriptRoot
if ([string]::IsNullOrEmpty($OutputPath)) { $OutputPath = [System.IO.Path]::Combine($root, 'out') }
$OutputPath = [System.IO.Path]::GetFullPath($OutputPath)
$moduleFolder = [System.IO.Path]::Combine($OutputPath, 'TsSequence')
$runtimeFolder = [System.IO.Path]::Combine($moduleFolder, 'Runtime')

function Copy-Folder {
    param([string]$Source, [string]$Destination, [string[]]$Exclude = @())
    [void][System.IO.Directory]::CreateDirectory($Destination)
    foreach ($file in [System.IO.Directory]::GetFiles($Source)) {
        [System.IO.File]::Copy($file, [System.IO.Path]::Combine($Destination, [System.IO.Path]::GetFileName($file)), $true)
    }
    foreach ($folder in [System.IO.Directory]::GetDirectories($Source)) {
        $name = [System.IO.Path]::GetFileName($folder)
        if ($Exclude -contains $name) { continue }
        Copy-Folder -Source $folder -Destination ([System.IO.Path]::Combine($Destination, $name)) -Exclude $Exclude
    }
}

$failures = [System.Collections.Generic.List[string]]::new()
function Add-Failure { param([string]$Text) $failures.Add($Text); Write-Warning -Message $Text }

$coreAssembly = [System.IO.Path]::Combine($root, 'ps-module', 'lib', 'TsSequence.Core.dll')
if (-not [System.IO.File]::Exists($coreAssembly)) { throw "build.ps1: $coreAssembly is missing; run 'npm run build' first." }

if ([System.IO.Directory]::Exists($moduleFolder)) { [System.IO.Directory]::Delete($moduleFolder, $true) }
Copy-Folder -Source ([System.IO.Path]::Combine($root, 'generated', 'TsSequence')) -Destination $moduleFolder
Copy-Folder -Source ([System.IO.Path]::Combine($root, 'ps-module')) -Destination $runtimeFolder -Exclude @('csharp', 'ScriptSurface')
Write-Verbose -Message "Module assembled in $moduleFolder"

# Encoding, 5.1 syntax and help of every file and command are the Pester suite's (test/pester);
# here: the assembled folder is a loadable module that exports what its manifest declares.
$manifestPath = [System.IO.Path]::Combine($moduleFolder, 'TsSequence.psd1')
$manifest = Test-ModuleManifest -Path $manifestPath
$module = Import-Module -Name $manifestPath -PassThru -Force
$declared = [string[]]@($manifest.ExportedFunctions.Keys)
$exported = [string[]]@($module.ExportedFunctions.Keys)
foreach ($name in $declared) { if ($exported -notcontains $name) { Add-Failure "The manifest exports $name but the module does not define it." } }
foreach ($name in $exported) { if ($declared -notcontains $name) { Add-Failure "The module exports $name but the manifest does not declare it." } }
Remove-Module -Name TsSequence -Force

if ($failures.Count -gt 0) {
    throw "build.ps1: $($failures.Count) problem(s) in the module; see the warnings above."
}
"TsSequence module built in $moduleFolder ($($exported.Count) commands)"
