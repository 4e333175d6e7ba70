# The engine's run semantics through the module's own commands, natively (issue 7): a restart
# ends Invoke-TsSequence with RestartPending and Resume-TsSequence finishes the run without
# running a step twice; -WhatIf reports WhatIf steps and changes nothing; -LogPath writes a
# CMTrace log without the secret; -NoState saves nothing.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    Import-Module ([System.IO.Path]::Combine((Get-TsRepositoryRoot), 'generated', 'TsSequence', 'TsSequence.psd1')) -Force -ErrorAction Stop

    # A sequence that appends one line per step to $Journal, with a restart in the middle.
    function New-TsRestartDocument {
        param([string]$Journal)
        $append = { param($Name) @{ type = 'RunPowerShellScript'; name = $Name; sourceScript = "Add-Content -LiteralPath `$tsenv.Value('Journal') -Value '$Name'" } }
        @{
            name      = 'Restart in the middle'
            variables = @{ Journal = $Journal }
            steps     = @(
                (& $append 'Before')
                @{ type = 'RestartComputer'; name = 'Restart'; messageTimeout = 0 }
                (& $append 'After')
            )
        }
    }
}

AfterAll {
    Remove-Module -Name TsSequence -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-TsSequence and Resume-TsSequence' {
    It 'stops RestartPending at a Restart Computer step and resumes with the next step, running none twice' {
        $state = [System.IO.Path]::Combine($TestDrive, 'state')
        $journal = [System.IO.Path]::Combine($TestDrive, 'journal.txt')
        $first = Invoke-TsSequence -InputObject (New-TsRestartDocument -Journal $journal) -StateDirectory $state
        $first.status | Should -Be 'RestartPending'
        $first.exitCode | Should -Be 3010
        @(Get-Content -LiteralPath $journal) | Should -Be @('Before')

        $last = Resume-TsSequence -StateDirectory $state
        $last.status | Should -Be 'Succeeded'
        @($last.steps | ForEach-Object { $_.path }) | Should -Be @('Before', 'Restart', 'After')
        @(Get-Content -LiteralPath $journal) | Should -Be @('Before', 'After')

        # A finished run is not run again.
        $again = Resume-TsSequence -StateDirectory $state
        $again.status | Should -Be 'Succeeded'
        @(Get-Content -LiteralPath $journal) | Should -Be @('Before', 'After')
    }

    It 'refuses a missing state folder with a clear error naming it' {
        $missing = [System.IO.Path]::Combine($TestDrive, 'no-such-state')
        { Resume-TsSequence -StateDirectory $missing } | Should -Throw -ExpectedMessage "*$missing*"
    }

    It '-WhatIf reports WhatIf steps and changes nothing' {
        $journal = [System.IO.Path]::Combine($TestDrive, 'whatif.txt')
        $result = Invoke-TsSequence -InputObject (New-TsRestartDocument -Journal $journal) -WhatIf
        @($result.steps | ForEach-Object { $_.status } | Sort-Object -Unique) | Should -Be @('WhatIf')
        [System.IO.File]::Exists($journal) | Should -BeFalse
    }

    It '-LogPath writes every record in the CMTrace format, without the secret value' {
        $log = [System.IO.Path]::Combine($TestDrive, 'logs', 'smsts.log')
        $document = @{ name = 'Logged'; steps = @(@{ type = 'RunPowerShellScript'; name = 'Say'; sourceScript = "'the token is ' + `$tsenv.Value('Token')" }) }
        $result = Invoke-TsSequence -InputObject $document -Variables @{ Token = 'P3ster-Secret-Token' } -SecretVariable Token -LogPath $log -NoState
        $result.status | Should -Be 'Succeeded'
        $text = [System.IO.File]::ReadAllText($log)
        $text | Should -Not -Match 'P3ster-Secret-Token'
        $text | Should -Match ([regex]::Escape('the token is ********'))
        $rest = [regex]::Replace($text, '<!\[LOG\[[\s\S]*?\]LOG\]!><time="\d\d:\d\d:\d\d\.\d{3}[+-]\d{3}" date="\d\d-\d\d-\d{4}" component="[^"]*" context="" type="[0-3]" thread="\d+" file="[^"]*">\r?\n', '')
        $rest | Should -BeNullOrEmpty
    }

    It '-NoState saves no state, and cannot be combined with -StateDirectory' {
        $document = @{ name = 'No state'; steps = @(@{ type = 'SetTaskSequenceVariable'; name = 'Set'; variableName = 'A'; variableValue = 'b' }) }
        $result = Invoke-TsSequence -InputObject $document -NoState
        $folder = $result.variables._SMSTSMDataPath
        [System.IO.File]::Exists([System.IO.Path]::Combine($folder, 'state.json')) | Should -BeFalse
        { Invoke-TsSequence -InputObject $document -NoState -StateDirectory ([System.IO.Path]::Combine($TestDrive, 's2')) } | Should -Throw -ExpectedMessage '*cannot have a state folder*'
    }
}
