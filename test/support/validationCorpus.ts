// Many documents, good and bad, for the differential test of the two validators: every
// condition kind with good and bad fields, wrong types, unknown and misspelt properties, case
// variants, rules, script parameters, deep nesting and what only a run refuses.

type Json = unknown;

const step = (extra: Record<string, Json> = {}) => ({ type: 'SetTaskSequenceVariable', name: 's', variableName: 'A', variableValue: '1', ...extra });
const doc = (steps: Json[], extra: Record<string, Json> = {}) => ({ name: 'corpus', steps, ...extra });
const withCondition = (condition: Json) => doc([step({ condition })]);

const goodConditions: Record<string, Json> = {
  variable: { variable: 'A', operator: 'equals', value: 'x' },
  exists: { variable: 'A', operator: 'exists' },
  all: { all: [{ variable: 'A', operator: 'exists' }] },
  any: { any: [] },
  none: { none: [{ os: {} }] },
  file: { file: { path: '/x', version: '1.2', versionOperator: 'greaterEqual', dateTime: '2026-01-01T00:00:00Z', dateTimeOperator: 'less' } },
  folder: { folder: { path: '/x', dateTime: '2026-01-01T00:00', dateTimeOperator: 'equals' } },
  registry: { registry: { keyPath: 'HKLM\\SOFTWARE\\X', value: 'V', type: 'REG_SZ', operator: 'equals', data: 'd' } },
  wmi: { wmi: { namespace: 'root\\cimv2', query: 'SELECT * FROM Win32_BIOS' } },
  software: { software: { operator: 'anyVersion', productName: 'bash', upgradeCode: '{00000000-0000-0000-0000-000000000000}' } },
  os: { os: { platform: ['windows', 'linux'], minVersion: '10.0' } },
};

// For each kind: the inner object's fields and values to try (good and bad).
const fieldValues: Record<string, Record<string, Json[]>> = {
  file: { path: ['', 5, null, '/p'], version: [1, '1.2'], versionOperator: ['equals', 'like', 'Equals', 5], dateTime: ['2026-01-01', '2026-01-01T00:00:00+01:00', '2026-01-01t00:00z', '2026-01-01T00:00:00Z\n', '٢٠٢٦-01-01T00:00'], dateTimeOperator: ['greater', 'exists'] },
  folder: { path: ['', [], '/p'], dateTime: ['x', '2026-01-01T00:00:00.123Z'], dateTimeOperator: ['lessEqual', 'bogus'], version: ['1.0'] },
  registry: { keyPath: ['', 'HKCU\\X', 7], value: ['', 'v'.repeat(250), 'v'.repeat(251), 3], type: ['REG_DWORD', 'REG_SZZ', 'reg_sz'], operator: ['exists', 'notExists', 'like', 'nonExists', undefined], data: [1, 'x'] },
  wmi: { namespace: ['', 'root'], query: ['', 'q'.repeat(16384), 'q'.repeat(16385), undefined, 9] },
  software: { operator: ['anyVersion', 'thisVersion', 'AnyVersion', undefined], productCode: ['{x}', 1], productName: ['bash', false], version: ['1', 1.5] },
  os: { platform: [['win10'], ['windows'], 'windows', [], ['Windows'], [1]], minVersion: ['10', 10] },
};

export interface CorpusDocument {
  title: string;
  document?: Json;
  /** The file's text, when JSON.stringify cannot write it (1e999, a lone surrogate escape). */
  text?: string;
}

export function validationCorpus(): CorpusDocument[] {
  const corpus: CorpusDocument[] = [];
  const add = (title: string, document: Json) => corpus.push({ title, document });

  for (const [title, condition] of Object.entries(goodConditions)) {
    add(`good ${title}`, withCondition(condition));
    add(`${title} in a list`, withCondition([condition, condition]));
    add(`${title} nested in all/any/none`, withCondition({ all: [{ any: [{ none: [condition] }] }] }));
    add(`${title} with a $comment`, withCondition({ ...(condition as object), $comment: 'c' }));
    add(`${title} with a non-string $comment`, withCondition({ ...(condition as object), $comment: 1 }));
    add(`${title} with an unknown property`, withCondition({ ...(condition as object), extra: 1 }));
    add(`${title} in a list in a list`, withCondition([[condition]]));
    add(`${title} as a rule's condition`, doc([{ type: 'SetDynamicVariables', name: 'r', rules: [{ condition, variables: [] }] }]));
  }
  for (const [kind, fields] of Object.entries(fieldValues)) {
    const base = (goodConditions[kind] as Record<string, Record<string, Json>>)[kind]!;
    for (const [field, values] of Object.entries(fields)) {
      for (const value of values) {
        const inner: Record<string, Json> = { ...base };
        if (value === undefined) delete inner[field];
        else inner[field] = value;
        add(`${kind}.${field} = ${JSON.stringify(value)?.slice(0, 40)}`, withCondition({ [kind]: inner }));
      }
    }
    add(`${kind} with an unknown inner property`, withCondition({ [kind]: { ...base, Path: '/x' } }));
    add(`${kind} that is not an object`, withCondition({ [kind]: 'x' }));
    add(`${kind} with an empty object`, withCondition({ [kind]: {} }));
    add(`${kind} capitalised`, withCondition({ [kind[0]!.toUpperCase() + kind.slice(1)]: base }));
  }
  // Variable conditions: every operator with and without a value, wrong types.
  for (const operator of ['exists', 'notExists', 'equals', 'notEquals', 'less', 'lessEqual', 'greater', 'greaterEqual', 'like', 'notLike', 'EQUALS', 'equalz', 5]) {
    add(`variable ${String(operator)} with a value`, withCondition({ variable: 'A', operator, value: 'x' }));
    add(`variable ${String(operator)} without a value`, withCondition({ variable: 'A', operator }));
    add(`variable ${String(operator)} with a number value`, withCondition({ variable: 'A', operator, value: 1 }));
  }
  for (const variable of ['', 'v'.repeat(256), 'v'.repeat(257), 5, '😀'.repeat(256)]) add(`variable name ${JSON.stringify(variable).slice(0, 20)}`, withCondition({ variable, operator: 'exists' }));
  add('two kinds in one condition', withCondition({ variable: 'A', operator: 'exists', all: [] }));
  add('no kind', withCondition({ foo: 1 }));
  add('a misspelt kind', withCondition({ fiel: { path: '/x' } }));
  add('group kind not a list', withCondition({ all: {} }));
  add('condition a string', withCondition('always'));
  add('condition null', withCondition(null));

  // Steps: types, properties, case.
  add('a good document', doc([step(), { type: 'Group', name: 'g', steps: [step()] }]));
  add('lower-case type', doc([{ type: 'runcommandline', name: 'a', commandLine: 'x' }]));
  add('misspelt type', doc([{ type: 'RunComandLine', name: 'a', commandLine: 'x' }]));
  add('ContinueOnError', doc([step({ ContinueOnError: true })]));
  add('Name instead of name', doc([{ type: 'SetTaskSequenceVariable', Name: 's', variableName: 'A', variableValue: '1' }]));
  add('an unknown step property', doc([step({ bogus: 1 })]));
  add('a step $comment', doc([step({ $comment: 'c' })]));
  add('a non-string step $comment', doc([step({ $comment: 5 })]));
  add('name of 100 emoji', doc([step({ name: '😀'.repeat(100) })]));
  add('name of 101 characters', doc([step({ name: 'n'.repeat(101) })]));
  add('timeoutMinutes as text', doc([{ type: 'RunCommandLine', name: 'a', commandLine: 'x', timeoutMinutes: '5' }]));
  add('successCodes with a fraction', doc([{ type: 'RunCommandLine', name: 'a', commandLine: 'x', successCodes: [0, 1.5] }]));
  add('driveLetter lower case', doc([{ type: 'ConnectNetworkFolder', name: 'a', path: '\\\\s\\x', driveLetter: 'e:', username: 'u', password: 'p' }]));
  add('maxOsVersion with a trailing newline', doc([{ type: 'CheckReadiness', name: 'c', maxOsVersion: '10.0\n' }]));
  add('executionPolicy lower case', doc([{ type: 'RunPowerShellScript', name: 'p', sourceScript: 'x', executionPolicy: 'bypass' }]));
  for (const parameters of ['-A 1', { A: '1', B: 2, C: true, D: ['x'] }, { A: null }, { A: { nested: 1 } }, { A: [1] }, [1], 5]) {
    add(`script parameters ${JSON.stringify(parameters)}`, doc([{ type: 'RunPowerShellScript', name: 'p', sourceScript: 'x', parameters }]));
  }
  for (const parameters of [{ a: 1 }, [1, { a: null }], 'x', null]) add(`node parameters ${JSON.stringify(parameters)}`, doc([{ type: 'Node', name: 'n', handler: 'h', parameters }]));
  // Set Dynamic Variables rules.
  const variables = [{ name: 'V', value: 'x', isSecret: true }];
  for (const rule of [
    { variables },
    { computer: { macAddress: ['00-11'], serialNumber: 's' }, variables },
    { computer: { macAddress: 5 }, variables },
    { computer: { mac: 'x' }, variables },
    { location: { defaultGateway: '10.0.0.1' }, variables },
    { location: {}, variables },
    { makeModel: { make: 'Dell*', model: '' }, variables },
    { makeModel: { make: 'Dell*', model: 'x' } },
    { computer: {}, location: { defaultGateway: 'x' }, variables },
    { variables: [{ name: 'V' }] },
    { variables: [{ name: 'V', value: 'x', isSecret: 'yes' }] },
    { variables: [{ name: 'V', value: 'v'.repeat(4001) }] },
    { variables: 'x' },
    5,
    { condition: 'x', variables },
  ]) {
    add(`rule ${JSON.stringify(rule).slice(0, 60)}`, doc([{ type: 'SetDynamicVariables', name: 'r', rules: [rule] }]));
  }
  // The root.
  add('root NAME', { NAME: 'x', steps: [] });
  add('root Steps', { name: 'x', Steps: [] });
  add('root $comment', { $comment: 'c', name: 'x', steps: [] });
  add('root unknown', { name: 'x', steps: [], bogus: 1 });
  add('root misspelt', { name: 'x', steps: [], variabels: {} });
  for (const name of ['_X', 'A B', '1A', 'A', ' A ', 'v'.repeat(257), 'Ä']) add(`variable named ${JSON.stringify(name).slice(0, 20)}`, doc([], { variables: { [name]: '1' } }));
  add('variable value a number', doc([], { variables: { A: 1 } }));
  // Deep nesting: a condition at the engine's limit and past it.
  for (const depth of [100, 509, 510, 511, 520]) {
    let condition: Json = { variable: 'A', operator: 'exists' };
    for (let i = 0; i < depth; i++) condition = { all: [condition] };
    add(`conditions nested ${depth} deep`, withCondition(condition));
  }
  let group: Json = step();
  for (let i = 0; i < 400; i++) group = { type: 'Group', name: 'g', steps: [group] };
  add('groups nested 400 deep', doc([group]));
  // What JSON.stringify cannot write.
  corpus.push({ title: '1e999', text: '{"name":"x","steps":[{"type":"RunCommandLine","name":"a","commandLine":"x","retryCount":1e999}]}' });
  corpus.push({ title: '-1e999 in Node parameters', text: '{"name":"x","steps":[{"type":"Node","name":"a","handler":"h","parameters":{"n":-1e999}}]}' });
  corpus.push({ title: 'a whole 3.0', text: '{"name":"x","steps":[{"type":"RunCommandLine","name":"a","commandLine":"x","retryCount":3.0}]}' });
  return corpus;
}
