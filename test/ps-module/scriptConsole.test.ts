// What a script writes to [Console]::Out and [Console]::Error reaches the engine's own stdout and
// stderr while it runs, through the mask: whole lines, secrets masked however the script splits
// them across writes, flushes or line breaks. One engine for the file; each test reads only the
// output its own step produced.
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine, type CapturedOutput } from '../support/engine.js';

const SECRET = 'S3cretPW';
const NEWLINE_SECRET = 'AB\nCD';

describe('script console output', function () {
  let engine: Engine;
  let output: CapturedOutput;
  const variables = { Pw: SECRET, Nl: NEWLINE_SECRET };
  const secrets = ['Pw', 'Nl'];

  before(async function () {
    ({ engine, output } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  /** Runs a script step and returns what the engine printed meanwhile (its output events arrive before the result). */
  async function printed(sourceScript: string): Promise<{ stdout: string; stderr: string; status: string }> {
    const before = { stdout: output.stdout.length, stderr: output.stderr.length };
    const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Print', sourceScript }, { variables, secrets });
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { stdout: output.stdout.slice(before.stdout), stderr: output.stderr.slice(before.stderr), status: result.status };
  }

  it('passes [Console]::WriteLine lines on as lines', async function () {
    const seen = await printed('[Console]::WriteLine("a"); [Console]::Out.WriteLine("b"); [Console]::WriteLine()');
    expect(seen.status).to.equal('Succeeded');
    expect(seen.stdout).to.equal('a\nb\n\n');
  });

  it('writes [Console]::Error to the engine stderr, not its stdout', async function () {
    const seen = await printed('[Console]::Error.WriteLine("to stderr"); [Console]::Out.WriteLine("to stdout")');
    expect(seen.stderr).to.contain('to stderr');
    expect(seen.stdout).to.equal('to stdout\n');
  });

  it('masks a secret written in pieces, across a flush, or holding a line break', async function () {
    const seen = await printed(
      [
        '[Console]::Write("one S3c"); [Console]::Write("ret"); [Console]::Write("PW`n")',
        '[Console]::Out.Write("two S3c"); [Console]::Out.Flush(); [Console]::Out.WriteLine("retPW")',
        '[Console]::Write("three A"); [Console]::Write("B`n"); [Console]::Write("CD tail`n")',
      ].join('\n'),
    );
    expect(seen.stdout).to.equal('one ********\ntwo ********\nthree ******** tail\n');
  });

  it('masks a secret that straddles the point where a very long line is passed on in pieces', async function () {
    const seen = await printed('[Console]::Write(("y" * 65535) + "S3c"); [Console]::Write("retPW`n")');
    expect(seen.stdout).to.not.contain(SECRET.slice(0, 3) + 'ret');
    expect(seen.stdout.endsWith('y********\n')).to.equal(true);
  });

  it('stays linear, and masks, while a self-overlapping secret keeps text held back', async function () {
    const started = Date.now();
    const result = await engine.invokeStep(
      { type: 'RunPowerShellScript', name: 'Overlap', sourceScript: 'for ($i = 0; $i -lt 100000; $i++) { [Console]::Write("a") }; [Console]::Write("`nend`n")' },
      { variables: { Twice: 'aa' }, secrets: ['Twice'] },
    );
    expect(result.status).to.equal('Succeeded');
    // A hang guard, not a timing figure: rescanning the held text on every write took minutes.
    expect(Date.now() - started).to.be.lessThan(15000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Held text is passed on whole past 64 KB: the run of a's comes out as masks, never as a's.
    expect(output.stdout).to.match(/\*{8}\nend\n$/);
    expect(output.stdout).to.not.match(/aa/);
  });

  it('masks a secret longer than 64 KiB written in pieces (the engine alone knows it)', async function () {
    // Made and marked secret inside the run, so Node's own masking of values it knows plays no part.
    const make = "$tsenv.Value('Raw') = -join (1..100000 | ForEach-Object { [char](97 + ($_ * 7919 % 26)) })";
    const print = "$s = $tsenv.Value('Long'); for ($i = 0; $i -lt $s.Length; $i += 1000) { [Console]::Out.Write($s.Substring($i, 1000)) }; [Console]::Out.WriteLine(' end')";
    const before = output.stdout.length;
    const result = await engine.runSequence(
      {
        name: 'long secret',
        steps: [
          { type: 'RunPowerShellScript', name: 'Make', sourceScript: make },
          { type: 'SetTaskSequenceVariable', name: 'Mark', variableName: 'Long', variableValue: '%Raw%', doNotShowVariableValue: true },
          { type: 'RunPowerShellScript', name: 'Print', sourceScript: print },
        ],
      },
      { noState: true },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(result.status).to.equal('Succeeded');
    const seen = output.stdout.slice(before);
    expect(seen).to.contain('******** end');
    expect(seen.length, 'no piece of the secret printed').to.be.below(1000);
  });

  it('stays linear for a script writing one character at a time', async function () {
    const started = Date.now();
    const seen = await printed('foreach ($i in 1..50000) { [Console]::Write("x") }');
    expect(seen.stdout.length).to.equal(50000);
    // Generous: the quadratic version took over 15 s here; this is a hang guard, not a timing figure.
    expect(Date.now() - started).to.be.lessThan(15000);
  });
});
