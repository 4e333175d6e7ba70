// Start-up failures, with programs that are not PowerShell at all: the bridge must say which
// command it ran, how far start-up got and what the program printed, instead of hanging or
// failing without context. And the real engine says why when it leaves before serving a request.
import { expect } from 'chai';
import { chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { Engine } from '../../src/bridge/Engine.js';
import { engineArguments, engineEnvironment } from '../../src/bridge/engineProcess.js';
import { paths } from '../../src/bridge/paths.js';
import { resolveEngine } from '../../src/bridge/resolveEngine.js';
import { EngineUnavailableError } from '../../src/bridge/errors.js';
import { startTestEngine, testEngineChoice } from '../support/engine.js';
import { waitUntil } from '../support/processes.js';
import { writeTempFile } from '../support/tempFiles.js';
import { socketOf } from '../support/engineInternals.js';

function socketDirectoriesOfThisProcess(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`tsseq-${process.pid}-`));
}

/** A fake engine in Node: reads the keys from stdin, connects to -PipeName, then does `behaviour`. */
function fakeHost(name: string, behaviour: string): string {
  const host = writeTempFile(
    name,
    `#!${process.execPath}
const net = require('node:net');
const pipe = process.argv[process.argv.indexOf('-PipeName') + 1];
let keys = '';
process.stdin.on('data', (d) => { keys += d; });
process.stdin.on('end', () => {
  const [engineKey] = keys.trim().split(' ');
  const socket = net.connect(pipe, () => { ${behaviour} });
  socket.on('error', () => process.exit(9));
});
`,
  );
  chmodSync(host, 0o755);
  return host;
}

async function startError(options: Parameters<typeof Engine.start>[0]): Promise<Error> {
  const error = await Engine.start(options).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error).to.be.instanceOf(EngineUnavailableError);
  return error!;
}

describe('Engine.start failures', function () {
  if (process.platform === 'win32') return;
  this.timeout(120_000);

  it('reports the exit code, the phase, the command and the stderr of a host that exits at once', async () => {
    const host = writeTempFile('exits.sh', '#!/bin/sh\necho "no such option: $1" >&2\nexit 3\n');
    chmodSync(host, 0o755);
    const message = (await startError({ engine: host })).message;
    expect(message).to.include('exited with code 3 before it was ready (no connection reached the bridge socket)');
    expect(message).to.include(host);
    expect(message).to.include('-File');
    expect(message).to.match(/Engine stderr \(last lines\):\nno such option: -NoLogo/);
    expect(socketDirectoriesOfThisProcess()).to.deep.equal([]);
  });

  it('times out when the host never connects, naming the phase and the command', async () => {
    const host = writeTempFile('silent.sh', '#!/bin/sh\necho starting >&2\nexec sleep 30\n');
    chmodSync(host, 0o755);
    const started = Date.now();
    const message = (await startError({ engine: host, startTimeoutMs: 1500 })).message;
    expect(message).to.match(/did not start within 2 s \(no connection reached the bridge socket\): .*silent\.sh.*\nEngine stderr \(last lines\):\nstarting/s);
    expect(Date.now() - started).to.be.below(5000);
    expect(socketDirectoriesOfThisProcess()).to.deep.equal([]);
  });

  it('says a host connected but never sent ready, when it exits 0 after connecting', async () => {
    const host = fakeHost('connects-and-exits.cjs', `process.stderr.write('connected, leaving\\n'); socket.end(() => process.exit(0));`);
    const message = (await startError({ engine: host })).message;
    expect(message).to.include('exited with code 0 before it was ready (1 connection(s) reached the bridge socket, none sent ready with the session key)');
    expect(message).to.match(/Engine stderr \(last lines\):\nconnected, leaving$/);
  });

  it('drops a host whose ready carries the wrong key', async () => {
    const host = fakeHost(
      'wrong-key.cjs',
      `socket.write(JSON.stringify({ type: 'ready', protocol: 1, key: 'x'.repeat(engineKey.length), psVersion: '7', psEdition: 'Core', moduleVersion: '0' }) + '\\n');
       socket.on('close', () => { process.stderr.write('dropped\\n'); process.exit(0); });`,
    );
    const message = (await startError({ engine: host })).message;
    expect(message).to.include('(1 connection(s) reached the bridge socket, none sent ready with the session key (1 dropped))');
    expect(message).to.match(/\ndropped$/);
  });

  it('the real engine started without session keys on stdin says so in one line and exits 2, connecting nowhere', () => {
    const engine = resolveEngine({ engine: testEngineChoice });
    const args = engineArguments(engine, paths.bridgeScript, ['-PipeName', '/nonexistent/engine.sock', '-ModulePath', paths.moduleManifest]);
    const run = spawnSync(engine.command, args, { input: '', encoding: 'utf8', env: { ...engineEnvironment(), ...engine.env }, timeout: 60_000 });
    expect(run.status).to.equal(2);
    expect(run.stderr.trim()).to.equal(
      'tsseq engine: exiting: no session keys on standard input (Start-TsBridge.ps1 is started by the Node bridge, which writes them there).',
    );
  });

  it('the real engine says on stderr why it leaves when Node closes the connection before any request', async () => {
    const { engine, output } = await startTestEngine();
    const exited = new Promise((resolve) => engine.once('exit', resolve));
    socketOf(engine).end();
    await exited;
    expect(await waitUntil(() => output.stderr.includes('tsseq engine: exiting:'), 5000)).to.equal(true);
    expect(output.stderr).to.include('tsseq engine: exiting: the Node bridge closed the connection before sending a request.');
    expect(output.stderr, 'one line, no step deadline: no step was running').not.to.include('did not stop within');
    await engine.close();
  });
});
