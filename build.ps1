<#
.SYNOPSIS
Assembles the self-contained TsSequence module folder and runs the module's self-checks.
.DESCRIPTION
Copies generated/TsSequence (manifest, bindings, step data) and the hand-written runtime
(ps-module: loader, Private, Public, bridge, lib) into <OutputPath>/TsSequence, the layout the
generated psm1 looks for first (a 'Runtime' folder beside it). Then checks what a gallery
or a Windows PowerShell 5.1 user would trip over: the manifest is valid, the module imports
from the output folder, its exported commands equal the manifest's list, every export has
a synopsis, every .ps1/.psm1/.psd1 is ASCII or UTF-8 with BOM (5.1 reads BOM-less files as
ANSI), and no file uses PowerShell 7-only syntax. Runs in pwsh, powershell.exe or the
embedded engine (only core cmdlets and .NET are used): `npx tsseq pwsh -- -File build.ps1`.
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

$environmentAssembly = [System.IO.Path]::Combine($root, 'ps-module', 'lib', 'TsSequence.Environment.dll')
if (-not [System.IO.File]::Exists($environmentAssembly)) { throw "build.ps1: $environmentAssembly is missing; run 'npm run build' first." }

if ([System.IO.Directory]::Exists($moduleFolder)) { [System.IO.Directory]::Delete($moduleFolder, $true) }
Copy-Folder -Source ([System.IO.Path]::Combine($root, 'generated', 'TsSequence')) -Destination $moduleFolder
Copy-Folder -Source ([System.IO.Path]::Combine($root, 'ps-module')) -Destination $runtimeFolder -Exclude @('csharp')
Write-Verbose -Message "Module assembled in $moduleFolder"

# Encoding and 5.1 syntax of every PowerShell file shipped.
$powerShellFiles = [System.IO.Directory]::GetFiles($moduleFolder, '*.ps*1', [System.IO.SearchOption]::AllDirectories)
$sevenOnlyTokens = @('QuestionQuestion', 'QuestionQuestionEquals', 'QuestionDot', 'QuestionLBracket', 'AndAnd', 'OrOr')
foreach ($file in $powerShellFiles) {
    $bytes = [System.IO.File]::ReadAllBytes($file)
    $hasBom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
    if (-not $hasBom) {
        foreach ($byte in $bytes) { if ($byte -gt 127) { Add-Failure "$($file): non-ASCII text without a UTF-8 BOM (Windows PowerShell 5.1 would misread it)"; break } }
    }
    $tokens = $null
    $errors = $null
    [void][System.Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$errors)
    foreach ($parseError in $errors) { Add-Failure "$($file):$($parseError.Extent.StartLineNumber): $($parseError.Message)" }
    foreach ($token in $tokens) {
        if ($sevenOnlyTokens -contains [string]$token.Kind -or ([string]$token.Kind -eq 'QuestionMark')) {
            Add-Failure "$($file):$($token.Extent.StartLineNumber): '$($token.Text)' is PowerShell 7-only syntax"
        }
    }
}

# The manifest, the import, the exports and their help.
$manifestPath = [System.IO.Path]::Combine($moduleFolder, 'TsSequence.psd1')
$manifest = Test-ModuleManifest -Path $manifestPath
$module = Import-Module -Name $manifestPath -PassThru -Force
$declared = [string[]]@($manifest.ExportedFunctions.Keys)
$exported = [string[]]@($module.ExportedFunctions.Keys)
foreach ($name in $declared) { if ($exported -notcontains $name) { Add-Failure "The manifest exports $name but the module does not define it." } }
foreach ($name in $exported) {
    $help = Get-Help -Name $name
    if ($null -eq $help -or [string]::IsNullOrWhiteSpace([string]$help.Synopsis) -or ([string]$help.Synopsis).Trim() -eq $name) {
        Add-Failure "$name has no synopsis in its help."
    }
}
Remove-Module -Name TsSequence -Force

if ($failures.Count -gt 0) {
    throw "build.ps1: $($failures.Count) problem(s) in the module; see the warnings above."
}
"TsSequence module built in $moduleFolder ($($exported.Count) commands, $($powerShellFiles.Length) PowerShell files checked)"
