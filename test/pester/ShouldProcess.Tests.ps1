# Commands that change state support -WhatIf and -Confirm (SupportsShouldProcess), and -WhatIf
# really changes nothing. Which commands change state is decided by Test-TsChangesState
# (TsPester.psm1): everything but read-only verbs and the New-Ts*Step/New-TsGroup builders.
BeforeDiscovery {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    $names = @(@(Get-TsPublicFunctionName) + @(Get-TsManifestFunctionName) | Sort-Object -Unique)
    $stateChanging = @($names | Where-Object { Test-TsChangesState -Name $_ } | ForEach-Object { @{ Name = $_ } })

    # A state change to make with and without -WhatIf, and how to observe it. The control run
    # without -WhatIf proves the sample changes something, so the -WhatIf run can fail. Change
    # passes -WhatIf on only when given (@PSBoundParameters), so the control run works even on a
    # command that has no -WhatIf.
    $samples = @(
        @{
            Name    = 'Set-TsVariable'
            Setup   = { Set-TsVariable -Name 'TsPesterWhatIf' -Value 'before' }
            Change  = { param([switch]$WhatIf) Set-TsVariable -Name 'TsPesterWhatIf' -Value 'after' @PSBoundParameters }
            Observe = { [string](Get-TsVariable -Name 'TsPesterWhatIf').Value }
        }
        @{
            Name    = 'Invoke-TsStep'
            Setup   = { }
            Change  = {
                param([switch]$WhatIf)
                Invoke-TsStep -Type RunPowerShellScript -Parameters @{ sourceScript = 'Set-Content -LiteralPath $env:TSSEQ_PESTER_MARKER -Value x' } -Variables @{} @PSBoundParameters
            }
            Observe = { [System.IO.File]::Exists($env:TSSEQ_PESTER_MARKER) }
        }
        @{
            Name    = 'Invoke-TsSequence'
            Setup   = { }
            Change  = {
                param([switch]$WhatIf)
                $document = @{ name = 'WhatIf'; steps = @(@{ type = 'RunPowerShellScript'; name = 'Touch'; sourceScript = 'Set-Content -LiteralPath $env:TSSEQ_PESTER_MARKER -Value x' }) }
                Invoke-TsSequence -InputObject $document @PSBoundParameters
            }
            Observe = { [System.IO.File]::Exists($env:TSSEQ_PESTER_MARKER) }
        }
    )
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    Import-Module ([System.IO.Path]::Combine((Get-TsRepositoryRoot), 'generated', 'TsSequence', 'TsSequence.psd1')) -Force -ErrorAction Stop

    # What a step or sequence result says, for failure messages: the status and every step message.
    function Format-TsRunResult {
        param($Result)
        if ($null -eq $Result) { return 'nothing' }
        $status = $Result.PSObject.Properties['status']
        if ($null -eq $status) { return [string]$Result }
        $messages = @()
        $steps = $Result.PSObject.Properties['steps']
        if ($null -ne $steps) { $messages = @($steps.Value | ForEach-Object { "$($_.path): $($_.status) $($_.message)" }) }
        $message = $Result.PSObject.Properties['message']
        if ($null -ne $message) { $messages += [string]$message.Value }
        "status $($status.Value) ($($messages -join '; '))"
    }
}

AfterAll {
    Remove-Module -Name TsSequence -Force -ErrorAction SilentlyContinue
    Remove-Item -Path Env:TSSEQ_PESTER_MARKER -ErrorAction SilentlyContinue
}

Describe '<Name> changes state' -ForEach $stateChanging {
    It 'declares SupportsShouldProcess, so it has -WhatIf and -Confirm' {
        $command = Get-Command -Name $Name -Module TsSequence -ErrorAction Stop
        $binding = @($command.ScriptBlock.Attributes | Where-Object { $_ -is [System.Management.Automation.CmdletBindingAttribute] })
        $binding.Count | Should -Be 1 -Because "$Name needs [CmdletBinding(SupportsShouldProcess = `$true)]"
        $binding[0].SupportsShouldProcess | Should -BeTrue -Because "$Name needs [CmdletBinding(SupportsShouldProcess = `$true)]"
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe '<Name> -WhatIf' -ForEach $samples {
    BeforeEach {
        # A fresh marker path for each run; TestDrive is removed after the file.
        $env:TSSEQ_PESTER_MARKER = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
    }

    It 'changes state without -WhatIf (the sample is a real change)' {
        & $Setup
        $before = & $Observe
        $result = & $Change
        & $Observe | Should -Not -Be $before -Because "the sample run returned $(Format-TsRunResult $result)"
    }

    It 'changes nothing with -WhatIf' {
        & $Setup
        $before = & $Observe
        $null = & $Change -WhatIf
        & $Observe | Should -Be $before
    }
}
