// The bridge against the real engine (embedded by default): start-up, requests, events, output
// that is not protocol, and what happens when the engine goes away.
import { expect } from 'chai';
import { AsyncResource } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Engine, StepDefinition } from '../../src/bridge/Engine.js';
import { EngineAbortError, EngineRequestError, EngineUnavailableError, InvalidRequestError } from '../../src/bridge/errors.js';
import { InvalidDocumentError } from '../../src/bridge/validateDocument.js';
import type { EngineEvent } from '../../src/bridge/protocol.js';
import { startTestEngine, type CapturedOutput } from '../support/engine.js';
import { isRunning, waitUntil } from '../support/processes.js';
import { sessionOf } from '../support/engineInternals.js';
import { sleepScript } from '../support/calls.js';

describe('Engine (real PowerShell engine)', function () {
  this.timeout(120_000);

  describe('one shared session', () => {
    let engine: Engine;
    let output: CapturedOutput;

    before(async () => {
      ({ engine, output } = await startTestEngine());
    });
    after(async () => {
      await engine?.close();
    });

    it('exposes the ready message and answers ping', async () => {
      expect(engine.info).to.include({ type: 'ready', protocol: 1 });
      expect(engine.info.psVersion).to.match(/^\d+\.\d+/);
      expect(engine.info.psEdition).to.be.oneOf(['Core', 'Desktop']);
      expect(engine.info.moduleVersion).to.match(/^\d+\.\d+\.\d+/);
      expect(await engine.ping()).to.equal(true);
    });

    it('keeps the protocol intact while a step writes to [Console]::Out and [Console]::Error', async () => {
      const script = [
        `[Console]::Out.WriteLine('{"type":"response","id":1,"result":"not from the bridge"}')`,
        `[Console]::Out.Write('half a line without newline')`,
        `[Console]::Error.WriteLine('diagnostic on stderr')`,
        `$tsenv.Value('AfterConsole') = 'yes'`,
      ].join('\n');
      const result = await engine.invokeStep({ type: 'RunPowerShellScript', name: 'Console', sourceScript: script });
      expect(result.status).to.equal('Succeeded');
      expect(result.variables.AfterConsole).to.equal('yes');
      expect(await engine.ping()).to.equal(true);
      // Where the engine prints a script's console text (its stdout or stderr, masked) is its own
      // business; it must reach Node as output, never as protocol.
      expect(output.stdout + output.stderr).to.include('not from the bridge');
      expect(output.stdout + output.stderr).to.include('diagnostic on stderr');
    });

    const values: Array<[string, string]> = [
      ['quotes', `he said "hi" and 'bye' ‘curly’`],
      ['dollar', '$env:HOME $(Get-Date) ${x} $null @args'],
      ['backticks', '`n`t`` ` end`'],
      ['percent', '100% %In% %% %NotSet% %'],
      ['newlines', 'line1\nline2\r\nline3\r\n\n'],
      ['non-BMP Unicode', '😀 𝄞 \u{10FFFF} 中文 é'],
      ['control characters', '\u0001\u001f\u007f\t'],
      ['separators', 'a:b,c;d=e|f'],
      ['1 MB', 'ab"$`%\n😀'.repeat(120_000).slice(0, 1_048_576)],
    ];
    for (const [label, value] of values) {
      it(`round-trips ${label} Node → PowerShell → Node unchanged`, async () => {
        const result = await engine.invokeStep(
          { type: 'SetTaskSequenceVariable', name: 'Copy', variableName: 'V', variableValue: '%In%' },
          { variables: { In: value } },
        );
        expect(result.status).to.equal('Succeeded');
        // compare lengths first so a failure does not print a megabyte
        expect(result.variables.V?.length, 'length of V').to.equal(value.length);
        expect(result.variables.V === value, 'V is byte-exact').to.equal(true);
        expect(result.variables.In === value, 'In is byte-exact').to.equal(true);
      });
    }

    it('sends stepStarted and stepFinished events for steps and groups', async () => {
      const events: EngineEvent[] = [];
      const result = await engine.runSequence(
        {
          name: 'Events',
          steps: [
            { type: 'SetTaskSequenceVariable', name: 'First', variableName: 'A', variableValue: '1' },
            { type: 'Group', name: 'G', steps: [{ type: 'SetTaskSequenceVariable', name: 'Second', variableName: 'B', variableValue: '%A%2' }] },
          ],
        },
        { onEvent: (event) => events.push(event) },
      );
      expect(result.status).to.equal('Succeeded');
      expect(result.variables).to.include({ A: '1', B: '12' });
      const started = events.filter((e) => e.kind === 'stepStarted').map((e) => e.path);
      const finished = events.filter((e) => e.kind === 'stepFinished').map((e) => (e as { path: string }).path);
      expect(started).to.include.members(['First', 'G/Second']);
      expect(finished).to.include.members(['First', 'G', 'G/Second']);
      const first = events.find((e) => e.kind === 'stepStarted' && e.path === 'First') as { stepType: string; time: string };
      expect(first.stepType).to.equal('SetTaskSequenceVariable');
      expect(Number.isNaN(Date.parse(first.time))).to.equal(false);
    });

    it('runs a Node-implemented step through a callback and gets its variables back', async () => {
      engine.registerStep('notify', async (parameters, ctx) => {
        ctx.variables.set('Sent', `${String(parameters.to)}:${ctx.variables.get('greeting') ?? ''}`);
        return { message: 'sent' };
      });
      const result = await engine.runSequence({
        name: 'Node step',
        steps: [
          { type: 'SetTaskSequenceVariable', name: 'Greeting', variableName: 'Greeting', variableValue: 'hi "there" $x' },
          { type: 'Node', name: 'Notify', handler: 'notify', parameters: { to: 'ops' } },
        ],
      });
      expect(result.status).to.equal('Succeeded');
      expect(result.variables.Sent).to.equal('ops:hi "there" $x');
    });

    it('reports an engine error for a request it cannot serve, and stays usable', async () => {
      // validate: false sends it past Node's own check (StepValidationError), to the engine.
      const error = await engine.invokeStep({ type: 'NoSuchStep' } as unknown as StepDefinition, { validate: false }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.name).to.equal('EngineRequestError');
      expect(error?.message).to.match(/\$\.type/);
      expect(await engine.ping()).to.equal(true);
    });

    it('refuses a variable value or a step field with a lone surrogate, naming it, and goes on serving', async () => {
      const step = { type: 'SetTaskSequenceVariable' as const, name: 'Copy', variableName: 'V', variableValue: '%In%' };
      const byVariable = await engine.invokeStep(step, { variables: { In: 'a\uD800b' } }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(byVariable).to.be.instanceOf(InvalidRequestError);
      expect(byVariable?.message).to.match(/^invokeStep: the value of variable 'In' is not well-formed Unicode: .*must be well-formed Unicode/);
      expect(await engine.ping()).to.equal(true);

      const emoji = '😀';
      // A document's string is refused by its validation, in tsseq validate's words.
      const byPath = await engine
        .runSequence({ name: 'Cut', steps: [{ type: 'RunCommandLine', name: 'Echo', commandLine: `echo ${emoji.slice(0, 1)}` }] })
        .then(
          () => undefined,
          (e: unknown) => e as InvalidDocumentError,
        );
      expect(byPath).to.be.instanceOf(InvalidDocumentError);
      expect(byPath?.problems).to.deep.equal([{ path: '$.steps[0].commandLine', message: 'is not well-formed Unicode: it has a lone surrogate (U+D83D) at index 5' }]);
      const after = await engine.invokeStep(step, { variables: { In: `whole ${emoji}` } });
      expect(after.variables.V).to.equal(`whole ${emoji}`);
    });

    it('fails only the request the engine could not read (sent past the Node checks) and goes on serving', async () => {
      // The Engine refuses lone surrogates itself; the session underneath sends what it is given.
      const session = sessionOf(engine);
      const error = await session.request('invokeStep', { step: { type: 'RunCommandLine', commandLine: 'a\uD800' } }).then(
        () => undefined,
        (e: unknown) => e as EngineRequestError,
      );
      expect(error).to.be.instanceOf(EngineRequestError);
      expect(error?.message).to.match(/Malformed request|could not read the request/);
      expect(await engine.ping()).to.equal(true);
      const result = await engine.invokeStep({ type: 'SetTaskSequenceVariable', name: 'S', variableName: 'N', variableValue: 'ok' });
      expect(result.variables.N).to.equal('ok');
    });

    it('refuses at once a call from a Node step handler to its own engine (it would wait forever)', async () => {
      let refused: unknown;
      let later: (() => Promise<boolean>) | undefined;
      engine.registerStep('reentrant', async (_parameters, ctx) => {
        refused = await engine.ping().then(
          () => undefined,
          (e: unknown) => e,
        );
        // the same async context, used after the handler has finished: then the call is fine
        later = AsyncResource.bind(() => engine.ping());
        ctx.variables.set('HandlerDone', 'yes');
      });
      const run = engine.runSequence({ name: 'Reentrant', steps: [{ type: 'Node', name: 'Calls back', handler: 'reentrant' }] });
      const result = await Promise.race([run, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('deadlocked')), 15_000).unref())]);
      expect(result.status).to.equal('Succeeded');
      expect(result.variables.HandlerDone).to.equal('yes');
      expect(refused).to.be.instanceOf(InvalidRequestError);
      expect((refused as Error).message).to.match(
        /^ping: a Node step handler cannot call the engine that is running it; that engine is waiting for handler 'reentrant' \(step 'Calls back'\)/,
      );
      expect(await later!()).to.equal(true);
    });

    it('fails a Node step whose handler sets a value that is not well-formed Unicode, naming the variable', async () => {
      engine.registerStep('cuts', (_parameters, ctx) => {
        ctx.variables.set('Cut', 'x\uDC00');
      });
      const result = await engine.runSequence({ name: 'Cut', steps: [{ type: 'Node', name: 'Cuts', handler: 'cuts' }] });
      expect(result.status).to.equal('Failed');
      expect(result.steps[0]?.message).to.match(/variable 'Cut' is not well-formed Unicode/);
      expect(await engine.ping()).to.equal(true);
    });

    it('queues concurrent requests and answers each one', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          engine.invokeStep({ type: 'SetTaskSequenceVariable', name: `S${i}`, variableName: 'N', variableValue: String(i) }),
        ),
      );
      expect(results.map((r) => r.variables.N)).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(i)));
    });
  });

  it('close() stops the engine, removes the socket directory and rejects later requests', async () => {
    const { engine } = await startTestEngine();
    const pid = engine.pid!;
    expect(isRunning(pid)).to.equal(true);
    await engine.close();
    expect(await waitUntil(() => !isRunning(pid), 5000), 'engine process gone').to.equal(true);
    if (process.platform !== 'win32') {
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`tsseq-${process.pid}-`))).to.deep.equal([]);
    }
    const error = await engine.ping().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EngineUnavailableError);
    expect((error as Error).message).to.match(/closed/);
  });

  it('rejects the running and the queued requests with a clear error when the engine dies', async () => {
    const { engine } = await startTestEngine();
    try {
      const running = engine.invokeStep({ type: 'RunPowerShellScript', name: 'Sleep', sourceScript: sleepScript(30) });
      const queued = engine.ping();
      const outcomes = Promise.allSettled([running, queued]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      process.kill(engine.pid!, 'SIGKILL');
      const killedAt = Date.now();
      const [first, second] = await outcomes;
      // Issue 8: a killed engine is a typed error within a second.
      expect(Date.now() - killedAt).to.be.below(1000);
      for (const outcome of [first, second]) {
        expect(outcome!.status).to.equal('rejected');
        const reason = (outcome as PromiseRejectedResult).reason as Error;
        expect(reason).to.be.instanceOf(EngineUnavailableError);
        expect(reason.message).to.match(/The PowerShell engine (was killed \(SIGKILL\)|exited with code \d+|closed the bridge connection) unexpectedly/);
      }
    } finally {
      await engine.close();
    }
  });

  it('kills what the engine started when the engine dies by itself', async function () {
    if (process.platform === 'win32') this.skip(); // a tree is found by parent pid there, gone with the engine
    const { engine } = await startTestEngine();
    let sleeper: number | undefined;
    try {
      const started = await engine.invokeStep({
        type: 'RunCommandLine',
        name: 'Background',
        commandLine: 'sleep 30 >/dev/null 2>&1 & echo $!',
        outputVariableName: 'SleepPid',
      });
      sleeper = Number(started.variables.SleepPid?.trim());
      expect(Number.isInteger(sleeper) && sleeper > 0, `pid of the sleep: ${started.variables.SleepPid}`).to.equal(true);
      expect(isRunning(sleeper), 'sleep running before').to.equal(true);
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      process.kill(engine.pid!, 'SIGKILL');
      await exited;
      expect(await waitUntil(() => !isRunning(sleeper!), 5000), 'sleep gone after the engine died').to.equal(true);
    } finally {
      if (sleeper && isRunning(sleeper)) process.kill(sleeper, 'SIGKILL');
      await engine.close();
    }
  });

  it('an aborted runSequence stops its step, rejects with EngineAbortError and leaves the engine serving', async () => {
    const { engine } = await startTestEngine();
    const pid = engine.pid!;
    try {
      const controller = new AbortController();
      const run = engine.runSequence(
        { name: 'Long', steps: [{ type: 'RunPowerShellScript', name: 'Long', sourceScript: sleepScript(30) }] },
        { signal: controller.signal, noState: true },
      );
      setTimeout(() => controller.abort(), 500);
      const error = await run.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(EngineAbortError);
      expect(isRunning(pid), 'engine still running').to.equal(true);
      expect(await engine.ping()).to.equal(true);
    } finally {
      await engine.close();
    }
  });
});
