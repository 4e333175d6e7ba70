// Nothing a document or a script says reaches the terminal as a control character: names,
// messages, output (-v and the engine's raw console) and error messages are printed with visible
// escapes (\x1b, \x9b, \u202e), while --json stays exact JSON. Through the real CLI and engine.
import { expect } from 'chai';
import type { ResultDocument } from '../../src/bridge/protocol.js';
import { printable, printableLine, printableStream } from '../../src/cli/printable.js';
import { runCli } from '../support/cli.js';
import { writeTempFile } from '../support/tempFiles.js';

// Every character the gate must stop: C0 but tab and newline, DEL, C1 (U+009B is a CSI), bidi.
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i), 0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const RAW = new RegExp(`[${CONTROLS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);

describe('terminal escapes from documents and scripts', function () {
  this.timeout(120_000);

  it('printable() escapes every control but newline and tab, visibly', () => {
    for (const code of CONTROLS) {
      const shown = printable(`a${String.fromCharCode(code)}b`);
      expect(RAW.test(shown), code.toString(16)).to.equal(false);
      expect(shown, code.toString(16)).to.equal(code < 0x100 ? `a\\x${code.toString(16).padStart(2, '0')}b` : `a\\u${code.toString(16).padStart(4, "0")}b`);
    }
    expect(printable('a\tb\nc\r\nd')).to.equal('a\tb\nc\nd');
    expect(printableLine('a\nb')).to.equal('a\\nb');
    const written: string[] = [];
    const stream = printableStream((text) => written.push(text));
    for (const chunk of ['one\r', '\ntwo\r', 'x\u001b[2J', '\r']) stream.write(chunk);
    stream.end();
    expect(written.join('')).to.equal('one\ntwo\\x0dx\\x1b[2J\\x0d');
  });

  const evil = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eEvil\r\bX';
  const document = () => ({
    name: `Seq ${evil}`,
    steps: [
      { type: 'RunCommandLine', name: `Step ${evil}`, commandLine: "printf 'out \\033[31mred\\033]0;title\\007\\r\\n'; exit 5", continueOnError: true },
      { type: 'RunPowerShellScript', name: 'Console', sourceScript: "[Console]::Out.Write(\"raw `e[2J`e]0;t`a`r`n\"); [Console]::Out.Flush()" },
    ],
  });

  it('the summary, -v output and the engine console show escapes; --json has the exact text', async () => {
    const file = writeTempFile('escapes.json', document());
    for (const args of [[], ['-v']]) {
      const result = await runCli(['run', file, '--no-state', ...args]);
      expect(result.code, result.stderr).to.equal(0); // the failing step continues on error
      expect(RAW.test(result.stdout), `stdout ${args} ${JSON.stringify(result.stdout)}`).to.equal(false);
      expect(RAW.test(result.stderr), `stderr ${args} ${JSON.stringify(result.stderr)}`).to.equal(false);
      expect(result.stdout).to.contain('Step \\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eEvil\\x0d\\x08X');
      expect(`${result.stdout}${result.stderr}`).to.contain('raw \\x1b[2J\\x1b]0;t\\x07');
      expect(`${result.stdout}${result.stderr}`).to.contain('out \\x1b[31mred\\x1b]0;title\\x07');
      if (args.length) expect(result.stdout).to.contain('[Step \\x1b]0;pwned');
      else expect(result.stdout).to.contain('Sequence: Seq \\x1b]0;pwned');
    }
    const json = await runCli(['run', file, '--no-state', '--json']);
    const result = JSON.parse(json.stdout) as ResultDocument;
    expect(result.steps[0]!.path).to.equal(`Step ${evil}`);
    expect(RAW.test(json.stderr), JSON.stringify(json.stderr)).to.equal(false);
  });

  it('error messages quoting a document are escaped too', async () => {
    const file = writeTempFile('escape-error.json', { name: 'x', steps: [{ type: `No\u001b[2JSuch\u009b` }] });
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(2);
    expect(RAW.test(result.stderr), JSON.stringify(result.stderr)).to.equal(false);
    expect(result.stderr).to.contain('Such\\x9b'); // the schema message quotes the type (JSON-escaping C0 itself)
  });
});
