# The checks of Syntax.Tests.ps1 can fail: each 7-only construct, a parse error and a BOM-less
# non-ASCII file are caught in a sample file, and 5.1 look-alikes (the same characters in strings,
# comments, the ? alias, -and/-or, ForEach-Object -Process) are not.
BeforeDiscovery {
    $sevenOnly = @(
        @{ Construct = 'null-coalescing ??'; Code = '$a = $b ?? 1' }
        @{ Construct = 'null-coalescing assignment ??='; Code = '$a ??= 1' }
        @{ Construct = 'null-conditional member ?.'; Code = '${a}?.Length' }
        @{ Construct = 'null-conditional index ?['; Code = '${a}?[0]' }
        @{ Construct = 'pipeline chain &&'; Code = 'Get-Date && Get-Date' }
        @{ Construct = 'pipeline chain ||'; Code = 'Get-Date || Get-Date' }
        @{ Construct = 'ternary'; Code = '$a = $true ? 1 : 2' }
        @{ Construct = 'ForEach-Object -Parallel'; Code = '1..2 | ForEach-Object -Parallel { $_ }' }
        @{ Construct = '% -Parallel abbreviated'; Code = '1..2 | % -Pa { $_ } -Th 2' }
        @{ Construct = 'clean block'; Code = 'function f { process { } clean { } }' }
        @{ Construct = 'background operator &'; Code = 'Get-Date &' }
        @{ Construct = 'escape `e'; Code = '"`e[0m"' }
        @{ Construct = 'escape `u{}'; Code = '"`u{2713}"' }
        @{ Construct = '?? inside a subexpression'; Code = '"$($a ?? 1)"' }
    )
    $fiveOne = @(
        @{ Construct = 'operators in strings and comments'; Code = "'a ?? b && c || d ?.e ? f : g' # `$x ?? 1 && 2" }
        @{ Construct = 'the ? alias of Where-Object'; Code = '1..3 | ? { $_ -gt 1 }' }
        @{ Construct = '-and / -or'; Code = 'if ($true -and ($false -or $true)) { 1 }' }
        @{ Construct = 'ForEach-Object -Process / -PipelineVariable'; Code = '1..2 | ForEach-Object -Process { $_ } -PipelineVariable p' }
        @{ Construct = 'escaped backtick before e'; Code = '"``e"' }
        @{ Construct = 'call operator &'; Code = '& { 1 }' }
        @{ Construct = 'subexpression if'; Code = '$a = $(if ($true) { 1 } else { 2 })' }
    )
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    function New-TsSample {
        param([string]$Code, [System.Text.Encoding]$Encoding = (New-Object System.Text.UTF8Encoding($false)))
        $path = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N') + '.ps1')
        [System.IO.File]::WriteAllText($path, $Code, $Encoding)
        $path
    }
}

Describe 'The 5.1 syntax check' {
    It 'flags <Construct>' -ForEach $sevenOnly {
        @(Find-TsPowerShell7Syntax -Path (New-TsSample -Code $Code)).Count | Should -BeGreaterThan 0
    }

    It 'accepts <Construct>' -ForEach $fiveOne {
        $path = New-TsSample -Code $Code
        @(Get-TsParseError -Path $path) | Should -BeNullOrEmpty
        @(Find-TsPowerShell7Syntax -Path $path) -join '; ' | Should -BeNullOrEmpty
    }

    It 'reports parse errors' {
        @(Get-TsParseError -Path (New-TsSample -Code 'function f {')).Count | Should -BeGreaterThan 0
    }
}

Describe 'The encoding check' {
    It 'flags non-ASCII text without a BOM' {
        Test-TsFileEncoding -Path (New-TsSample -Code "# caf$([char]0xE9)") | Should -Match 'line 1: non-ASCII'
    }

    It 'accepts non-ASCII text with a UTF-8 BOM' {
        Test-TsFileEncoding -Path (New-TsSample -Code "# caf$([char]0xE9)" -Encoding (New-Object System.Text.UTF8Encoding($true))) | Should -BeNullOrEmpty
    }

    It 'accepts ASCII text without a BOM' {
        Test-TsFileEncoding -Path (New-TsSample -Code '# cafe') | Should -BeNullOrEmpty
    }
}

Describe 'The state-changing classification' {
    It 'requires -WhatIf of <_>' -ForEach @('Set-TsVariable', 'Invoke-TsStep', 'Invoke-TsSequence', 'Resume-TsSequence', 'Remove-TsState') {
        Test-TsChangesState -Name $_ | Should -BeTrue
    }

    It 'exempts <_>' -ForEach @('Get-TsVariable', 'Test-TsSequence', 'New-TsRunCommandLineStep', 'New-TsGroup') {
        Test-TsChangesState -Name $_ | Should -BeFalse
    }
}
