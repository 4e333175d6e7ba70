# Helpers shared by the module's Pester suite (test/pester/*.Tests.ps1). They are functions, not
# inline test code, so that the suite can also test the checks themselves against known-bad
# samples (SyntaxCheck.Tests.ps1): a check that cannot fail is a defect.
Set-StrictMode -Version 2.0

function Get-TsRepositoryRoot {
    <# The clone this suite lives in (test/pester/ is two levels below it). #>
    [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
}

function ConvertTo-TsRelativePath {
    <# A path relative to the clone, with '/' separators, for test names that read the same everywhere. #>
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Root = (Get-TsRepositoryRoot))
    $full = [System.IO.Path]::GetFullPath($Path)
    $prefix = $Root.TrimEnd([System.IO.Path]::DirectorySeparatorChar) + [System.IO.Path]::DirectorySeparatorChar
    if ($full.StartsWith($prefix, [System.StringComparison]::Ordinal)) { $full = $full.Substring($prefix.Length) }
    $full.Replace([System.IO.Path]::DirectorySeparatorChar, '/')
}

function Get-TsPowerShellFile {
    <#
    Every .ps1/.psm1/.psd1 that must stay Windows PowerShell 5.1 syntax: the hand-written runtime
    (ps-module/), the generator output (generated/), this suite, and build.ps1 (run in
    powershell.exe too). Build output (bin/, obj/) is not source.
    #>
    param([string]$Root = (Get-TsRepositoryRoot))
    $buildScript = [System.IO.Path]::Combine($Root, 'build.ps1')
    if ([System.IO.File]::Exists($buildScript)) { $buildScript }
    $folders = @('ps-module', 'generated', [System.IO.Path]::Combine('test', 'pester'))
    foreach ($folder in $folders) {
        $path = [System.IO.Path]::Combine($Root, $folder)
        if (-not [System.IO.Directory]::Exists($path)) { continue }
        foreach ($file in [System.IO.Directory]::GetFiles($path, '*', [System.IO.SearchOption]::AllDirectories)) {
            $extension = [System.IO.Path]::GetExtension($file).ToLowerInvariant()
            if (@('.ps1', '.psm1', '.psd1') -notcontains $extension) { continue }
            $relative = ConvertTo-TsRelativePath -Path $file -Root $Root
            if ($relative -match '(^|/)(bin|obj)/') { continue }
            $file
        }
    }
}

function Get-TsTopLevelFunctionName {
    <# Names of the functions a file defines at its top level (what dot-sourcing it adds). #>
    param([Parameter(Mandatory = $true)][string]$Path)
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
    foreach ($statement in $ast.EndBlock.Statements) {
        if ($statement -is [System.Management.Automation.Language.FunctionDefinitionAst]) { $statement.Name }
    }
}

function Get-TsPublicFunctionName {
    <#
    The module's public functions, from the source rather than from the loaded module: every
    function the generated files define (generated/TsSequence/*.psm1, *.ps1) and every function
    of ps-module/Public/. Sorted, unique.
    #>
    param([string]$Root = (Get-TsRepositoryRoot))
    $files = New-Object System.Collections.Generic.List[string]
    $generated = [System.IO.Path]::Combine($Root, 'generated', 'TsSequence')
    foreach ($pattern in @('*.psm1', '*.ps1')) { foreach ($file in [System.IO.Directory]::GetFiles($generated, $pattern)) { $files.Add($file) } }
    $public = [System.IO.Path]::Combine($Root, 'ps-module', 'Public')
    foreach ($file in [System.IO.Directory]::GetFiles($public, '*.ps1', [System.IO.SearchOption]::AllDirectories)) { $files.Add($file) }
    $names = foreach ($file in $files) { Get-TsTopLevelFunctionName -Path $file }
    @($names | Sort-Object -Unique)
}

function Get-TsManifestFunctionName {
    <# FunctionsToExport of the generated manifest, read as data (no import). Sorted. #>
    param([string]$Root = (Get-TsRepositoryRoot))
    $manifest = Import-PowerShellDataFile -Path ([System.IO.Path]::Combine($Root, 'generated', 'TsSequence', 'TsSequence.psd1'))
    @($manifest['FunctionsToExport'] | Sort-Object)
}

function Get-TsParseError {
    <# The parse errors of a file, as 'line N: message'. #>
    param([Parameter(Mandatory = $true)][string]$Path)
    $tokens = $null
    $errors = $null
    [void][System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
    foreach ($parseError in $errors) { "line $($parseError.Extent.StartLineNumber): $($parseError.Message)" }
}

# ForEach-Object's -Parallel parameter set (PowerShell 7.0+) and the parameters Windows PowerShell
# 5.1's ForEach-Object has, so an abbreviation is flagged only when it can mean nothing but a 7-only one.
$script:ForEachObject7Parameters = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
$script:ForEachObject51Parameters = @('Begin', 'Process', 'End', 'RemainingScripts', 'InputObject', 'MemberName', 'ArgumentList', 'WhatIf', 'Confirm',
    'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ErrorVariable', 'WarningVariable', 'InformationVariable',
    'OutVariable', 'OutBuffer', 'PipelineVariable', 'vb', 'db', 'ea', 'wa', 'infa', 'ev', 'wv', 'iv', 'ov', 'ob', 'pv')

function Test-TsPrefixOf {
    param([string]$Prefix, [string[]]$Names)
    foreach ($name in $Names) { if ($name.StartsWith($Prefix, [System.StringComparison]::OrdinalIgnoreCase)) { return $true } }
    $false
}

function Find-TsPowerShell7Syntax {
    <#
    PowerShell 7-only constructs in a file, found with the parser (tokens and AST, never a regex
    over the source text, so strings and comments that mention them do not count): ?? ??= ?. ?[
    (tokens), pipeline chains && || and ternaries (AST), clean {} blocks, a pipeline sent to the
    background with a trailing &, ForEach-Object -Parallel (and its parameter set), and the `e /
    `u{...} escapes that 5.1 reads as plain letters. Each finding is 'line N: what'.
    Type names are compared as strings: 5.1 has no PipelineChainAst or TernaryExpressionAst types.
    #>
    param([Parameter(Mandatory = $true)][string]$Path)
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
    $tokenNames = @{
        QuestionQuestion       = "'??' (null-coalescing operator)"
        QuestionQuestionEquals = "'??=' (null-coalescing assignment)"
        QuestionDot            = "'?.' (null-conditional member access)"
        QuestionLBracket       = "'?[' (null-conditional index)"
    }
    $findings = New-Object System.Collections.Generic.List[object]
    $add = { param($Extent, [string]$What) $findings.Add([pscustomobject]@{ Line = $Extent.StartLineNumber; What = $What }) }

    $pending = New-Object System.Collections.Generic.Stack[object]
    foreach ($token in $tokens) { $pending.Push($token) }
    while ($pending.Count -gt 0) {
        $token = $pending.Pop()
        $kind = [string]$token.Kind
        if ($tokenNames.ContainsKey($kind)) { & $add $token.Extent $tokenNames[$kind] }
        if ($kind -eq 'StringExpandable' -or $kind -eq 'HereStringExpandable') {
            # An odd run of backticks before e or u{ is an escape; 5.1 has neither (case-sensitive).
            if ($token.Text -cmatch '(?<!`)(?:``)*`(?:e|u\{)') { & $add $token.Extent "'``e' or '``u{...}' escape (5.1 reads a plain letter)" }
            if ($null -ne $token.NestedTokens) { foreach ($nested in $token.NestedTokens) { $pending.Push($nested) } }
        }
    }

    foreach ($node in $ast.FindAll({ $true }, $true)) {
        switch ($node.GetType().Name) {
            'PipelineChainAst' { & $add $node.Extent "'$($node.Operator -replace 'AndAnd', '&&' -replace 'OrOr', '||')' pipeline chain" }
            'TernaryExpressionAst' { & $add $node.Extent "ternary 'a ? b : c'" }
            'NamedBlockAst' { if ([string]$node.BlockKind -eq 'Clean') { & $add $node.Extent "'clean {}' block" } }
            'PipelineAst' {
                $background = $node.PSObject.Properties['Background']
                if ($null -ne $background -and $background.Value) { & $add $node.Extent "pipeline sent to the background with a trailing '&'" }
            }
            'ForEachStatementAst' {
                if (([string]$node.Flags) -match 'Parallel') { & $add $node.Extent "'foreach -parallel' (workflows only)" }
            }
            'CommandAst' {
                $commandName = $node.GetCommandName()
                if (@('ForEach-Object', '%', 'foreach') -contains $commandName) {
                    foreach ($element in $node.CommandElements) {
                        if ($element -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                        $name = $element.ParameterName
                        if ((Test-TsPrefixOf -Prefix $name -Names $script:ForEachObject7Parameters) -and -not (Test-TsPrefixOf -Prefix $name -Names $script:ForEachObject51Parameters)) {
                            & $add $element.Extent "ForEach-Object -$name (the 7-only -Parallel parameter set)"
                        }
                    }
                }
            }
        }
    }
    foreach ($finding in ($findings | Sort-Object -Property Line)) { "line $($finding.Line): $($finding.What)" }
}

function Test-TsFileEncoding {
    <#
    The encoding rule of build.ps1: a file is ASCII, or UTF-8 with a BOM. Windows PowerShell 5.1
    reads a BOM-less file as the ANSI code page, so any other non-ASCII byte is misread. Returns
    the problem, or nothing.
    #>
    param([Parameter(Mandatory = $true)][string]$Path)
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    $hasBom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
    if ($hasBom) { return }
    for ($index = 0; $index -lt $bytes.Length; $index++) {
        if ($bytes[$index] -gt 127) {
            $line = 1
            for ($before = 0; $before -lt $index; $before++) { if ($bytes[$before] -eq 10) { $line++ } }
            return "line $($line): non-ASCII byte 0x$('{0:X2}' -f $bytes[$index]) in a file without a UTF-8 BOM (Windows PowerShell 5.1 would read it as ANSI)"
        }
    }
}

function Test-TsChangesState {
    <#
    Whether a command changes state and so must support -WhatIf/-Confirm. Read-only verbs do not;
    the generated step builders (New-Ts<Type>Step, New-TsGroup) only build in-memory objects.
    Everything else (Set-, Invoke-, Resume-, and any verb added later) changes state.
    #>
    param([Parameter(Mandatory = $true)][string]$Name)
    $readOnlyVerbs = @('Get', 'Test', 'Find', 'Search', 'Measure', 'Compare', 'ConvertFrom', 'ConvertTo', 'Format', 'Resolve', 'Show')
    $verb = $Name.Split('-')[0]
    if ($readOnlyVerbs -contains $verb) { return $false }
    if ($Name -cmatch '^New-Ts[A-Za-z]+Step$' -or $Name -ceq 'New-TsGroup') { return $false }
    $true
}

Export-ModuleMember -Function *
