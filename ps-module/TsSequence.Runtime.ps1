# Loads the module's runtime into the TsSequence module's scope: the compiled engine core
# (ps-module/csharp/TsSequence.Core: document reader and validator, variables, conditions, the
# item walker, results, events, log, the built-in steps and the bridge protocol server) and
# the PowerShell commands over it. The generated TsSequence.psm1 dot-sources this file after
# setting $script:TsRuntimeRoot, so every function below lives in the module (Private/ stays
# private: the manifest exports only Public/ and the generated functions). Windows PowerShell
# 5.1 must parse every file, and only what 5.1 and PowerShell 7 both have is used.
Set-StrictMode -Version 2.0

# Windows PowerShell 5.1 loads the net462 build; PowerShell 7 the netstandard2.0 one.
$tsCoreAssembly = [System.IO.Path]::Combine($script:TsRuntimeRoot, 'lib', 'TsSequence.Core.dll')
if ($PSVersionTable.PSEdition -ne 'Core') { $tsCoreAssembly = [System.IO.Path]::Combine($script:TsRuntimeRoot, 'lib', 'net462', 'TsSequence.Core.dll') }
if (-not [System.IO.File]::Exists($tsCoreAssembly)) {
    throw "TsSequence: '$tsCoreAssembly' is missing. Build it first: run 'npm run build' in the tsseq folder (or build.ps1 for a packaged module)."
}
$tsCore = [System.Reflection.Assembly]::LoadFrom($tsCoreAssembly)
if ($PSVersionTable.PSEdition -eq 'Core') {
    # .NET answers LoadFrom with a core already in the process: the one the embedded engine (host/)
    # carries precompiled, or one an earlier import loaded (a rebuilt DLL is not loaded again). It
    # must be this very build (the same module version id), or other code than this module's would
    # run. (Windows PowerShell 5.1 lacks System.Reflection.Metadata; there only the file loaded counts.)
    $tsStream = [System.IO.File]::OpenRead($tsCoreAssembly)
    try {
        $tsPE = [System.Reflection.PortableExecutable.PEReader]::new($tsStream)
        try {
            $tsReader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($tsPE)
            $tsWanted = $tsReader.GetGuid($tsReader.GetModuleDefinition().Mvid)
        }
        finally { $tsPE.Dispose() }
    }
    finally { $tsStream.Dispose() }
    if ($tsCore.ManifestModule.ModuleVersionId -ne $tsWanted) {
        throw "TsSequence: this PowerShell already has another build of the engine core loaded ($($tsCore.Location)) than this module's ($tsCoreAssembly). Start a new PowerShell session; if this is the embedded engine, rebuild it: run 'npm run build' in the tsseq folder."
    }
}

# What this session's calls share (its run folder and, for Invoke-TsStep without -Variables and
# Get-/Set-TsVariable, its variables); both are created on first use.
$script:TsSession = [TsSequence.Engine.EngineSession]::new()

# One function per file: Private/ (glue the public and generated commands call) and Public/.
foreach ($tsRuntimeFolder in @('Private', 'Public')) {
    $tsRuntimePath = [System.IO.Path]::Combine($script:TsRuntimeRoot, $tsRuntimeFolder)
    foreach ($tsRuntimeFile in [System.IO.Directory]::GetFiles($tsRuntimePath, '*.ps1', [System.IO.SearchOption]::AllDirectories)) {
        . $tsRuntimeFile
    }
}
