function Get-TsSessionEnvironment {
    if ($null -eq $script:TsSessionEnvironment) { $script:TsSessionEnvironment = [TsSequence.TsEnvironment]::new() }
    return , $script:TsSessionEnvironment
}
