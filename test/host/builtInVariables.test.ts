// The C# parts behind the built-in variables, called from PowerShell in the embedded engine:
// the _SMSTSTimezone text for zones with known rules, where the run folders go and how private
// they are, and how _SMSTSUserStarted tells a terminal session from none.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirectory, writeTempFile } from '../support/tempFiles.js';
import { assertBuilt, environmentDll, hostDll, lines, runCommand } from './hostProcess.js';

const load = `[void][Reflection.Assembly]::LoadFrom('${environmentDll.replace(/'/g, "''")}')`;
const isWindows = process.platform === 'win32';
const hasTool = (tool: string): boolean => !isWindows && spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('built-in variables: the C# core', function () {
  this.timeout(120_000);

  before(() => assertBuilt(environmentDll));

  it('describes time zones as TIME_ZONE_INFORMATION: biases, yearly rules (5 = last week), names', async () => {
    const zones: [string, string][] = [
      ['America/New_York', '300,0,-60,0,11,0,1,2,0,0,0,0,3,0,2,2,0,0,0'],
      ['Europe/Berlin', '-60,0,-60,0,10,0,5,3,0,0,0,0,3,0,5,2,0,0,0'],
      // Southern hemisphere: daylight time starts in October and ends in April.
      ['Australia/Sydney', '-600,0,-60,0,4,0,1,3,0,0,0,0,10,0,1,2,0,0,0'],
      // Half-hour daylight saving time on a half-hour offset.
      ['Australia/Lord_Howe', '-630,0,-30,0,4,0,1,2,0,0,0,0,10,0,1,2,0,0,0'],
      // No daylight saving time: zero dates and a DaylightBias of 0.
      ['Asia/Kolkata', '-330,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0'],
      ['Etc/UTC', '0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0'],
    ];
    const run = await runCommand(
      [load, ...zones.map(([id]) => `[TsSequence.TimeZoneText]::Describe([TimeZoneInfo]::FindSystemTimeZoneById('${id}'), 2026)`)].join('\n'),
    );
    expect(run.stderr).to.equal('');
    const described = lines(run.stdout);
    expect(described).to.have.length(zones.length);
    zones.forEach(([id, numbers], index) => {
      const fields = described[index]!.split(',');
      expect(fields.slice(0, 19).join(','), id).to.equal(numbers);
      expect(fields.slice(19), id).to.have.length(2);
      expect(fields[19], id).to.not.equal('');
    });
  });

  it('creates run folders under XDG_DATA_HOME, else ~/.local/share, never under a relative XDG_DATA_HOME', async function () {
    if (isWindows) this.skip();
    const home = mkdtempSync(join(tempDirectory(), 'home-'));
    const xdg = mkdtempSync(join(tempDirectory(), 'xdg-'));
    const script = [load, '$r = [TsSequence.RunFolder]::Create()', '$r.DataPath', '$r.LogPath', '$r.RunId'].join('\n');
    const withXdg = lines((await runCommand(script, { env: { HOME: home, XDG_DATA_HOME: xdg } })).stdout);
    expect(withXdg[0]).to.equal(join(xdg, 'tsseq', 'runs', withXdg[2]!));
    expect(withXdg[1]).to.equal(join(withXdg[0]!, 'Logs'));
    const relative = lines((await runCommand(script, { env: { HOME: home, XDG_DATA_HOME: 'relative/data' } })).stdout);
    expect(relative[0]).to.equal(join(home, '.local', 'share', 'tsseq', 'runs', relative[2]!));
    for (const folder of [join(home, '.local'), join(home, '.local', 'share'), join(home, '.local', 'share', 'tsseq'), relative[0]!, relative[1]!]) {
      expect((statSync(folder).mode & 0o777).toString(8), folder).to.equal('700');
    }
    const none = await runCommand([load, "try { [void][TsSequence.RunFolder]::Create(); 'created' } catch { $_.Exception.InnerException.Message }"].join('\n'), {
      env: { HOME: '', XDG_DATA_HOME: '' },
      cwd: home, // without HOME, pwsh keeps its start-up cache in ./.cache
    });
    expect(lines(none.stdout)).to.deep.equal(["Cannot find the user's data folder: neither XDG_DATA_HOME nor HOME is set to an absolute path."]);
  });

  it('refuses runs folders that other users could change: group/other-writable, or a symbolic link', async function () {
    if (isWindows) this.skip();
    const create = [load, "try { [void][TsSequence.RunFolder]::Create($env:TSSEQ_TEST_RUNS); 'created' } catch { $_.Exception.InnerException.Message }"].join('\n');
    const open = mkdtempSync(join(tempDirectory(), 'open-'));
    const runs = join(open, 'runs');
    mkdirSync(runs, { mode: 0o700 });
    chmodSync(runs, 0o777);
    const writable = await runCommand(create, { env: { TSSEQ_TEST_RUNS: runs } });
    expect(lines(writable.stdout)[0]).to.match(/can be changed by other users \(mode 777\)/);
    expect(readdirSync(runs)).to.deep.equal([]);
    chmodSync(runs, 0o700);
    expect(lines((await runCommand(create, { env: { TSSEQ_TEST_RUNS: runs } })).stdout)).to.deep.equal(['created']);
    const linked = join(open, 'linked');
    symlinkSync(runs, linked);
    const viaLink = await runCommand(create, { env: { TSSEQ_TEST_RUNS: linked } });
    expect(lines(viaLink.stdout)[0]).to.match(/is a symbolic link/);
  });

  it('removes a run folder only while nothing was written into it', async () => {
    const root = mkdtempSync(join(tempDirectory(), 'runs-'));
    const rootLiteral = `'${root.replace(/'/g, "''")}'`;
    const run = await runCommand(
      [
        load,
        `$empty = [TsSequence.RunFolder]::Create(${rootLiteral})`,
        `$used = [TsSequence.RunFolder]::Create(${rootLiteral})`,
        "[IO.File]::WriteAllText([IO.Path]::Combine($used.LogPath, 'x.log'), 'x')",
        '$empty.RemoveIfEmpty()',
        '$used.RemoveIfEmpty()',
        '$used.RunId',
      ].join('\n'),
    );
    expect(run.stderr).to.equal('');
    const [emptyRemoved, usedRemoved, usedId] = lines(run.stdout);
    expect([emptyRemoved, usedRemoved]).to.deep.equal(['True', 'False']);
    expect(readdirSync(root)).to.deep.equal([usedId]);
    expect(existsSync(join(root, usedId!, 'Logs', 'x.log'))).to.equal(true);
  });

  it('says a user started the run when the engine has a controlling terminal, and leaves it empty without one', async function () {
    if (!hasTool('script') || !hasTool('setsid')) this.skip();
    const check = writeTempFile('user-started.ps1', `${load}\n'USER=' + [TsSequence.SessionOrigin]::UserStarted() + '.'\n`);
    const engine = ['dotnet', hostDll, '-NoProfile', '-NonInteractive', '-File', check];
    // script(1) runs the engine on a new pseudo-terminal: a session someone could type into.
    const quoted = engine.map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
    const inTerminal = spawnSync('script', ['-qec', quoted, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(inTerminal.stdout).to.contain('USER=true.');
    // setsid(1): a new session without a terminal, as under cron, systemd or the Node bridge.
    const detached = spawnSync('setsid', ['-w', ...engine], { encoding: 'utf8', timeout: 60_000 });
    expect(detached.stdout).to.contain('USER=.');
  });
});
