<#
.SYNOPSIS
Runs the TsSequence module's Pester suite and writes the counts for scripts/pester.mjs.
.DESCRIPTION
Imports the given Pester (6.2.0, restored from NuGet by scripts/pester.mjs), runs every
*.Tests.ps1 under -TestPath with normal output (failures in full, then Pester's summary) and
writes the counts as JSON to -ResultPath. Exits 0 when at least one test ran and none failed.
Paths arrive as arguments so that none is ever spliced into code.
.PARAMETER PesterPath
Path of Pester.psd1.
.PARAMETER TestPath
Folder (or file) of the tests to run.
.PARAMETER ResultPath
File to write the counts to (JSON: passed, failed, skipped, notRun, failedBlocks, failedContainers, total).
.PARAMETER TestResultPath
Optional NUnit XML report for CI.
.EXAMPLE
PS> ./Invoke-TsPester.ps1 -PesterPath ~/.nuget/packages/pester/6.2.0/tools/Pester.psd1 -TestPath ./test/pester -ResultPath ./pester.json
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$PesterPath,
    [Parameter(Mandatory = $true)][string]$TestPath,
    [Parameter(Mandatory = $true)][string]$ResultPath,
    [string]$TestResultPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$pester = Import-Module -Name $PesterPath -PassThru -Force
if ($pester.Version -ne [version]'6.2.0') { throw "Expected Pester 6.2.0 from $PesterPath, got $($pester.Version)." }

$configuration = New-PesterConfiguration
$configuration.Run.Path = @($TestPath)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
# No ANSI colours when the output goes to a file or a CI log instead of a terminal.
if ([Console]::IsOutputRedirected) { $configuration.Output.RenderMode = 'Plaintext' }
if (-not [string]::IsNullOrEmpty($TestResultPath)) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $TestResultPath
}

$result = Invoke-Pester -Configuration $configuration
# Pester reports "no test files were found" as an error and returns no result: that run counts as
# nothing having run, which fails the suite.
if ($null -eq $result) { $result = [pscustomobject]@{ PassedCount = 0; FailedCount = 0; SkippedCount = 0; NotRunCount = 0; FailedBlocksCount = 0; FailedContainersCount = 0; TotalCount = 0 } }
$counts = [ordered]@{
    passed           = [int]$result.PassedCount
    failed           = [int]$result.FailedCount
    skipped          = [int]$result.SkippedCount
    notRun           = [int]$result.NotRunCount
    failedBlocks     = [int]$result.FailedBlocksCount
    failedContainers = [int]$result.FailedContainersCount
    total            = [int]$result.TotalCount
}
[System.IO.File]::WriteAllText($ResultPath, (ConvertTo-Json -InputObject $counts -Compress), (New-Object System.Text.UTF8Encoding($false)))
$ok = $counts.failed -eq 0 -and $counts.failedBlocks -eq 0 -and $counts.failedContainers -eq 0 -and $counts.passed -gt 0
if ($ok) { exit 0 } else { exit 1 }
