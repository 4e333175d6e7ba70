// The engine loop through the real engine: groups, disabled items, conditions,
// continueOnError and failure propagation (spec 2.3), result document shape (DESIGN 4).
import { expect } from 'chai';
import type { Engine } from '../../src/bridge/Engine.js';
import { startTestEngine } from '../support/engine.js';

const ok = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'RunCommandLine', name, commandLine: 'exit 0', ...extra });
const fail = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'RunCommandLine', name, commandLine: 'exit 9', ...extra });
const group = (name: string, steps: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'Group', name, steps, ...extra });

describe('sequence engine', function () {
  let engine: Engine;
  before(async function () {
    ({ engine } = await startTestEngine());
  });
  after(async function () {
    await engine?.close();
  });

  const statuses = (result: { steps: Array<{ path: string; status: string; skipReason?: string }> }) =>
    result.steps.map((step) => `${step.path}=${step.status}${step.skipReason ? `(${step.skipReason})` : ''}`);

  it("follows ConfigMgr's worked example of continue-on-error in groups", async function () {
    const result = await engine.runSequence({
      name: 'worked example',
      steps: [
        group('Group1', [fail('S1', { continueOnError: true }), fail('S2'), ok('S3')], { continueOnError: true }),
        group('Group2', [fail('S4'), ok('S5'), ok('S6')]),
      ],
    });
    expect(result.status).to.equal('Failed');
    expect(result.exitCode).to.equal(1);
    expect(statuses(result)).to.deep.equal([
      'Group1=FailedContinued',
      'Group1/S1=FailedContinued',
      'Group1/S2=Failed',
      'Group1/S3=Skipped(GroupFailed)',
      'Group2=Failed',
      'Group2/S4=Failed',
      'Group2/S5=Skipped(GroupFailed)',
      'Group2/S6=Skipped(GroupFailed)',
    ]);
  });

  it('propagates a failure up through nested groups until a continueOnError absorbs it', async function () {
    const result = await engine.runSequence({
      name: 'nested',
      steps: [
        group('Outer', [group('Middle', [group('Inner', [fail('Bad'), ok('NotReached')]), ok('AlsoNotReached')]), ok('NotReachedEither')], {
          continueOnError: true,
        }),
        ok('After'),
      ],
    });
    expect(result.status).to.equal('Succeeded');
    expect(statuses(result)).to.deep.equal([
      'Outer=FailedContinued',
      'Outer/Middle=Failed',
      'Outer/Middle/Inner=Failed',
      'Outer/Middle/Inner/Bad=Failed',
      'Outer/Middle/Inner/NotReached=Skipped(GroupFailed)',
      'Outer/Middle/AlsoNotReached=Skipped(GroupFailed)',
      'Outer/NotReachedEither=Skipped(GroupFailed)',
      'After=Succeeded',
    ]);
  });

  it('fails the whole sequence at the first failure when nothing continues on error', async function () {
    const result = await engine.runSequence({ name: 'plain', steps: [ok('A'), fail('B'), ok('C')] });
    expect(result.status).to.equal('Failed');
    expect(statuses(result)).to.deep.equal(['A=Succeeded', 'B=Failed', 'C=Skipped(GroupFailed)']);
  });

  it('skips disabled steps and groups (with everything inside) without touching _SMSTSLastAction*', async function () {
    const result = await engine.runSequence({
      name: 'disabled',
      steps: [
        fail('First', { continueOnError: true }),
        fail('Off', { disabled: true }),
        group('OffGroup', [fail('Inside')], { disabled: true }),
      ],
    });
    expect(result.status).to.equal('Succeeded');
    expect(statuses(result)).to.deep.equal(['First=FailedContinued', 'Off=Skipped(Disabled)', 'OffGroup=Skipped(Disabled)', 'OffGroup/Inside=Skipped(Disabled)']);
    expect(result.variables._SMSTSLastActionName).to.equal('First');
    expect(result.variables._SMSTSLastActionSucceeded).to.equal('false');
    expect(result.variables._SMSTSLastActionRetCode).to.equal('9');
  });

  it('skips items whose condition is false, and runs those whose condition holds', async function () {
    const result = await engine.runSequence({
      name: 'conditions',
      variables: { Platform: 'Linux', Version: '10.0.19045', Count: '9' },
      steps: [
        ok('Equals', { condition: { variable: 'Platform', operator: 'equals', value: 'linux' } }),
        ok('NotEquals', { condition: { variable: 'Platform', operator: 'notEquals', value: 'linux' } }),
        ok('Numeric', { condition: { variable: 'Count', operator: 'less', value: '10' } }),
        ok('Version', { condition: { variable: 'Version', operator: 'greaterEqual', value: '10.0.9200' } }),
        ok('Like', { condition: { variable: 'Platform', operator: 'like', value: 'lin*' } }),
        ok('Missing', { condition: { variable: 'Nope', operator: 'exists' } }),
        ok('AnyOf', { condition: { any: [{ variable: 'Nope', operator: 'exists' }, { variable: 'Count', operator: 'greater', value: '8' }] } }),
        ok('NoneOf', { condition: { none: [{ variable: 'Platform', operator: 'exists' }] } }),
        ok('ListIsAll', { condition: [{ variable: 'Platform', operator: 'exists' }, { variable: 'Nope', operator: 'exists' }] }),
        group('FalseGroup', [ok('Child')], { condition: { variable: 'Platform', operator: 'equals', value: 'windows' } }),
      ],
    });
    expect(statuses(result)).to.deep.equal([
      'Equals=Succeeded',
      'NotEquals=Skipped(ConditionFalse)',
      'Numeric=Succeeded',
      'Version=Succeeded',
      'Like=Succeeded',
      'Missing=Skipped(ConditionFalse)',
      'AnyOf=Succeeded',
      'NoneOf=Skipped(ConditionFalse)',
      'ListIsAll=Skipped(ConditionFalse)',
      'FalseGroup=Skipped(ConditionFalse)',
      'FalseGroup/Child=Skipped(ConditionFalse)',
    ]);
  });

  it('reports every step with path, type, status, exitCode, startedAt, durationMs and message', async function () {
    const result = await engine.runSequence({ name: 'shape', steps: [group('G', [ok('S')])] });
    const [groupEntry, stepEntry] = result.steps;
    expect(groupEntry).to.include({ path: 'G', type: 'Group', status: 'Succeeded' });
    expect(stepEntry).to.include({ path: 'G/S', type: 'RunCommandLine', status: 'Succeeded', exitCode: 0, message: '' });
    expect(new Date(String(stepEntry!.startedAt)).toISOString()).to.equal(stepEntry!.startedAt);
    expect(stepEntry!.durationMs).to.be.a('number');
  });

  it('streams stepStarted and stepFinished events in order', async function () {
    const events: Array<{ kind: string; path?: string }> = [];
    await engine.runSequence({ name: 'events', steps: [group('G', [ok('S')])] }, { onEvent: (event) => events.push(event as never) });
    const lifecycle = events.filter((event) => event.kind !== 'log').map((event) => `${event.kind}:${event.path}`);
    expect(lifecycle).to.deep.equal(['stepStarted:G', 'stepStarted:G/S', 'stepFinished:G/S', 'stepFinished:G']);
  });

  it('fails a step whose type is declared but not implemented yet, with a clear message', async function () {
    const result = await engine.runSequence({
      name: 'not yet',
      steps: [{ type: 'CheckReadiness', name: 'Check', continueOnError: true }, ok('After')],
    });
    expect(result.steps[0]).to.include({ status: 'FailedContinued' });
    expect(result.steps[0]!.message).to.match(/CheckReadiness step is not implemented yet/);
    expect(result.steps[1]).to.include({ status: 'Succeeded' });
  });

  it('lists the children of a group whose condition cannot be evaluated', async function () {
    const result = await engine.runSequence({
      name: 'bad condition',
      steps: [group('G', [ok('Child')], { condition: { file: { path: '/', version: 'one.two', versionOperator: 'equals' } }, continueOnError: true }), ok('After')],
    }, { validate: false });
    expect(statuses(result)).to.deep.equal(['G=FailedContinued', 'G/Child=Skipped(GroupFailed)', 'After=Succeeded']);
    expect(result.steps[0]!.message).to.match(/is not a version/);
  });
});
