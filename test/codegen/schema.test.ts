// The committed schema, as ajv 8 (with the discriminator) and editors use it: it accepts the
// DESIGN.md example and rejects bad documents at precise instance paths.
import { expect } from 'chai';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repoRoot.js';

/** The example document of DESIGN.md section 4, with its "$schema". */
const designExample = {
  $schema: '../generated/tsseq.schema.json',
  name: 'Baseline apps',
  variables: { AppRoot: '/opt/apps' },
  steps: [
    { type: 'SetTaskSequenceVariable', name: 'Log dir', variableName: 'LogDir', variableValue: '%AppRoot%/logs' },
    {
      type: 'Group',
      name: 'Tools',
      continueOnError: true,
      condition: { variable: 'Platform', operator: 'equals', value: 'linux' },
      steps: [{ type: 'RunCommandLine', name: 'Hello', commandLine: 'echo hello', outputVariableName: 'Greeting' }],
    },
  ],
};

const clone = <T>(value: T): T => structuredClone(value);

describe('codegen: generated/tsseq.schema.json', function () {
  let validate: ValidateFunction;
  before(() => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'generated', 'tsseq.schema.json'), 'utf8')) as object;
    validate = new Ajv({ discriminator: true, allErrors: true, strict: false }).compile(schema);
  });

  function errorsOf(document: unknown): ErrorObject[] {
    expect(validate(document), 'the document should be rejected').to.equal(false);
    return validate.errors ?? [];
  }

  it('accepts the DESIGN.md example document', () => {
    expect(validate(designExample), JSON.stringify(validate.errors)).to.equal(true);
  });

  it('accepts every condition form and the Set Dynamic Variables rule forms of DESIGN.md', () => {
    const document = {
      name: 'All forms',
      catalog: 'catalog.json',
      steps: [
        {
          type: 'RunCommandLine',
          name: 'Conditions',
          commandLine: 'true',
          timeoutMinutes: 0.05,
          successCodes: [0, 1],
          condition: [
            { any: [{ variable: 'A', operator: 'exists' }, { none: [{ variable: 'B', operator: 'like', value: 'x*' }] }] },
            { file: { path: '/etc/hosts', version: '1.2', versionOperator: 'greaterEqual', dateTime: '2026-01-01T00:00:00Z', dateTimeOperator: 'less' } },
            { folder: { path: '/tmp', dateTime: '2026-01-01T00:00:00Z', dateTimeOperator: 'greater' } },
            { registry: { keyPath: 'HKLM\\SOFTWARE\\X', value: 'V', type: 'REG_SZ', operator: 'equals', data: 'd' } },
            { wmi: { namespace: 'root\\cimv2', query: 'SELECT * FROM Win32_BIOS' } },
            { software: { operator: 'anyVersion', productName: 'Tools', upgradeCode: '{00000000-0000-0000-0000-000000000000}' } },
            { os: { platform: ['windows', 'linux'], minVersion: '10.0' } },
            { all: [{ variable: 'C', operator: 'notEquals', value: '1', $comment: 'comments are allowed' }] },
          ],
        },
        {
          type: 'SetDynamicVariables',
          name: 'Site rules',
          rules: [
            { computer: { macAddress: ['00-11-22-33-44-55'], serialNumber: 'S1', uuid: 'U', assetTag: 'T' }, variables: [{ name: 'Site', value: 'A', isSecret: false }] },
            { location: { defaultGateway: '10.0.0.1' }, variables: [{ name: 'Site', value: 'B' }] },
            { makeModel: { make: 'Dell*', model: 'OptiPlex 7?0' }, variables: [{ name: 'Kind', value: 'desk' }] },
            { condition: { variable: 'Role', operator: 'equals', value: 'kiosk' }, variables: [{ name: 'Kiosk', value: '1' }] },
            { variables: [{ name: 'Always', value: 'yes' }] },
          ],
        },
        { type: 'RunPowerShellScript', name: 'Script', sourceScript: "'hi'", parameters: { Mode: 'Full', Count: 3, Force: true, List: ['a', 'b'] }, executionPolicy: 'Bypass' },
        { type: 'RunPowerShellScript', name: 'Script 2', packageId: 'TSQ00001', scriptName: 's.ps1', parameters: "-Name 'x'" },
        { type: 'Node', name: 'Notify', handler: 'notify', parameters: { channel: 'ops' } },
        { type: 'DownloadPackageContent', name: 'Get', downloadPackages: ['TSQ00001'], destinationVariable: 'Content' },
      ],
    };
    expect(validate(document), JSON.stringify(validate.errors, null, 1)).to.equal(true);
  });

  it('rejects a property of the wrong type at its path', () => {
    const document = clone(designExample);
    (document.steps[0] as Record<string, unknown>).variableValue = 5;
    const errors = errorsOf(document);
    expect(errors.map((error) => [error.instancePath, error.keyword])).to.deep.equal([['/steps/0/variableValue', 'type']]);
  });

  it('rejects a wrong commandLine inside a group at its nested path', () => {
    const document = clone(designExample);
    (document.steps[1]!.steps![0] as Record<string, unknown>).commandLine = '';
    const errors = errorsOf(document);
    expect(errors.map((error) => [error.instancePath, error.keyword])).to.deep.equal([['/steps/1/steps/0/commandLine', 'minLength']]);
  });

  it('rejects an unknown property, naming it', () => {
    const document = clone(designExample);
    (document.steps[0] as Record<string, unknown>).variableVaule = 'typo';
    const errors = errorsOf(document);
    expect(errors.map((error) => [error.instancePath, error.keyword, error.params])).to.deep.equal([['/steps/0', 'additionalProperties', { additionalProperty: 'variableVaule' }]]);
  });

  it('rejects a value outside an enum and a number outside its range', () => {
    const document = { name: 'x', steps: [{ type: 'RunPowerShellScript', name: 's', sourceScript: '1', executionPolicy: 'Sometimes', timeoutMinutes: 0 }] };
    const errors = errorsOf(document);
    expect(errors.map((error) => [error.instancePath, error.keyword]).sort()).to.deep.equal([
      ['/steps/0/executionPolicy', 'enum'],
      ['/steps/0/timeoutMinutes', 'minimum'],
    ]);
  });

  it('rejects an unknown step type at the discriminator, and a missing name', () => {
    const unknownType = errorsOf({ name: 'x', steps: [{ type: 'Reboot', name: 'r' }] });
    expect(unknownType.map((error) => [error.instancePath, error.keyword, error.params])).to.deep.equal([['/steps/0', 'discriminator', { error: 'mapping', tag: 'type', tagValue: 'Reboot' }]]);
    const missingName = errorsOf({ name: 'x', steps: [{ type: 'RunCommandLine', commandLine: 'true' }] });
    expect(missingName.map((error) => [error.instancePath, error.keyword, error.params])).to.deep.equal([['/steps/0', 'required', { missingProperty: 'name' }]]);
  });

  it('rejects timeoutMinutes on a group, a bad condition operator, and a non-string variable', () => {
    const group = clone(designExample);
    (group.steps[1] as Record<string, unknown>).timeoutMinutes = 5;
    expect(errorsOf(group).map((error) => [error.instancePath, error.keyword])).to.deep.equal([['/steps/1', 'additionalProperties']]);
    const condition = clone(designExample);
    condition.steps[1]!.condition!.operator = 'equal';
    expect(errorsOf(condition).some((error) => error.instancePath === '/steps/1/condition/operator' && error.keyword === 'enum')).to.equal(true);
    expect(errorsOf({ ...clone(designExample), variables: { A: 1 } }).map((error) => [error.instancePath, error.keyword])).to.deep.equal([['/variables/A', 'type']]);
  });

  it('requires name and steps at the root', () => {
    const errors = errorsOf({ steps: [] });
    expect(errors.map((error) => [error.instancePath, error.keyword, error.params])).to.deep.equal([['', 'required', { missingProperty: 'name' }]]);
  });
});
