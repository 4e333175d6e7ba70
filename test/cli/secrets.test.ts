// Secrets from the CLI without argv: --secret-var NAME reads the value from stdin, --secrets-file
// from a file only its owner can read, --var-file plain variables. The values reach the steps
// (a step writes a hash of each) and appear nowhere else: not in the summary, -v output, --json,
// the log, nor any process's argv during the run. Through the real CLI and engine.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultDocument } from '../../src/bridge/protocol.js';
import { cliPath, runCli } from '../support/cli.js';
import { testEngineChoice } from '../support/engine.js';
import { tempDirectory } from '../support/tempFiles.js';

const unix = process.platform !== 'win32';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('secrets from the CLI', function () {
  this.timeout(120_000);
  const folder = join(tempDirectory(), 'cli-secrets');
  const fromStdin = 'pw-Stdin-7f3a q$`%"';
  const fromFile = 'tok-File-91c2=x';
  const plain = 'plain-value-5';

  before(() => mkdirSync(folder, { recursive: true }));

  const sequence = () => {
    const file = join(folder, 'secrets.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Secrets',
        steps: [
          {
            type: 'RunPowerShellScript',
            name: 'Use them',
            sourceScript: [
              '$sha = [Security.Cryptography.SHA256]::Create()',
              "foreach ($n in 'Pw', 'Tok', 'Plain') { $h = -join ($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($tsenv.Value($n))) | ForEach-Object { $_.ToString('x2') }); Set-Content -NoNewline -LiteralPath (Join-Path $env:SECRETS_OUT \"$n.sha256\") -Value $h }",
              'Write-Output "pw is $($tsenv.Value(\'Pw\')), tok is $($tsenv.Value(\'Tok\'))"',
              'if (Test-Path (Join-Path $env:SECRETS_OUT wait)) { while (-not (Test-Path (Join-Path $env:SECRETS_OUT go))) { Start-Sleep -Milliseconds 50 } }',
              'exit 4',
            ].join('\n'),
          },
        ],
      }),
    );
    return file;
  };
  const secretsFile = () => {
    const file = join(folder, 'secrets.env');
    writeFileSync(file, `# comment\nTok=${fromFile}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return file;
  };
  const varFile = () => {
    const file = join(folder, 'vars.json');
    writeFileSync(file, JSON.stringify({ Plain: plain }));
    return file;
  };
  const env = { SECRETS_OUT: folder };

  const expectUsedAndHidden = (text: string, what: string) => {
    expect(readFileSync(join(folder, 'Pw.sha256'), 'utf8'), what).to.equal(sha256(fromStdin));
    expect(readFileSync(join(folder, 'Tok.sha256'), 'utf8'), what).to.equal(sha256(fromFile));
    expect(readFileSync(join(folder, 'Plain.sha256'), 'utf8'), what).to.equal(sha256(plain));
    expect(text, what).not.to.contain('Stdin-7f3a');
    expect(text, what).not.to.contain('File-91c2');
  };

  for (const mode of ['summary', '-v', '--json']) {
    it(`the steps get the values; ${mode} and the log show them masked`, async () => {
      const log = join(folder, `${mode.replace(/-/g, '')}.log`);
      const args = ['run', sequence(), '--no-state', '--log', log, '--secret-var', 'Pw', '--secrets-file', secretsFile(), '--var-file', varFile()];
      if (mode !== 'summary') args.push(mode);
      const result = await runCli(args, { input: `${fromStdin}\n`, env });
      expect(result.code, result.stderr).to.equal(1); // exit 4: the step fails, so its output tail shows too
      const printed = `${result.stdout}\n${result.stderr}`;
      expectUsedAndHidden(printed, mode);
      expectUsedAndHidden(readFileSync(log, 'utf8'), `${mode} log`);
      expect(printed).to.contain('pw is ********, tok is ********');
      if (mode === '--json') {
        const document = JSON.parse(result.stdout) as ResultDocument;
        expect(document.variables).to.include({ Pw: '********', Tok: '********', Plain: plain });
      }
    });
  }

  it('no process of the run has a secret in its argv (they never are: stdin and a file)', async function () {
    if (process.platform !== 'linux') this.skip();
    writeFileSync(join(folder, 'wait'), '');
    const child = spawn(process.execPath, [cliPath, 'run', sequence(), '--no-state', '--secret-var', 'Pw', '--secrets-file', secretsFile(), '--var-file', varFile()], {
      env: { ...process.env, TSSEQ_ENGINE: testEngineChoice, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(`${fromStdin}\n`);
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      // The step has written its hashes and waits for 'go': every process of the run exists now.
      while (!existsSync(join(folder, 'Pw.sha256')) || readFileSync(join(folder, 'Pw.sha256'), 'utf8') !== sha256(fromStdin)) await new Promise((r) => setTimeout(r, 100));
      const argvs = readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .map((pid) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          } catch {
            return ''; // gone meanwhile
          }
        });
      expect(argvs.some((argv) => argv.includes(cliPath)), 'the CLI is running').to.equal(true);
      for (const argv of argvs) {
        expect(argv).not.to.contain('Stdin-7f3a');
        expect(argv).not.to.contain('File-91c2');
      }
    } finally {
      writeFileSync(join(folder, 'go'), '');
    }
    expect(await exited).to.equal(1);
  });

  it('refuses a secrets file others can read, naming it and its mode', async function () {
    if (!unix) this.skip();
    const file = secretsFile();
    chmodSync(file, 0o640);
    const result = await runCli(['run', sequence(), '--secrets-file', file]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal(`tsseq: ${file}: refused: the secrets file has mode 0640, so other users can read or change it; make it private (chmod 600 '${file}')\n`);
  });

  it('refuses a private secrets file that belongs to another user (they could change its values)', async function () {
    if (!unix || process.getuid?.() !== 0) this.skip(); // only root can give a file away
    const file = secretsFile();
    chownSync(file, 65534, 65534);
    const result = await runCli(['run', sequence(), '--secrets-file', file]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal(`tsseq: ${file}: refused: the secrets file belongs to another user (uid 65534), who could change the values this run uses; use a file of your own\n`);
  });

  it('refuses too few stdin lines, a malformed line and a bad name without showing a value', async () => {
    const tooFew = await runCli(['run', sequence(), '--secret-var', 'Pw', '--secret-var', 'Other'], { input: 'only-one\n' });
    expect(tooFew.code).to.equal(2);
    expect(tooFew.stderr).to.equal('tsseq: --secret-var Other: stdin ended before its value (give one line per --secret-var, in the order of the flags)\n');
    const malformed = join(folder, 'malformed.env');
    writeFileSync(malformed, 'Good=1\nhunter2-no-equals\n', { mode: 0o600 });
    const line = await runCli(['run', sequence(), '--secrets-file', malformed]);
    expect(line.code).to.equal(2);
    expect(line.stderr).to.equal(`tsseq: ${malformed}:2: expected NAME=VALUE (the line's text is not shown: it may be a secret)\n`);
    const badName = await runCli(['run', sequence(), '--secret-var', '_Reserved'], { input: 'x\n' });
    expect(badName.code).to.equal(2);
    expect(badName.stderr).to.contain("--secret-var '_Reserved'");
  });
});
