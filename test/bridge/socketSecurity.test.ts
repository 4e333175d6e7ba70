// The bridge socket nobody else can use: it lives in a fresh 0700 directory (whatever the
// umask), a connection must present the session key the engine read from its stdin, and a
// connection that does not is dropped while the real engine still starts. With root and useradd,
// a second local user tries to connect during a run with a secret variable and to read the keys.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

const ownPrefix = `tsseq-${process.pid}-`;
const endpointDirectories = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith(ownPrefix)));

/** Calls `found` with the socket path of the next endpoint directory this process creates. */
function watchForNewSocket(found: (socketPath: string) => void): () => void {
  const before = endpointDirectories();
  let stopped = false;
  const poll = () => {
    if (stopped) return;
    const fresh = [...endpointDirectories()].find((name) => !before.has(name));
    if (fresh) return found(join(tmpdir(), fresh, 'engine.sock'));
    setTimeout(poll, 2);
  };
  poll();
  return () => {
    stopped = true;
  };
}

function connectWhenListening(path: string): Promise<Socket> {
  return new Promise((resolve) => {
    const attempt = () => {
      const socket = connect(path);
      socket.once('connect', () => resolve(socket));
      socket.once('error', () => setTimeout(attempt, 2));
    };
    attempt();
  });
}

const HEX_KEY = /[0-9a-f]{64}/;

describe('a socket nobody else can use (real engine)', function () {
  if (process.platform === 'win32') return;
  this.timeout(120_000);

  it('drops rogue connections made before the engine\'s (silent, and with a forged ready) and still starts', async () => {
    const rogues: Socket[] = [];
    const closed: Array<Promise<void>> = [];
    let received = '';
    const stop = watchForNewSocket((path) => {
      for (const forge of [false, true]) {
        void connectWhenListening(path).then((socket) => {
          rogues.push(socket);
          closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
          socket.on('error', () => undefined);
          socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
          if (forge) socket.write(`${JSON.stringify({ type: 'ready', protocol: 1, key: 'f'.repeat(64), psVersion: '7', psEdition: 'Core', moduleVersion: '0' })}\n`);
        });
      }
    });
    let engine: Engine | undefined;
    try {
      ({ engine } = await startTestEngine());
      expect(rogues.length, 'both rogues connected before the engine was ready').to.equal(2);
      await Promise.all(closed);
      expect(received, 'Node sent the rogues nothing').to.equal('');
      const result = await engine.invokeStep(
        { type: 'SetTaskSequenceVariable', name: 'S', variableName: 'Copy', variableValue: '%Pw%' },
        { variables: { Pw: 'rogue-must-not-see' }, secrets: ['Pw'] },
      );
      expect(result.status).to.equal('Succeeded');
    } finally {
      stop();
      await engine?.close();
    }
  });

  it('keeps the socket directory 0700 under umask 0, and removes it on close', async () => {
    const saved = process.umask(0);
    let engine: Engine | undefined;
    try {
      const before = endpointDirectories();
      ({ engine } = await startTestEngine());
      const created = [...endpointDirectories()].filter((name) => !before.has(name));
      expect(created).to.have.length(1);
      const directory = join(tmpdir(), created[0]!);
      expect((lstatSync(directory).mode & 0o777).toString(8)).to.equal('700');
      expect(lstatSync(directory).uid).to.equal(process.getuid!());
      await engine.close();
      expect(endpointDirectories().has(created[0]!)).to.equal(false);
    } finally {
      process.umask(saved);
      await engine?.close();
    }
  });

  it('hands the keys over stdin: neither the command line nor the environment holds them', async () => {
    const { engine } = await startTestEngine();
    try {
      const cmdline = readFileSync(`/proc/${engine.pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${engine.pid}/environ`, 'utf8');
      expect(cmdline).to.include('-PipeName');
      expect(HEX_KEY.test(cmdline), 'no key in argv').to.equal(false);
      expect(HEX_KEY.test(environ), 'no key in the environment').to.equal(false);
    } finally {
      await engine.close();
    }
  });

  describe('a second local user', () => {
    const user = 'tsseq-rogue';
    let uid: number | undefined;
    let gid: number | undefined;
    before(function () {
      const canCreate = process.getuid?.() === 0 && spawnSync('useradd', ['--help']).status === 0;
      if (!canCreate) {
        console.log('      (skipped: creating a second user needs root and useradd)');
        return this.skip();
      }
      spawnSync('userdel', [user]);
      const made = spawnSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', user], { encoding: 'utf8' });
      if (made.status !== 0) throw new Error(`useradd failed: ${made.stderr}`);
      const ids = spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim();
      uid = Number(ids);
      gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
    });
    after(() => {
      if (uid !== undefined) spawnSync('userdel', [user]);
    });

    it('can neither connect to the socket nor read the keys, during start-up and a run with a secret', async () => {
      // The attacker races for the socket from the moment its directory appears until told to
      // stop, and tries the engine's stdin, environment and command line for the keys.
      const attacker = `
        const net = require('node:net'); const fs = require('node:fs');
        const [dir, enginePidFile] = process.argv.slice(1);
        const report = { attempts: 0, connected: 0, errors: {}, data: '', readKeys: [] };
        let done = false;
        process.stdin.on('data', () => { done = true; });
        const tryRead = () => {
          let pid; try { pid = fs.readFileSync(enginePidFile, 'utf8').trim(); } catch { return; }
          for (const f of ['environ', 'fd/0', 'cmdline']) {
            try { const t = fs.readFileSync('/proc/' + pid + '/' + f, 'utf8'); if (/[0-9a-f]{64}/.test(t)) report.readKeys.push(f); } catch {}
          }
        };
        const attempt = () => {
          if (done) { tryRead(); process.stdout.write(JSON.stringify(report)); process.exit(0); }
          for (const name of fs.readdirSync(dir).filter((n) => n.startsWith(${JSON.stringify(ownPrefix)}))) {
            report.attempts++;
            const s = net.connect(dir + '/' + name + '/engine.sock');
            s.on('connect', () => { report.connected++; s.write('{"type":"ready","protocol":1}\\n'); });
            s.on('data', (d) => { report.data += d; });
            s.on('error', (e) => { report.errors[e.code] = (report.errors[e.code] || 0) + 1; });
          }
          tryRead();
          setTimeout(attempt, 5);
        };
        attempt();`;
      const pidFile = join(tmpdir(), `tsseq-rogue-target-${process.pid}`);
      const rogue = spawn(process.execPath, ['-e', attacker, tmpdir(), pidFile], { uid, gid, stdio: ['pipe', 'pipe', 'inherit'] });
      let output = '';
      rogue.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const finished = new Promise((resolve) => rogue.once('exit', resolve));
      // The umask under which the old socket lost 3 races in 10: its file was created 0777.
      const savedUmask = process.umask(0);
      const { engine } = await startTestEngine().finally(() => process.umask(savedUmask));
      try {
        spawnSync('sh', ['-c', `echo ${engine.pid} > '${pidFile}'; chmod 644 '${pidFile}'`]);
        const result = await engine.invokeStep(
          { type: 'RunCommandLine', name: 'Uses secret', commandLine: 'sleep 0.5; echo "$Pw" > /dev/null' },
          { variables: { Pw: 'second-user-must-not-see' }, secrets: ['Pw'] },
        );
        expect(result.status).to.equal('Succeeded');
      } finally {
        rogue.stdin!.end('stop\n');
        await finished;
        await engine.close();
        spawnSync('rm', ['-f', pidFile]);
      }
      const report = JSON.parse(output) as { attempts: number; connected: number; errors: Record<string, number>; data: string; readKeys: string[] };
      expect(report.attempts, 'the attacker tried').to.be.above(0);
      expect(report.connected, 'connections the attacker got').to.equal(0);
      expect(Object.keys(report.errors)).to.deep.equal(['EACCES']);
      expect(report.data).to.equal('');
      expect(report.readKeys, 'where the attacker found a key').to.deep.equal([]);
    });
  });
});
