// The generated PowerShell as text: only Windows PowerShell 5.1 syntax, balanced brackets,
// standard comment-based help with one .PARAMETER per parameter, and a manifest that exports
// exactly what the module defines. (The Pester suite checks the same files with the parser.)
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repoRoot.js';

const moduleDir = join(repoRoot, 'generated', 'TsSequence');
const read = (name: string): string => readFileSync(join(moduleDir, name), 'utf8').replace(/^\uFEFF/, '');

/**
 * The code of a PowerShell text with comments and string contents blanked out (kept as spaces,
 * so positions and line breaks survive): what is left is what the parser reads as code.
 */
export function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  const blank = (segment: string): string => segment.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('<#')) {
      const end = text.indexOf('#>', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (text[i] === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      out += `'${blank(text.slice(i + 1, j))}'`;
      i = j + 1;
    } else if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '`' ? 2 : 1;
      out += `"${blank(text.slice(i + 1, j))}"`;
      i = j + 1;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** PowerShell 7 forms that Windows PowerShell 5.1 cannot parse. */
export function problemsIn(text: string): string[] {
  const code = codeOnly(text);
  const rules: [RegExp, string][] = [
    [/\?\?/, 'null-coalescing ?? or ??='],
    [/\?\.|\?\[/, 'null-conditional ?. or ?['],
    [/\s\?\s[^\n]*\s:\s/, 'ternary ? :'],
    [/&&|\|\|/, 'pipeline chain && or ||'],
    [/-Parallel\b/i, 'ForEach-Object -Parallel'],
    [/^\s*clean\s*\{/im, 'clean block'],
  ];
  const problems = rules.filter(([pattern]) => pattern.test(code)).map(([, what]) => what);
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const character of code) {
    if ('([{'.includes(character)) stack.push(character);
    else if (character in pairs && stack.pop() !== pairs[character]) {
      problems.push(`unbalanced ${character}`);
      break;
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join('')}`);
  return problems;
}

interface FunctionInfo {
  name: string;
  help: string;
  parameters: string[];
}

/** The generated functions: name, help block, and the parameter names of the param block. */
function functionsOf(text: string): FunctionInfo[] {
  return [...text.matchAll(/^function ([A-Za-z-]+) \{\n([\s\S]*?)^\}$/gm)].map((match) => {
    const body = match[2]!;
    const help = /^ {4}<#\n([\s\S]*?)^ {4}#>$/m.exec(body)?.[1] ?? '';
    const block = /^ {4}param\(\n([\s\S]*?)^ {4}\)$/m.exec(body)?.[1] ?? '';
    const parameters = [...block.matchAll(/^ {8}\$([A-Za-z]+),?$/gm)].map((parameter) => parameter[1]!);
    return { name: match[1]!, help, parameters };
  });
}

describe('codegen: generated PowerShell text', () => {
  const files = ['TsSequence.psm1', 'TsSequence.psd1'];

  it('the scanner finds each 5.1-invalid form and ignores strings and comments', () => {
    expect(problemsIn("$a = $b ?? 'x'")).to.deep.equal(['null-coalescing ?? or ??=']);
    expect(problemsIn('$a = $b?.Name')).to.deep.equal(['null-conditional ?. or ?[']);
    expect(problemsIn('$a = $c ? 1 : 2')).to.deep.equal(['ternary ? :']);
    expect(problemsIn('git fetch && git pull')).to.deep.equal(['pipeline chain && or ||']);
    expect(problemsIn('1..3 | ForEach-Object -Parallel { $_ }')).to.deep.equal(['ForEach-Object -Parallel']);
    expect(problemsIn('function f {\n    clean { }\n}')).to.deep.equal(['clean block']);
    expect(problemsIn("Test-Path 'x'")).to.deep.equal([]);
    expect(problemsIn('if ($a) { $b')).to.deep.equal(['unclosed {']);
    expect(problemsIn("$d = 'a && b ?? c ?. d'; # Test-Path && ||\n<# $x ?? y #>\n$e = \"it''s `\" && \"")).to.deep.equal([]);
  });

  for (const file of files) {
    it(`${file} uses only Windows PowerShell 5.1 syntax and engine-available commands`, () => {
      expect(problemsIn(read(file))).to.deep.equal([]);
    });
  }

  it('gives every generated function standard comment-based help with one .PARAMETER per parameter', () => {
    const functions = functionsOf(read('TsSequence.psm1'));
    expect(functions.map((f) => f.name)).to.include.members(['New-TsRunCommandLineStep', 'New-TsGroup', 'Invoke-TsStep', 'Get-TsStepType']);
    expect(functions).to.have.length(14);
    for (const f of functions) {
      expect(f.help, f.name).to.match(/^ {4}\.SYNOPSIS\n {4}\S/m);
      for (const keyword of ['.DESCRIPTION', '.EXAMPLE', '.INPUTS', '.OUTPUTS', '.NOTES', '.LINK']) expect(f.help, `${f.name} ${keyword}`).to.match(new RegExp(`^ {4}\\${keyword}$`, 'm'));
      expect(f.parameters.length, f.name).to.be.greaterThan(0);
      const documented = [...f.help.matchAll(/^ {4}\.PARAMETER ([A-Za-z]+)\n {4}\S/gm)].map((match) => match[1]);
      expect(documented, f.name).to.deep.equal(f.parameters);
    }
  });

  it('has every builder name all its mandatory parameters to Assert-TsMandatoryParameter, so none is prompted for from a redirected stdin', () => {
    const text = read('TsSequence.psm1');
    const builders = [...text.matchAll(/^function (New-Ts[A-Za-z]+) \{\n([\s\S]*?)^\}$/gm)];
    expect(builders.length).to.equal(12);
    for (const [, name, body] of builders) {
      const mandatory = [...body!.matchAll(/^ {8}\[Parameter\(Mandatory = \$true\)\]\n(?: {8}\[.*\n)*? {8}\$([A-Za-z]+),?$/gm)].map((match) => match[1]);
      const asserted = /Assert-TsMandatoryParameter -Invocation \$MyInvocation -BoundParameters \$PSBoundParameters -Name @\(([^)]*)\)/.exec(body!)?.[1];
      expect(mandatory.length, name).to.be.greaterThan(0);
      expect(asserted?.split(', ').map((quoted) => quoted.slice(1, -1)), name).to.deep.equal(mandatory);
      expect(body, name).to.match(/^ {4}dynamicparam \{$/m).and.match(/^ {4}end \{$/m);
    }
    expect(text).to.contain("Assert-TsMandatoryParameter -Invocation $MyInvocation -BoundParameters $PSBoundParameters -Name @('Type')");
  });

  it('has each New-Ts*Step call the runtime with its type, and loads the runtime by .NET calls only', () => {
    const text = read('TsSequence.psm1');
    expect(text).to.contain("New-TsStepObject -Type 'RunCommandLine' -BoundParameters $PSBoundParameters");
    expect(text).to.contain("New-TsStepObject -Type 'Group' -BoundParameters $PSBoundParameters");
    expect(text).to.contain('Invoke-TsStepCore -Step $step -Variables $Variables');
    expect(text).to.contain(". ([System.IO.Path]::Combine($script:TsRuntimeRoot, 'TsSequence.Runtime.ps1'))");
    // The step model reaches PowerShell through the engine core's compiled catalog, not as PowerShell data.
    expect(text).to.contain('[TsSequence.Model.StepCatalog]::ParametersOf($Type)');
    expect(text).not.to.contain('$script:TsStepTypes');
  });

  it('exports from the manifest exactly the module functions and the runtime Public/ functions, sorted', () => {
    const manifest = read('TsSequence.psd1');
    const exported = [...(/FunctionsToExport = @\(\n([\s\S]*?)\n {4}\)/.exec(manifest)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1]!);
    const publicFolder = join(repoRoot, 'ps-module', 'Public');
    const runtime = readdirSync(publicFolder).filter((name) => name.endsWith('.ps1')).map((name) => name.slice(0, -4));
    const defined = functionsOf(read('TsSequence.psm1')).map((f) => f.name);
    expect(exported).to.deep.equal([...exported].sort());
    expect(exported).to.include.members([...defined, ...runtime, 'Invoke-TsSequence', 'Test-TsSequence', 'Get-TsVariable', 'Set-TsVariable', 'Resume-TsSequence']);
    for (const name of exported) expect(defined.includes(name) || runtime.includes(name) || name.endsWith('TsSequence') || name.endsWith('TsVariable'), name).to.equal(true);
    expect(manifest).to.match(/^ {4}CmdletsToExport = @\(\)$/m).and.match(/^ {4}VariablesToExport = @\(\)$/m).and.match(/^ {4}AliasesToExport = @\(\)$/m);
    expect(manifest).to.contain("CompatiblePSEditions = @('Desktop', 'Core')").and.contain("PowerShellVersion = '5.1'");
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version.split('-')[0];
    expect(manifest).to.contain(`ModuleVersion = '${version}'`);
    expect(manifest).to.match(/TsSeqModelHash = '[0-9a-f]{64}'/);
  });

  it('writes the step catalog for the engine core in the contract shape, every parameter with every field', () => {
    const text = readFileSync(join(repoRoot, 'generated', 'csharp', 'StepCatalog.g.cs'), 'utf8');
    expect(text).to.match(/^ {4}public static partial class StepCatalog$/m);
    expect(text).to.match(/^ {8}public static ParameterSpec\[\] CommonOptions \{ get; \} = new ParameterSpec\[\]$/m);
    expect(text).to.contain(
      'new ParameterSpec("commandLine", "CommandLine", "string", true, null, null, null, null, 1, 32000, null, false, false, true, "CommandLine", ',
    );
    expect(text).to.contain('new ParameterSpec("successCodes", "SuccessCodes", "integer[]", false, new object?[] { 0, 3010 }, ');
    const entries = [...text.matchAll(/^ *new ParameterSpec\((.*)\),$/gm)];
    expect(entries.length).to.be.greaterThan(60);
    // 15 fields each: a description's text may hold commas, so count the fields before it.
    for (const [entry] of entries) expect(/^ *new ParameterSpec\(("[^"]*", ){3}(true|false), /.test(entry), entry).to.equal(true);
    const types = [...text.matchAll(/^ *new StepTypeSpec\("([A-Za-z]+)"/gm)].map((match) => match[1]);
    expect(types).to.deep.equal([
      'CheckReadiness',
      'ConnectNetworkFolder',
      'DownloadPackageContent',
      'InstallApplication',
      'InstallPackage',
      'InstallSoftwareUpdates',
      'RestartComputer',
      'RunCommandLine',
      'RunPowerShellScript',
      'SetDynamicVariables',
      'SetTaskSequenceVariable',
      'Group',
      'Node',
    ]);
  });
});
