// A call's events as an async iterator: `for await (const event of run)` sees every event of the
// call in order and ends when the call ends; `run.result` is the call's result. An iterator the
// caller leaves early (break, return) stops collecting, and the call runs on: pass `signal` to
// stop it. If the call fails, the loop throws its error after the events that came before it.
import type { EngineEvent } from './protocol.js';

export interface EventStream<T> extends AsyncIterable<EngineEvent> {
  /** The call's result (or its error): available with or without iterating. */
  readonly result: Promise<T>;
}

export function eventStream<T>(start: (onEvent: (event: EngineEvent) => void) => Promise<T>): EventStream<T> {
  const queue: EngineEvent[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  let listening = true;
  const result = start((event) => {
    if (!listening) return;
    queue.push(event);
    wake?.();
  });
  const settled = result.then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  void settled.then(() => {
    done = true;
    wake?.();
  });
  result.catch(() => undefined); // seen through the loop or `result`; never unhandled here

  async function* iterate(): AsyncGenerator<EngineEvent> {
    try {
      while (true) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        if (done) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      const outcome = await settled;
      if (outcome) throw outcome.error;
    } finally {
      listening = false;
      queue.length = 0;
    }
  }

  return { result, [Symbol.asyncIterator]: iterate };
}
