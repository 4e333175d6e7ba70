# The manifest exports exactly the public functions (the generated ones and ps-module/Public/),
# and importing the module gives exactly those commands: nothing private leaks, nothing public
# is forgotten, and the manifest lists names rather than a wildcard.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    $root = Get-TsRepositoryRoot
    $manifestPath = [System.IO.Path]::Combine($root, 'generated', 'TsSequence', 'TsSequence.psd1')
    $public = @(Get-TsPublicFunctionName -Root $root)
    $manifest = Import-PowerShellDataFile -Path $manifestPath
    $module = Import-Module $manifestPath -Force -PassThru -ErrorAction Stop

    # Both directions at once, so a failure says what to add and what to remove.
    function Get-TsListDifference {
        param([string[]]$Expected, [string[]]$Actual, [string]$ExpectedLabel, [string]$ActualLabel)
        foreach ($name in @($Expected)) { if (@($Actual) -notcontains $name) { "$name (in $ExpectedLabel, not in $ActualLabel)" } }
        foreach ($name in @($Actual)) { if (@($Expected) -notcontains $name) { "$name (in $ActualLabel, not in $ExpectedLabel)" } }
    }
}

AfterAll {
    Remove-Module -Name TsSequence -Force -ErrorAction SilentlyContinue
}

Describe 'TsSequence exports' {
    It 'finds public functions in the source' {
        $public.Count | Should -BeGreaterThan 0
    }

    It 'lists names, not wildcards, in FunctionsToExport' {
        @($manifest['FunctionsToExport'] | Where-Object { [string]$_ -match '[*?\[]' }) | Should -BeNullOrEmpty
    }

    It 'lists each function once in FunctionsToExport' {
        @($manifest['FunctionsToExport'] | Group-Object | Where-Object { $_.Count -gt 1 } | ForEach-Object { $_.Name }) -join ', ' | Should -BeNullOrEmpty
    }

    It "has FunctionsToExport equal to the public functions (generated and ps-module/Public)" {
        $difference = @(Get-TsListDifference -Expected $public -Actual @($manifest['FunctionsToExport']) -ExpectedLabel 'the public functions' -ActualLabel 'FunctionsToExport')
        $difference -join '; ' | Should -BeNullOrEmpty
    }

    It 'exports no cmdlets, variables or aliases it does not declare' {
        foreach ($key in @('CmdletsToExport', 'VariablesToExport', 'AliasesToExport')) {
            $declared = @($manifest[$key] | Where-Object { $null -ne $_ })
            @($declared | Where-Object { [string]$_ -match '[*?\[]' }) | Should -BeNullOrEmpty -Because "$key must list names"
        }
        @($module.ExportedAliases.Keys | Where-Object { @($manifest['AliasesToExport']) -notcontains $_ }) | Should -BeNullOrEmpty
        @($module.ExportedVariables.Keys | Where-Object { @($manifest['VariablesToExport']) -notcontains $_ }) | Should -BeNullOrEmpty
    }

    It 'has Get-Command -Module TsSequence equal to the public functions' {
        $commands = @(Get-Command -Module TsSequence | ForEach-Object { $_.Name } | Sort-Object)
        $difference = @(Get-TsListDifference -Expected $public -Actual $commands -ExpectedLabel 'the public functions' -ActualLabel 'Get-Command -Module TsSequence')
        $difference -join '; ' | Should -BeNullOrEmpty
    }

    It 'exports its commands as functions' {
        @(Get-Command -Module TsSequence | Where-Object { $_.CommandType -ne 'Function' } | ForEach-Object { "$($_.Name) ($($_.CommandType))" }) -join ', ' | Should -BeNullOrEmpty
    }
}
