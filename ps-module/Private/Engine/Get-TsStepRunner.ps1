function Get-TsStepRunner {
    param([string]$Type)
    $runnerName = "Invoke-TsStep$Type"
    if ($Type -eq 'Node') { $runnerName = 'Invoke-TsNodeStep' }
    $runner = Get-Command -Name $runnerName -CommandType Function -ErrorAction SilentlyContinue
    if ($null -eq $runner) {
        throw [System.NotImplementedException]::new("The $Type step is not implemented yet in this version of tsseq (implemented: SetTaskSequenceVariable, RunCommandLine, RunPowerShellScript).")
    }
    return $runner
}
