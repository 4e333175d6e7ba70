# Loads the hand-written runtime into the TsSequence module's scope. The generated
# TsSequence.psm1 dot-sources this file after setting $script:TsRuntimeRoot, so every
# function below lives in the module (Private/ stays private: the manifest exports only
# Public/ and the generated functions). Windows PowerShell 5.1 must parse every file, and only
# the cmdlets and .NET types that both 5.1 (.NET Framework 4.6.2+) and PowerShell 7 (.NET 10)
# have are used; hot paths keep to .NET calls, which cost far less than a cmdlet.
Set-StrictMode -Version 2.0

$script:TsIsCoreClr = $PSVersionTable.PSEdition -eq 'Core'
$script:TsIsWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT

# The compiled core (ps-module/csharp): the variable store ($tsenv, a compiled type so ConfigMgr's
# `$tsenv.Value('X') = 'y'` idiom, a parameterized property, works in 5.1 and 7 alike), the JSON
# codec and the bridge protocol server. It ships no dependency: PowerShell provides what it uses.
if (-not ('TsSequence.TsEnvironment' -as [type])) {
    # Windows PowerShell 5.1 loads the net462 build; PowerShell 7 the netstandard2.0 one.
    $tsCoreAssembly = [System.IO.Path]::Combine($script:TsRuntimeRoot, 'lib', 'TsSequence.Core.dll')
    if (-not $script:TsIsCoreClr) { $tsCoreAssembly = [System.IO.Path]::Combine($script:TsRuntimeRoot, 'lib', 'net462', 'TsSequence.Core.dll') }
    if (-not [System.IO.File]::Exists($tsCoreAssembly)) {
        throw "TsSequence: '$tsCoreAssembly' is missing. Build it first: run 'npm run build' in the tsseq folder (or build.ps1 for a packaged module)."
    }
    [void][System.Reflection.Assembly]::LoadFrom($tsCoreAssembly)
}

# One function per file: Private/<area>/ (Engine, Validation, Conditions, Log, Steps,
# StepSupport, Bridge) and Public/ (the exported commands).
foreach ($tsRuntimeFolder in @('Private', 'Public')) {
    $tsRuntimePath = [System.IO.Path]::Combine($script:TsRuntimeRoot, $tsRuntimeFolder)
    foreach ($tsRuntimeFile in [System.IO.Directory]::GetFiles($tsRuntimePath, '*.ps1', [System.IO.SearchOption]::AllDirectories)) {
        . $tsRuntimeFile
    }
}
