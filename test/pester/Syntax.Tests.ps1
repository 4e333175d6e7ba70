# Windows PowerShell 5.1 must load every file of the module: each .ps1/.psm1/.psd1 under
# ps-module/ and generated/ (and this suite, and build.ps1) parses, uses no PowerShell 7-only
# syntax, and is ASCII or UTF-8 with a BOM. build.ps1's encoding and syntax self-check, on the
# source tree, with the 7-only constructs found in the AST as well as the tokens.
BeforeDiscovery {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    $root = Get-TsRepositoryRoot
    $files = @(Get-TsPowerShellFile -Root $root | ForEach-Object { @{ Path = $_; RelativePath = (ConvertTo-TsRelativePath -Path $_ -Root $root) } })
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    $root = Get-TsRepositoryRoot
    $relativePaths = @(Get-TsPowerShellFile -Root $root | ForEach-Object { ConvertTo-TsRelativePath -Path $_ -Root $root })
}

Describe 'PowerShell files' {
    It 'are found under ps-module/ and generated/' {
        @($relativePaths | Where-Object { $_ -like 'ps-module/*' }).Count | Should -BeGreaterThan 0
        @($relativePaths | Where-Object { $_ -like 'generated/*' }).Count | Should -BeGreaterThan 0
    }
}

Describe '<RelativePath>' -ForEach $files {
    It 'parses without errors' {
        @(Get-TsParseError -Path $Path) -join '; ' | Should -BeNullOrEmpty
    }

    It 'uses no PowerShell 7-only syntax' {
        @(Find-TsPowerShell7Syntax -Path $Path) -join '; ' | Should -BeNullOrEmpty
    }

    It 'is ASCII or UTF-8 with a BOM' {
        Test-TsFileEncoding -Path $Path | Should -BeNullOrEmpty
    }
}
