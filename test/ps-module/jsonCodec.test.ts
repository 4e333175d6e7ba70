// The module's C# JSON codec as PowerShell code meets it: [TsSequence.Json.JsonCodec] parses to
// ordered case-insensitive hashtables and serializes what PowerShell makes; Invoke-TsSequence
// -Path reads sequence files with it and says where a malformed one breaks.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { testEngineCommand } from '../support/engine.js';

const engine = testEngineCommand();
import { writeTempFile } from '../support/tempFiles.js';

function runPowerShell(script: string, env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  // Data travels in environment variables; the script is fixed test code.
  const result = spawnSync(engine.command, [...engine.prefixArgs, '-NoProfile', '-NonInteractive', '-File', join(paths.root, 'test', 'ps-module', 'fixtures', 'with-module.ps1'), '-ModulePath', paths.moduleManifest, '-Script', script], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TERM: 'dumb', ...env },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('JSON codec in PowerShell', function () {
  this.timeout(120_000);

  it('parses to ordered case-insensitive hashtables, object arrays and int/long/double/bool/string/null', function () {
    const json = '{"b":1,"A":[2147483648,1.5,1e3,"x",true,null,{}],"nested":{"Key":"v"},"b":2}';
    const result = runPowerShell(
      `$v = [TsSequence.Json.JsonCodec]::Parse($env:TSSEQ_TEST_JSON)
      'keys=' + ($v.Keys -join ',')
      'b=' + $v['B'] + ' ' + $v['b'].GetType().Name
      'types=' + (($v['a'] | ForEach-Object { if ($null -eq $_) { 'null' } else { $_.GetType().Name } }) -join ',')
      'array=' + $v['a'].GetType().Name
      'nested=' + $v['NESTED']['key'] + ' ' + $v['nested'].GetType().Name`,
      { TSSEQ_TEST_JSON: json },
    );
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout.trim().split(/\r?\n/)).to.deep.equal([
      'keys=b,A,nested',
      'b=2 Int32',
      'types=Int64,Double,Double,String,Boolean,null,OrderedDictionary',
      'array=Object[]',
      'nested=v OrderedDictionary',
    ]);
  });

  it('serializes what PowerShell makes to ASCII JSON: objects, lists, times in UTC, enums by name, no NaN', function () {
    const result = runPowerShell(`
      $local = [datetime]::new(2026, 1, 2, 3, 4, 5, 678, [System.DateTimeKind]::Local)
      $value = [ordered]@{
        custom = [pscustomobject]@{ Name = 'n'; Count = 3 }
        table = @{ only = 'one' }
        list = [System.Collections.Generic.List[object]]@(1, 'two', $null)
        utc = [datetime]::new(2026, 1, 2, 3, 4, 5, 678, [System.DateTimeKind]::Utc)
        local = $local
        offset = [System.DateTimeOffset]::new(2026, 1, 2, 3, 4, 5, 678, [timespan]::FromHours(2))
        enum = [System.DayOfWeek]::Monday
        nan = [double]::NaN
        infinity = [double]::PositiveInfinity
        single = [single]0.5
        decimal = [decimal]'1.25'
        long = [long]::MaxValue
        char = [char]'c'
        text = "é 😀 \`"q\`" \`n"
      }
      'json=' + [TsSequence.Json.JsonCodec]::Serialize($value)
      'localUtc=' + $local.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [cultureinfo]::InvariantCulture)`);
    expect(result.status, result.stderr).to.equal(0);
    const json = /^json=(.*)$/m.exec(result.stdout)?.[1] ?? '';
    expect(json).to.match(/^[\x20-\x7e]+$/);
    const parsed = JSON.parse(json);
    expect(parsed).to.deep.equal({
      custom: { Name: 'n', Count: 3 },
      table: { only: 'one' },
      list: [1, 'two', null],
      utc: '2026-01-02T03:04:05.678Z',
      local: /^localUtc=(.*)$/m.exec(result.stdout)?.[1]?.trim(),
      offset: '2026-01-02T01:04:05.678Z',
      enum: 'Monday',
      nan: null,
      infinity: null,
      single: 0.5,
      decimal: 1.25,
      long: '9223372036854775807', // no JavaScript number holds it: its exact text
      char: 'c',
      text: 'é 😀 "q" \n',
    });
    expect(json).to.contain('"long":"9223372036854775807"');
  });

  it('refuses to serialize a value nested more than 100 levels deep (or a cycle) instead of truncating it', function () {
    const result = runPowerShell(`
      $cycle = @{}
      $cycle['self'] = $cycle
      try { [TsSequence.Json.JsonCodec]::Serialize($cycle); 'serialized' } catch { 'error=' + $_.Exception.InnerException.Message }`);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/error=The value is nested more than 100 levels deep/);
  });

  it('runs a sequence file with Invoke-TsSequence -Path, characters intact', function () {
    const file = writeTempFile('codec.json', {
      name: 'Codec',
      variables: { Greeting: 'héllo 😀' },
      steps: [{ type: 'SetTaskSequenceVariable', name: 'Copy', variableName: 'Copied', variableValue: '%Greeting%' }],
    });
    const result = runPowerShell(
      `$r = Invoke-TsSequence -Path $env:TSSEQ_TEST_SEQUENCE
      'status=' + $r.status
      'copied=' + [TsSequence.Json.JsonCodec]::Serialize($r.variables['Copied'])`,
      { TSSEQ_TEST_SEQUENCE: file },
    );
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.contain('status=Succeeded');
    expect(JSON.parse(/^copied=(.*)$/m.exec(result.stdout)?.[1] ?? 'null')).to.equal('héllo 😀');
  });

  it('names the file, line and column of a malformed sequence file, counted from 1', function () {
    const file = writeTempFile('broken.json', '{\n  "name": "x",\n  "steps": [ , ]\n}\n');
    const result = runPowerShell(
      `try { Invoke-TsSequence -Path $env:TSSEQ_TEST_SEQUENCE; 'ran' } catch { 'id=' + $_.FullyQualifiedErrorId; 'message=' + $_.Exception.Message }`,
      { TSSEQ_TEST_SEQUENCE: file },
    );
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^id=TsSequence.SequenceFileNotJson,/m);
    const message = /^message=(.*)$/m.exec(result.stdout)?.[1] ?? '';
    expect(message.startsWith(`${file}:3:14: not valid JSON: `), message).to.equal(true);
    expect(message).to.not.match(/LineNumber|BytePositionInLine/);
  });
});
