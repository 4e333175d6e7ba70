// What a RunPowerShellScript step's result carries back from PowerShell: the objects the script
// wrote (`output`, as plain JSON values with their properties, bounded, masked) and its errors
// as structured records (`errors`), through the real engine.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import type { InvokeStepResult } from '../../src/bridge/protocol.js';
import { startTestEngine } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const SECRET = 'Out-Secret-4711';

describe('marshaling: RunPowerShellScript output objects and error records', function () {
  let engine: Engine;
  const run = (sourceScript: string, options: { variables?: Record<string, string>; secrets?: string[] } = {}): Promise<InvokeStepResult> =>
    engine.invokeStep({ type: 'RunPowerShellScript', name: 'Script', sourceScript }, options);

  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  describe('output', function () {
    it('gives PSCustomObjects, hashtables and lists as plain objects and arrays, scalars as JSON values', async function () {
      const result = await run(
        [
          "[pscustomobject]@{ Name = 'svc'; Count = 3; Ratio = 0.5; Big = [long]9007199254740991; Price = [decimal]'12.50'; On = $true; None = $null; Tags = @('a', 'b'); Inner = [ordered]@{ Deep = @(1, @(2, 3)) } }",
          "[ordered]@{ 'quote\"key' = \"line1`nline2\"; '' = 'empty name' }",
          "'text'",
          '42',
          '[char]0x263A',
          "Write-Output -NoEnumerate @(1, 'two', $null)",
          '@()',
          '$null',
        ].join('\n'),
      );
      expect(result.status, result.message).to.equal('Succeeded');
      expect(result.output).to.deep.equal([
        { Name: 'svc', Count: 3, Ratio: 0.5, Big: 9007199254740991, Price: 12.5, On: true, None: null, Tags: ['a', 'b'], Inner: { Deep: [1, [2, 3]] } },
        { 'quote"key': 'line1\nline2', '': 'empty name' },
        'text',
        42,
        '\u263A',
        [1, 'two', null],
        null,
      ]);
      expect(result.outputTruncated).to.equal(undefined);
    });

    it('gives dates as ISO 8601 UTC, enums by name, bytes as Base64, GUIDs, versions and time spans as text', async function () {
      const result = await run(
        [
          "[pscustomobject]@{",
          "  When = [datetime]::new(2026, 3, 4, 5, 6, 7, 89, [DateTimeKind]::Utc)",
          "  Offset = [datetimeoffset]::new(2026, 3, 4, 7, 6, 7, [timespan]::FromHours(2))",
          '  Color = [ConsoleColor]::DarkRed',
          "  Flags = [System.IO.FileAttributes]'ReadOnly, Hidden'",
          '  Bytes = [byte[]](0, 1, 2, 250)',
          "  Id = [guid]'0f8fad5b-d9cb-469f-a165-70867728950e'",
          "  Version = [version]'1.2.3.4'",
          '  Span = [timespan]::FromSeconds(90)',
          '  Type = [System.IO.FileInfo]',
          '  Block = { Get-Date }',
          '}',
        ].join('\n'),
      );
      expect(result.status, result.message).to.equal('Succeeded');
      expect(result.output).to.deep.equal([
        {
          When: '2026-03-04T05:06:07.089Z',
          Offset: '2026-03-04T05:06:07.000Z',
          Color: 'DarkRed',
          Flags: 'ReadOnly, Hidden',
          Bytes: 'AAEC+g==',
          Id: '0f8fad5b-d9cb-469f-a165-70867728950e',
          Version: '1.2.3.4',
          Span: '00:01:30',
          Type: 'System.IO.FileInfo',
          Block: ' Get-Date ',
        },
      ]);
    });

    it('opens other .NET objects to their properties, two object levels deep (deeper ones are their text)', async function () {
      const file = join(tempDirectory(), 'marshal-output.txt');
      writeFileSync(file, 'hello');
      const result = await run(`Get-Item -LiteralPath '${file}'`);
      expect(result.status, result.message).to.equal('Succeeded');
      const [item] = result.output as Array<Record<string, unknown>>;
      expect(item).to.include({ Name: 'marshal-output.txt', Length: 5, FullName: file, Extension: '.txt' });
      expect(item!.PSPath, 'provider properties too').to.be.a('string');
      const directory = item!.Directory as Record<string, unknown>;
      expect(directory, 'a .NET object inside one: an object').to.be.an('object');
      expect(directory.FullName).to.equal(tempDirectory());
      expect(directory.Parent, 'the third object level: its text').to.be.a('string');
    });

    it('keeps data nested 32 levels deep and gives the level below as text', async function () {
      const result = await run('$v = "leaf"; foreach ($i in 1..40) { $v = @{ n = $v } }; $v');
      let level = result.output?.[0] as Record<string, unknown> | string;
      let depth = 0;
      while (typeof level === 'object' && level !== null) {
        level = level.n as Record<string, unknown> | string;
        depth++;
      }
      expect(depth).to.equal(32);
      expect(level).to.equal('System.Collections.Hashtable');
    });

    it('leaves host output out (Write-Host, Write-Information) and masks secret values in texts and names', async function () {
      const result = await run(
        "Write-Host 'host'; Write-Information 'info'; \"pw=$($tsenv.Value('Pw'))\"; [pscustomobject]@{ $tsenv.Value('Pw') = \"x$($tsenv.Value('Pw'))x\" }",
        { variables: { Pw: SECRET }, secrets: ['Pw'] },
      );
      expect(result.output).to.deep.equal(['pw=********', { '********': 'x********x' }]);
      expect(JSON.stringify(result)).not.to.contain(SECRET);
    });

    it('gives half a character a script made as U+FFFD, so Node receives only well-formed strings', async function () {
      const result = await run("[string][char]0xD83D; [pscustomobject]@{ ([string][char]0xDE00) = 'x' }");
      expect(result.output).to.deep.equal(['\uFFFD', { '\uFFFD': 'x' }]);
    });

    it('keeps the first 1,000 objects and says outputTruncated', async function () {
      const result = await run('foreach ($i in 1..1500) { $i }');
      expect(result.status, result.message).to.equal('Succeeded');
      expect(result.output).to.deep.equal(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect(result.outputTruncated).to.equal(true);
    });

    it('keeps what fits in about 1,000,000 characters, in order, and stops at the first object that does not fit', async function () {
      const result = await run("$s = 'x' * 300000; 1..5 | ForEach-Object { \"$_$s\" }; 'small'");
      expect(result.output?.map((value) => (value as string).slice(0, 1))).to.deep.equal(['1', '2', '3']);
      expect(result.outputTruncated).to.equal(true);
      const huge = await run("[pscustomobject]@{ Data = 'y' * 2000000 }; 'after'");
      expect(huge.output).to.deep.equal([]);
      expect(huge.outputTruncated).to.equal(true);
      const none = await run('$null = 1');
      expect(none.output).to.deep.equal([]);
      expect(none).not.to.have.property('outputTruncated');
    });

    it('keeps at most about 8,000,000 characters of output across a run: later steps get [] and outputTruncated', async function () {
      // Three 330,000-character strings per step (~990,000, under a step's bound): eight steps fit the run's bound.
      const sourceScript = "$s = 'x' * 330000; 1..3 | ForEach-Object { \"$_$s\" }";
      const steps = Array.from({ length: 10 }, (_, i) => ({ type: 'RunPowerShellScript', name: `Print ${i + 1}`, sourceScript }));
      const result = await engine.runSequence({ name: 'Big output', steps });
      expect(result.status).to.equal('Succeeded');
      expect(result.steps.map((step) => [step.output?.length, step.outputTruncated ?? false])).to.deep.equal([
        ...Array.from({ length: 8 }, () => [3, false]),
        [0, true],
        [0, true],
      ]);
    });

    it('is in the sequence result document and the stepFinished event', async function () {
      const events: Array<Record<string, unknown>> = [];
      const result = await engine.runSequence(
        { name: 'Seq', steps: [{ type: 'RunPowerShellScript', name: 'Emit', sourceScript: "[pscustomobject]@{ A = 1 }; Write-Error 'bad' -ErrorId Bad" }] },
        { onEvent: (event) => void events.push(event as Record<string, unknown>) },
      );
      expect(result.steps[0]?.output).to.deep.equal([{ A: 1 }]);
      expect(result.steps[0]?.errors?.map((error) => error.errorId)).to.deep.equal(['Bad,script.ps1']);
      const finished = events.find((event) => event.kind === 'stepFinished');
      expect(finished?.output).to.deep.equal([{ A: 1 }]);
    });
  });

  describe('errors', function () {
    it('gives each error with its id, category, target, stack trace, line and column, the terminating one last', async function () {
      const result = await run(
        [
          "Write-Error -Message 'not found' -ErrorId 'Missing.Thing' -Category ObjectNotFound -TargetObject 'thing-1'",
          'function Inner { throw [System.IO.FileNotFoundException]::new("gone") }',
          '  Inner',
        ].join('\n'),
      );
      expect(result.status).to.equal('Failed');
      expect(result.message, 'the text message stays').to.match(/The script failed at line 2.*gone[\s\S]*not found/);
      const [first, last] = result.errors!;
      expect(result.errors).to.have.length(2);
      expect(first).to.deep.include({ message: 'not found', errorId: 'Missing.Thing,script.ps1', category: 'ObjectNotFound', targetName: 'thing-1', target: 'thing-1', line: 1, terminating: false });
      expect(first!.exceptionType).to.equal('Microsoft.PowerShell.Commands.WriteErrorException');
      expect(first!.scriptStackTrace).to.match(/script\.ps1: line 1/);
      expect(first!.scriptStackTrace, 'the engine wrapper frame is left out').not.to.contain('<No file>');
      expect(last).to.deep.include({ message: 'gone', errorId: 'gone', exceptionType: 'System.IO.FileNotFoundException', line: 2, column: 18, terminating: true });
      expect(last!.category).to.equal('OperationStopped');
      expect(last!.scriptStackTrace).to.match(/at Inner, .*script\.ps1: line 2\nat <ScriptBlock>, .*script\.ps1: line 3$/);
    });

    it('gives a missing command, and each parse error, as records', async function () {
      const missing = await run('Invoke-NoSuchCommandHere -Force');
      expect(missing.status).to.equal('Failed');
      expect(missing.errors).to.have.length(1);
      expect(missing.errors![0]).to.deep.include({ errorId: 'CommandNotFoundException', category: 'ObjectNotFound', targetName: 'Invoke-NoSuchCommandHere', line: 1, column: 1, terminating: false });
      const parse = await run('if ($x {\n"a" +\n}');
      expect(parse.status).to.equal('Failed');
      expect(parse.errors!.length).to.be.at.least(2);
      for (const error of parse.errors!) expect(error).to.include({ category: 'ParserError', terminating: true });
      expect(parse.errors!.map((error) => [error.errorId, error.line, error.column])).to.deep.equal([
        ['UnexpectedToken', 1, 8],
        ['MissingEndParenthesisAfterStatement', 1, 8],
        ['ExpectedValueExpression', 2, 6],
      ]);
    });

    it('masks secrets, keeps the first 50 records (errorsTruncated) and gives none for a clean script', async function () {
      const result = await run("foreach ($i in 1..60) { Write-Error \"pw $($tsenv.Value('Pw')) $i\" -TargetObject $tsenv.Value('Pw') }", { variables: { Pw: SECRET }, secrets: ['Pw'] });
      expect(result.status, 'non-terminating errors do not fail the step').to.equal('Succeeded');
      expect(result.errors).to.have.length(50);
      expect(result.errorsTruncated).to.equal(true);
      expect(result.errors![0]).to.include({ message: 'pw ******** 1', target: '********', targetName: '********' });
      expect(JSON.stringify(result)).not.to.contain(SECRET);
      const clean = await run("'fine'");
      expect(clean).not.to.have.property('errors');
      expect(clean).not.to.have.property('errorsTruncated');
    });
  });
});
