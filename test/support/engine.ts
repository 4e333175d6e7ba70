// Starts the real engine for tests: the embedded one by default (what CI has), or whatever
// TSSEQ_TEST_ENGINE names (pwsh, a path) to run the same tests against another host.
import { Engine, type EngineStartOptions } from '../../src/bridge/Engine.js';
import { resolveEngine } from '../../src/bridge/resolveEngine.js';

export const testEngineChoice = process.env.TSSEQ_TEST_ENGINE ?? 'embedded';

export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

/** An engine plus everything it printed. */
export async function startTestEngine(options: EngineStartOptions = {}): Promise<{ engine: Engine; output: CapturedOutput }> {
  const output: CapturedOutput = { stdout: '', stderr: '' };
  const engine = await Engine.start({
    engine: testEngineChoice,
    ...options,
    onOutput: (stream, text) => {
      output[stream] += text;
      options.onOutput?.(stream, text);
    },
  });
  return { engine, output };
}

/**
 * How to run the test engine as a plain PowerShell process (for tests that drive PowerShell
 * directly, not through the bridge): its executable and the arguments before PowerShell's own.
 */
export function testEngineCommand(): { command: string; prefixArgs: string[] } {
  const resolved = resolveEngine({ engine: testEngineChoice });
  return { command: resolved.command, prefixArgs: [...resolved.prefixArgs] };
}
