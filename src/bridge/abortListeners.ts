// One 'abort' listener per AbortSignal however many calls wait on it: a "cancel all" signal
// shared by a batch of queued calls would otherwise pass Node's 10-listener leak warning.
type Listener = () => void;

const waiting = new WeakMap<AbortSignal, { listeners: Set<Listener>; fire: Listener }>();

/** Calls `listener` when `signal` aborts; the returned function removes it. */
export function onAbort(signal: AbortSignal, listener: Listener): () => void {
  let entry = waiting.get(signal);
  if (!entry) {
    const listeners = new Set<Listener>();
    const fire = () => {
      waiting.delete(signal);
      for (const each of [...listeners]) each();
    };
    entry = { listeners, fire };
    waiting.set(signal, entry);
    signal.addEventListener('abort', fire, { once: true });
  }
  const { listeners, fire } = entry;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && waiting.get(signal)?.listeners === listeners) {
      waiting.delete(signal);
      signal.removeEventListener('abort', fire);
    }
  };
}
