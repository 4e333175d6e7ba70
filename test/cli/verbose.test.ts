// tsseq run -v prints each step's output as it happens (the step below waits for a file the test
// creates only when it has seen the step's first line on stdout), stderr lines on stderr; without
// -v a failed step's last lines show under it in the summary, and no other output does.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import type { StepResult } from '../../src/bridge/protocol.js';
import { formatSummary } from '../../src/cli/formatSummary.js';
import { cliPath, runCli } from '../support/cli.js';
import { testEngineChoice } from '../support/engine.js';
import { tempDirectory, writeTempFile } from '../support/tempFiles.js';

describe('tsseq run -v and the failed step tail', function () {
  this.timeout(120_000);

  it('prints output live with -v, prefixed by the step path, stderr to stderr', async () => {
    const flag = join(tempDirectory(), 'verbose-go');
    const file = writeTempFile('verbose.json', {
      name: 'Verbose',
      steps: [{ type: 'RunCommandLine', name: 'Waits', timeoutMinutes: 1, commandLine: `echo ready; while [ ! -f '${flag}' ]; do sleep 0.05; done; echo done; echo complaint >&2` }],
    });
    const child = spawn(process.execPath, [cliPath, 'run', file, '-v'], { cwd: paths.root, env: { ...process.env, TSSEQ_ENGINE: testEngineChoice }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (stdout.includes('[Waits] ready\n')) writeFileSync(flag, '');
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, stderr).to.equal(0);
    expect(stdout).to.contain('[Waits] Executing command line: echo ready;');
    expect(stdout).to.contain('[Waits] done\n');
    expect(stderr).to.contain('[Waits] stderr: complaint\n');
    expect(stdout).to.not.contain('[Waits] complaint');
  });

  it("shows a failed step's last lines without -v, and nothing of a step that succeeded", async () => {
    const file = writeTempFile('tail.json', {
      name: 'Tail',
      steps: [
        { type: 'RunCommandLine', name: 'Quiet success', commandLine: 'echo success-line' },
        { type: 'RunCommandLine', name: 'Breaks', commandLine: 'for i in $(seq 1 25); do echo "step line $i"; done; exit 9' },
      ],
    });
    const result = await runCli(['run', file]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.not.contain('success-line');
    expect(result.stdout).to.contain('    last output:\n    | step line 6\n');
    expect(result.stdout).to.contain('    | step line 25\n');
    expect(result.stdout).to.not.contain('step line 5\n');
  });

  it('counts WhatIf steps as WhatIf in the totals, and shows no tail for them', () => {
    const steps: StepResult[] = [
      { path: 'A', type: 'RunCommandLine', status: 'WhatIf', exitCode: 0, message: 'What if: …' },
      { path: 'B', type: 'RunCommandLine', status: 'WhatIf', exitCode: 0, outputTail: 'not shown' },
      { path: 'C', type: 'RunCommandLine', status: 'Failed', exitCode: 2, outputTail: 'why\n\u001b[31mred' },
    ];
    const text = formatSummary({ status: 'Failed', exitCode: 1, steps, variables: {} }, undefined);
    expect(text).to.match(/: 2 WhatIf, 1 Failed$/);
    expect(text).to.not.contain('not shown');
    expect(text).to.contain('    | why\n    | \\x1b[31mred');
  });
});
