// The result and event types as a TypeScript consumer meets them (compiled against the built
// declarations, dist/src/index.d.ts): narrowing an EngineEvent on `kind` keeps that event's
// fields (no catch-all member turning them into `unknown`), an event of an unknown kind is its
// own member, and StepResult.type is the step type union. Wrong uses fail on exactly their lines.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { asEngineEvent } from '../../src/bridge/protocol.js';
import { tempDirectory } from '../support/tempFiles.js';

const tsc = join(paths.root, 'node_modules', 'typescript', 'bin', 'tsc');
const entry = JSON.stringify(join(paths.root, 'dist', 'src', 'index.js'));

const GOOD = `import type { EngineEvent, StepResult, StepStatus, StepType, OutputStream } from ${entry};
export function use(event: EngineEvent, result: StepResult): string {
  const type: StepType = result.type;
  const group: boolean = result.type === 'Group' || result.type === 'Node';
  switch (event.kind) {
    case 'log': { const message: string = event.message; const level: string = event.level; return message + level + type + group; }
    case 'output': { const stream: OutputStream = event.stream; const text: string = event.text; return stream + text; }
    case 'progress': { const percent: number | null = event.percent; return String(percent) + event.activity; }
    case 'stepStarted': { const stepType: StepType = event.stepType; return stepType + event.time; }
    case 'stepFinished': { const status: StepStatus = event.status; return status + event.path; }
    case 'unknown': { const kind: string = event.event.kind; const field: unknown = event.event.anything; return kind + String(field); }
  }
}
export function exhaustive(event: EngineEvent): never | void {
  if (event.kind === 'log' || event.kind === 'output' || event.kind === 'progress' || event.kind === 'stepStarted' || event.kind === 'stepFinished' || event.kind === 'unknown') return;
  const none: never = event;
  return none;
}
`;

// Each line after the first two is one mistake.
const BAD = `import type { EngineEvent, StepResult } from ${entry};
declare const event: EngineEvent; declare const result: StepResult;
if (event.kind === 'log') { const wrong: number = event.message; }
if (event.kind === 'output') { const wrong: 'nope' = event.stream; }
if (result.type === 'RunComandLine') { /* a misspelt type */ }
if (event.kind === 'stepFinished') { const wrong: 'Done' = event.status; }
if (event.kind === 'unknown') { const wrong: string = event.message; }
const made: StepResult = { path: 'p', type: 'NoSuchStep', status: 'Succeeded' };
`;

function compile(folder: string, file: string, source: string): string[] {
  writeFileSync(join(folder, file), source);
  const options = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(paths.root, 'node_modules', '@types')] };
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: [file] }));
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: folder, encoding: 'utf8' });
  return result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
}

describe('result and event types (tsc against the built declarations)', function () {
  this.timeout(120_000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tempDirectory(), 'event-types-'));
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'event-types', private: true, type: 'module' }));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('narrowing on kind keeps each event\'s fields; StepResult.type is a StepType', () => {
    expect(compile(folder, 'good.ts', GOOD)).to.deep.equal([]);
  });

  it('wrong uses fail on exactly their lines', () => {
    const errors = compile(folder, 'bad.ts', BAD);
    const lines = errors.map((line) => Number(/^bad\.ts\((\d+),/.exec(line)?.[1]));
    expect([...new Set(lines)], errors.join('\n')).to.deep.equal([3, 4, 5, 6, 7, 8]);
  });

  it('an event of a kind this version does not know arrives wrapped, as the type says; known kinds as they are', () => {
    expect(asEngineEvent({ kind: 'restartRequested', path: 'A', when: 'now' })).to.deep.equal({ kind: 'unknown', event: { kind: 'restartRequested', path: 'A', when: 'now' } });
    const log = { kind: 'log', level: 'info', message: 'm', path: '' };
    expect(asEngineEvent(log)).to.equal(log);
    expect(asEngineEvent({ kind: 'unknown', x: 1 })).to.deep.equal({ kind: 'unknown', event: { kind: 'unknown', x: 1 } });
  });
});
