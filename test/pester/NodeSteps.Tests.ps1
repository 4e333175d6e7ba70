# Invoke-TsStep -Type Node in PowerShell on its own (issue 8 item 2): with no Node bridge request
# running in this process the step fails, saying where it can run, and nothing is left waiting.
# The bridge side (a script that Node runs calling back to Node) is test/bridge/nodeStepFromPowerShell.test.ts.
BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TsPester.psm1')) -Force
    Import-Module ([System.IO.Path]::Combine((Get-TsRepositoryRoot), 'generated', 'TsSequence', 'TsSequence.psd1')) -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module -Name TsSequence -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-TsStep -Type Node without a Node bridge' {
    It 'accepts Node as a -Type' {
        $validate = (Get-Command Invoke-TsStep).Parameters['Type'].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $validate.ValidValues | Should -Contain 'Node'
    }

    It 'fails the step, naming the handler and where Node steps run, and returns its result' {
        $result = Invoke-TsStep -Type Node -Parameters @{ handler = 'notify'; parameters = @{ to = 'ops' } } -Variables @{ A = '1' }
        $result.status | Should -Be 'Failed'
        $result.type | Should -Be 'Node'
        $result.path | Should -Be 'Node Step'
        $result.message | Should -Match "handler 'notify' can only run when Node runs the step"
        $result.message | Should -Match 'no Node bridge request is running'
        $result.variables['A'] | Should -Be '1'
    }

    It 'refuses a Node step without a handler before it runs, naming the field' {
        { Invoke-TsStep -Type Node -Parameters @{ parameters = @{} } -Variables @{} } | Should -Throw -ExpectedMessage '*handler*'
    }
}
