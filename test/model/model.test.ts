// The TypeScript model itself: it type-checks the documents DESIGN.md describes and rejects bad
// ones, and it carries what the ConfigMgr spec (section 1) says about each step.
import { expect } from 'chai';
import { join } from 'node:path';
import type { Project } from 'ts-morph';
import { createModelProject } from '../../src/codegen/project.js';
import { loadModel } from '../../src/codegen/generate.js';
import type { CodegenModel, ParameterModel } from '../../src/codegen/model.js';
import { repoRoot } from '../codegen/repoRoot.js';

describe('model: TypeScript types', function () {
  this.timeout(120_000);
  let project: Project;
  let modelDir: string;
  before(() => {
    ({ project, modelDir } = createModelProject(repoRoot));
  });

  /** Type errors of a snippet placed beside the model (so './index.js' is the model barrel). */
  function typeErrors(snippet: string): string[] {
    const file = project.createSourceFile(join(modelDir, '__typecheck.ts'), `import type * as M from './index.js';\n${snippet}\n`, { overwrite: true });
    try {
      return file.getPreEmitDiagnostics().map((diagnostic) => {
        const text = diagnostic.getMessageText();
        return typeof text === 'string' ? text : text.getMessageText();
      });
    } finally {
      project.removeSourceFile(file);
    }
  }

  it('has no type errors of its own', () => {
    const errors = project.getSourceFiles().flatMap((file) => file.getPreEmitDiagnostics().map((diagnostic) => `${file.getBaseName()}: ${String(diagnostic.getMessageText())}`));
    expect(errors).to.deep.equal([]);
  });

  it('accepts the DESIGN.md example document and a rule of every kind', () => {
    expect(
      typeErrors(`export const doc: M.SequenceDocument = {
        $schema: '../generated/tsseq.schema.json', name: 'Baseline apps', variables: { AppRoot: '/opt/apps' },
        steps: [
          { type: 'SetTaskSequenceVariable', name: 'Log dir', variableName: 'LogDir', variableValue: '%AppRoot%/logs' },
          { type: 'Group', name: 'Tools', continueOnError: true,
            condition: { variable: 'Platform', operator: 'equals', value: 'linux' },
            steps: [ { type: 'RunCommandLine', name: 'Hello', commandLine: 'echo hello', outputVariableName: 'Greeting' } ] },
          { type: 'SetDynamicVariables', name: 'Rules', rules: [
            { computer: { macAddress: ['00-11-22-33-44-55'], uuid: 'u' }, variables: [{ name: 'Site', value: 'A', isSecret: false }] },
            { location: { defaultGateway: '10.0.0.1' }, variables: [] },
            { makeModel: { make: 'Dell*', model: 'OptiPlex 7?0' }, variables: [] },
            { condition: [{ file: { path: '/etc/hosts' } }, { none: [{ os: { platform: ['windows'] } }] }], variables: [] },
            { variables: [{ name: 'Always', value: '1' }] } ] },
          { type: 'RunPowerShellScript', name: 'P', sourceScript: '1', parameters: { A: 'x', B: 2, C: true, D: ['y'] } },
          { type: 'Node', name: 'N', handler: 'notify', parameters: { any: 'thing' } },
        ] };`),
    ).to.deep.equal([]);
  });

  it('rejects a wrong property type, an unknown enum value and a step without a name', () => {
    expect(typeErrors("export const a: M.Step = { type: 'RunCommandLine', name: 'x', commandLine: 5 };")).to.have.length(1);
    expect(typeErrors("export const b: M.Step = { type: 'RunPowerShellScript', name: 'x', executionPolicy: 'Sometimes' };")).to.have.length(1);
    expect(typeErrors("export const c: M.Step = { type: 'RunCommandLine', commandLine: 'x' };")).to.have.length(1);
    expect(typeErrors("export const d: M.Condition = { variable: 'A', operator: 'equal' };")).to.have.length(1);
  });
});

describe('model: ConfigMgr step properties (spec section 1)', function () {
  this.timeout(120_000);
  let model: CodegenModel;
  before(() => {
    model = loadModel(repoRoot);
  });
  const step = (name: string) => model.stepTypes.find((candidate) => candidate.name === name)!;
  const parameter = (stepName: string, name: string): ParameterModel => {
    const found = step(stepName).parameters.find((candidate) => candidate.name === name);
    expect(found, `${stepName}.${name}`).to.not.equal(undefined);
    return found!;
  };

  it('defines the eleven step types with their ConfigMgr classes and display names', () => {
    expect(model.stepTypes.map((s) => [s.name, s.wmiClass, s.displayName])).to.deep.equal([
      ['CheckReadiness', 'SMS_TaskSequence_PrestartCheckAction', 'Check Readiness'],
      ['ConnectNetworkFolder', 'SMS_TaskSequence_ConnectNetworkFolderAction', 'Connect To Network Folder'],
      ['DownloadPackageContent', 'SMS_TaskSequence_DownloadPackageContentAction', 'Download Package Content'],
      ['InstallApplication', 'SMS_TaskSequence_InstallApplicationAction', 'Install Application'],
      ['InstallPackage', 'SMS_TaskSequence_InstallSoftwareAction', 'Install Package'],
      ['InstallSoftwareUpdates', 'SMS_TaskSequence_InstallUpdateAction', 'Install Software Updates'],
      ['RestartComputer', 'SMS_TaskSequence_RebootAction', 'Restart Computer'],
      ['RunCommandLine', 'SMS_TaskSequence_RunCommandLineAction', 'Run Command Line'],
      ['RunPowerShellScript', 'SMS_TaskSequence_RunPowerShellScriptAction', 'Run PowerShell Script'],
      ['SetDynamicVariables', 'SMS_TaskSequence_SetDynamicVariablesAction', 'Set Dynamic Variables'],
      ['SetTaskSequenceVariable', 'SMS_TaskSequence_SetVariableAction', 'Set Task Sequence Variable'],
    ]);
  });

  it('gives every step and group the common options, and timeoutMinutes and retryCount to steps only', () => {
    expect(model.groupOptions.map((o) => o.name)).to.deep.equal(['name', 'description', 'disabled', 'continueOnError', 'condition']);
    expect(model.commonOptions.map((o) => o.name)).to.deep.equal(['name', 'description', 'disabled', 'continueOnError', 'condition', 'timeoutMinutes', 'retryCount']);
    const options = Object.fromEntries(model.commonOptions.map((o) => [o.name, o]));
    expect(options.name).to.deep.include({ required: true, minLength: 1, maxLength: 100 });
    expect(options.description).to.deep.include({ required: false, maxLength: 255 });
    expect(options.timeoutMinutes).to.deep.include({ type: 'number', minimum: 0.01, maximum: 999 });
    expect(options.timeoutMinutes!.default).to.equal(undefined);
  });

  it('has successCodes (default 0, 3010) only on the two run steps, and retryCount (0-5) as an option of every step, default 2 on Install Application and Install Software Updates', () => {
    const having = (name: string) => model.stepTypes.filter((s) => s.parameters.some((p) => p.name === name)).map((s) => s.name);
    expect(having('successCodes')).to.deep.equal(['RunCommandLine', 'RunPowerShellScript']);
    // ConfigMgr's default retry count for those two steps: the step files give the common option their default.
    expect(having('retryCount')).to.deep.equal(['InstallApplication', 'InstallSoftwareUpdates']);
    for (const type of ['InstallApplication', 'InstallSoftwareUpdates']) {
      expect(parameter(type, 'retryCount')).to.deep.include({ type: 'integer', minimum: 0, maximum: 5, default: 2, overridesOption: true });
    }
    expect(parameter('RunCommandLine', 'successCodes')).to.deep.include({ type: 'integer[]', default: [0, 3010], variable: 'SuccessCodes' });
    const retryCount = model.commonOptions.find((option) => option.name === 'retryCount');
    expect(retryCount).to.deep.include({ type: 'integer', minimum: 0, maximum: 5 });
    expect(retryCount!.default).to.equal(undefined);
    expect(model.groupOptions.map((option) => option.name)).not.to.include('retryCount');
  });

  it('marks the Secret-qualified properties secret and only sourceScript verbatim', () => {
    const flagged = (flag: 'secret' | 'verbatim') => model.stepTypes.flatMap((s) => s.parameters.filter((p) => p[flag]).map((p) => `${s.name}.${p.name}`));
    expect(flagged('secret')).to.deep.equal(['ConnectNetworkFolder.password', 'RunCommandLine.userPassword', 'RunPowerShellScript.userPassword']);
    expect(flagged('verbatim')).to.deep.equal(['RunPowerShellScript.sourceScript']);
  });

  it('carries the spec defaults and variables of Check Readiness, Download Package Content and Run Command Line', () => {
    expect(parameter('CheckReadiness', 'memory')).to.deep.include({ type: 'integer', default: 512, variable: 'OSDMemory' });
    expect(parameter('CheckReadiness', 'freeDiskSpace').default).to.equal(25000);
    expect(parameter('CheckReadiness', 'checkOsType')).to.deep.include({ default: true, variable: 'OSDCheckOSType' });
    expect(parameter('CheckReadiness', 'osType')).to.deep.include({ enum: ['CLIENT', 'SERVER'], default: 'CLIENT' });
    expect(parameter('DownloadPackageContent', 'downloadPackages')).to.deep.include({ type: 'string[]', required: true });
    expect(parameter('DownloadPackageContent', 'destinationLocationType')).to.deep.include({ enum: ['TSCache', 'CCMCache', 'Custom'], default: 'TSCache' });
    expect(parameter('DownloadPackageContent', 'continueDownloadOnError').default).to.equal(true);
    expect(parameter('RunCommandLine', 'commandLine')).to.deep.include({ required: true, minLength: 1, maxLength: 32000, verbatim: false });
    expect(parameter('RunCommandLine', 'outputVariableName').variable).to.equal('SMSTSRunCommandLineOutputVariableName');
    expect(parameter('SetTaskSequenceVariable', 'variableValue')).to.deep.include({ required: true, minLength: 0, maxLength: 4000 });
    expect(parameter('RunPowerShellScript', 'parameters').type).to.equal('parameters');
    expect(parameter('SetDynamicVariables', 'rules')).to.deep.include({ type: 'rules', required: true });
  });
});
