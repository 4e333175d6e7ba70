// A call's events as an async iterator: `for await (const event of run)` sees every event of the
// call in order and ends when the call ends (one loop per call; events wait in memory until it
// reads them); `run.result` is the call's result. An iterator the
// caller leaves early (break, return) stops collecting, and the call runs on: pass `signal` to
// stop it. If the call fails, the loop throws its error after the events that came before it.
import type { EngineEvent } from './protocol.js';

export interface EventStream<T> extends AsyncIterable<EngineEvent> {
  /** The call's result (or its error): available with or without iterating. */
  readonly result: Promise<T>;
}

export function eventStream<T>(start: (onEvent: (event: EngineEvent) => void) => Promise<T>): EventStream<T> {
  // A queue read from a moving head: taking an event is O(1), so a long run drains in linear time.
  let queue: EngineEvent[] = [];
  let head = 0;
  let wake: (() => void) | undefined;
  let done = false;
  let listening = true;
  let iterated = false;
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
        if (head < queue.length) {
          const event = queue[head]!;
          queue[head++] = undefined as unknown as EngineEvent;
          if (head > 1024 && head * 2 > queue.length) {
            queue = queue.slice(head);
            head = 0;
          }
          yield event;
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
      queue = [];
      head = 0;
    }
  }

  return {
    result,
    [Symbol.asyncIterator]: () => {
      // One consumer: a second loop would steal the first one's events (and its wake-up).
      if (iterated) throw new TypeError('This event stream is already being iterated; a call\'s events can be read by one loop (use onEvent for more listeners).');
      iterated = true;
      return iterate();
    },
  };
}
