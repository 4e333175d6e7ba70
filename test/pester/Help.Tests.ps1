# Every exported command documents itself: Get-Help shows a synopsis, a description, at least one
# example and a description for each of its parameters (common parameters excepted).
BeforeDiscovery {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    # The names come from the source and the manifest (read as data): discovery must not import the
    # module, and a function missing from either list still gets its own tests.
    $commands = @(@(Get-TsPublicFunctionName) + @(Get-TsManifestFunctionName) | Sort-Object -Unique | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    $manifestPath = [System.IO.Path]::Combine((Get-TsRepositoryRoot), 'generated', 'TsSequence', 'TsSequence.psd1')
    Import-Module $manifestPath -Force -ErrorAction Stop
    # -WhatIf and -Confirm come with SupportsShouldProcess; PowerShell documents them, not the module.
    $ignoredParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    # Help objects lack a property when its section is missing; strict mode would throw on it.
    function Get-TsHelpProperty {
        param($Object, [string]$Name)
        if ($null -eq $Object) { return }
        $property = $Object.PSObject.Properties[$Name]
        if ($null -ne $property) { $property.Value }
    }

    function Get-TsHelpText {
        param($Value)
        (@($Value) | Where-Object { $null -ne $_ } | ForEach-Object { if ($_.PSObject.Properties['Text']) { $_.Text } else { [string]$_ } }) -join "`n"
    }
}

AfterAll {
    Remove-Module -Name TsSequence -Force -ErrorAction SilentlyContinue
}

Describe 'Help of <Name>' -ForEach $commands {
    BeforeAll {
        $command = Get-Command -Name $Name -Module TsSequence -ErrorAction SilentlyContinue
        $help = $null
        if ($null -ne $command) { $help = Get-Help -Name $Name -Full }
        # Without comment-based help, Get-Help makes up a help object from the syntax (its synopsis is
        # the syntax line and it reports one empty example); only MAML help is written help.
        $isWrittenHelp = $null -ne $help -and @($help.PSObject.TypeNames) -contains 'MamlCommandHelpInfo'
    }

    It 'is exported by the module' {
        $command | Should -Not -BeNullOrEmpty -Because "$Name is a public function or listed in the manifest"
    }

    It 'has a synopsis' {
        $isWrittenHelp | Should -BeTrue -Because "$Name needs comment-based help (.SYNOPSIS, .DESCRIPTION, .PARAMETER, .EXAMPLE)"
        $synopsis = ([string]$help.Synopsis).Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Be $Name
    }

    It 'has a description' {
        $isWrittenHelp | Should -BeTrue -Because "$Name needs comment-based help"
        (Get-TsHelpText (Get-TsHelpProperty $help 'description')).Trim() | Should -Not -BeNullOrEmpty -Because "$Name needs a .DESCRIPTION"
    }

    It 'has at least one example with code' {
        $isWrittenHelp | Should -BeTrue -Because "$Name needs comment-based help"
        $examples = @(Get-TsHelpProperty (Get-TsHelpProperty $help 'examples') 'example' | Where-Object { $null -ne $_ -and -not [string]::IsNullOrWhiteSpace([string]$_.code) })
        $examples.Count | Should -BeGreaterOrEqual 1 -Because "$Name needs an .EXAMPLE"
    }

    It 'describes every parameter' {
        $isWrittenHelp | Should -BeTrue -Because "$Name needs comment-based help"
        # The parameters the command really has (not only those its help lists), hidden ones
        # (DontShow) included: Get-Help -Full still shows them.
        $parameterNames = @($command.Parameters.Keys | Where-Object { $ignoredParameters -notcontains $_ } | Sort-Object)
        $helpParameters = @(Get-TsHelpProperty (Get-TsHelpProperty $help 'parameters') 'parameter' | Where-Object { $null -ne $_ })
        $undocumented = foreach ($parameterName in $parameterNames) {
            $entry = $helpParameters | Where-Object { $_.name -eq $parameterName } | Select-Object -First 1
            # An undescribed parameter's help entry has no description property at all.
            if ([string]::IsNullOrWhiteSpace((Get-TsHelpText (Get-TsHelpProperty $entry 'description')))) { "-$parameterName" }
        }
        @($undocumented) -join ', ' | Should -BeNullOrEmpty -Because "every parameter of $Name needs a .PARAMETER description"
    }
}
