// Small helpers the engine tests share: what a call rejected with, and a script that blocks.

/** The error `promise` rejects with, or undefined when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
}

/** A script blocked in a .NET wait (Thread.Sleep), which a stop interrupts. */
export const sleepScript = (seconds: number) => `[System.Threading.Thread]::Sleep(${seconds * 1000})`;
