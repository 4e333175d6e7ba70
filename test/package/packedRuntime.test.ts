// The packed package runs, not only compiles: what `npm pack` ships carries the engine core the
// module loads (ps-module/lib, built by prepack) and none of the sources' test or build
// outputs; a consumer that installed it runs steps on a PowerShell (here this clone's embedded
// engine, given by path as a user would give their pwsh), Node steps from PowerShell included;
// asked for the embedded engine, which the package does not carry, it is told what to do.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/bridge/paths.js';
import { installPacked } from '../support/packedPackage.js';

const CONSUMER = `import { Engine, steps } from 'tsseq';
const results = {};
const engine = await Engine.start({ engine: process.argv[2] });
try {
  engine.registerStep('greet', (parameters, ctx) => { ctx.variables.set('Greeting', 'hello ' + parameters.who); });
  const script = steps.runPowerShellScript({
    name: 'Script',
    sourceScript: "$r = Invoke-TsStep -Type Node -Parameters @{ handler = 'greet'; parameters = @{ who = $tsenv.Value('Who') } } -Variables @{}; $tsenv.Value('Got') = $r.variables['Greeting']; $tsenv.Value('Module') = (Get-Module TsSequence).ModuleBase",
  });
  const step = await engine.invokeStep(script, { variables: { Who: 'packed' } });
  results.status = step.status;
  results.got = step.variables.Got;
  results.module = step.variables.Module;
} finally {
  await engine.close();
}
try { await Engine.start({ engine: 'embedded' }); results.embedded = 'started'; } catch (error) { results.embedded = error.name + ': ' + error.message; }
console.log(JSON.stringify(results));
`;

describe('packed package: runs on PowerShell', function () {
  this.timeout(180_000);
  let project: string;
  before(function () {
    project = installPacked();
  });

  it('ships the module with its engine core and no tests, sources of the CLI or build outputs', function () {
    const installed = join(project, 'node_modules', 'tsseq');
    expect(readdirSync(join(installed, 'ps-module', 'lib'), { recursive: true }).map(String)).to.include.members(['TsSequence.Core.dll', join('net462', 'TsSequence.Core.dll')]);
    const top = readdirSync(installed).sort();
    expect(top).to.include.members(['dist', 'generated', 'ps-module', 'package.json', 'README.md']);
    for (const unwanted of ['test', 'src', 'bench', 'scripts', 'node_modules']) expect(top).to.not.include(unwanted);
    expect(readdirSync(join(installed, 'dist')).sort()).to.deep.equal(['generated', 'src']);
    for (const unwanted of ['bin', 'obj']) expect(readdirSync(join(installed, 'host'))).to.not.include(unwanted);
    // Source maps would point at sources the package does not ship.
    expect(readdirSync(join(installed, 'dist'), { recursive: true }).map(String).filter((file) => file.endsWith('.map'))).to.deep.equal([]);
    expect(top).to.include('LICENSE');
  });

  it("runs a step whose script calls a Node handler, on the package's own module, and explains the missing embedded engine", function () {
    writeFileSync(join(project, 'consumer.mjs'), CONSUMER);
    const run = spawnSync(process.execPath, ['consumer.mjs', paths.embeddedHostDll], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).to.equal(0);
    const results = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, string>;
    expect(results).to.include({ status: 'Succeeded', got: 'hello packed' });
    // The script loaded the package's own module (by name, from the PSModulePath the engine set).
    expect(results.module).to.equal(join(realpathSync(project), 'node_modules', 'tsseq', 'generated', 'TsSequence'));
    expect(results.embedded).to.match(/^EngineNotFoundError: .*does not carry the embedded engine.*pwsh/);
  });
});
