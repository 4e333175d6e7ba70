// What a run had done, from its events: the steps and groups that finished (their result
// entries, as the result document would list them) and the one running. When the engine dies
// mid-run there is no result document; this is what the CLI can still report.
import type { EngineEvent, StepResult } from '../bridge/protocol.js';

export class RunProgress {
  readonly finished: StepResult[] = [];
  private readonly running: string[] = [];

  observe(event: EngineEvent): void {
    if (event.kind === 'stepStarted' && typeof event.path === 'string') this.running.push(event.path);
    if (event.kind !== 'stepFinished') return;
    const { kind: _kind, ...entry } = event as { kind: 'stepFinished' } & StepResult;
    this.finished.push(entry);
    const at = this.running.lastIndexOf(entry.path);
    if (at !== -1) this.running.splice(at, 1);
  }

  /** The innermost step or group that started and did not finish (a group encloses its steps). */
  get runningStep(): string | undefined {
    return this.running[this.running.length - 1];
  }
}
