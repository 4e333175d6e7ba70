// generated/csharp/StepCatalog.g.cs: the model as C# data for the engine core
// (ps-module/csharp/TsSequence.Core, which compiles this file in). The partial class
// TsSequence.Model.StepCatalog gets StepTypes (sorted by name), CommonOptions, GroupOptions,
// Group, Node and DocumentProperties; Model/StepCatalog.cs adds the lookups.
import { headerComment } from './header.js';
import { LineWriter } from './lineWriter.js';
import type { CodegenModel, JsonValue, ParameterModel, TypeModel } from './model.js';

export function emitCSharpCatalog(model: CodegenModel): string {
  const w = new LineWriter();
  w.text(headerComment('// '));
  w.line('//');
  w.line('// The step model as data for the engine core: every step type with its own parameters, the');
  w.line('// options every step has (a group has GroupOptions), and the Group and Node entries.');
  w.line('#nullable enable');
  w.line();
  w.line('namespace TsSequence.Model');
  w.block('{', () => {
    w.line('/// <summary>The step model (generated part): see Model/StepCatalog.cs for the lookups.</summary>');
    w.line('public static partial class StepCatalog');
  w.block('{', () => {
      w.line('/// <summary>The step types of the model, sorted by name.</summary>');
      w.line('public static StepTypeSpec[] StepTypes { get; } = new StepTypeSpec[]');
  w.block('{', () => {
        for (const step of model.stepTypes) typeSpec(w, step, ',');
      }, '};');
      w.line();
      parameterArray(w, 'CommonOptions', 'The options every step has.', model.commonOptions);
      w.line();
      parameterArray(w, 'GroupOptions', 'The options a group has (the common ones a group can honour).', model.groupOptions);
      w.line();
      w.line('/// <summary>The Group entry: its own parameter is steps.</summary>');
      w.line('public static StepTypeSpec Group { get; } =');
      typeSpec(w, model.group, ';');
      w.line();
      w.line('/// <summary>The Node step entry: handler and parameters.</summary>');
      w.line('public static StepTypeSpec Node { get; } =');
      typeSpec(w, model.node, ';');
      w.line();
      parameterArray(w, 'DocumentProperties', "The sequence document's root properties.", model.document.properties);
    }, '}');
  }, '}');
  return w.toString();
}

function typeSpec(w: LineWriter, type: TypeModel, end: string): void {
  w.line(`new StepTypeSpec(${csString(type.name)}, ${csString(type.displayName)}, ${csString(type.wmiClass ?? '')},`);
  w.indented(() => {
    w.line(`${csString(type.synopsis)},`);
    w.line(`${csString(type.description)},`);
    w.line('new ParameterSpec[]');
    w.block('{', () => {
      for (const parameter of type.parameters) w.line(`${parameterSpec(parameter)},`);
    }, `})${end}`);
  });
}

function parameterArray(w: LineWriter, name: string, summary: string, parameters: ParameterModel[]): void {
  w.line(`/// <summary>${summary}</summary>`);
  w.line(`public static ParameterSpec[] ${name} { get; } = new ParameterSpec[]`);
  w.block('{', () => {
    for (const parameter of parameters) w.line(`${parameterSpec(parameter)},`);
  }, '};');
}

function parameterSpec(p: ParameterModel): string {
  const args = [
    csString(p.name),
    csString(p.psName),
    csString(p.type),
    csBool(p.required),
    csValue(p.default),
    p.enum === undefined ? 'null' : `new[] { ${p.enum.map(csString).join(', ')} }`,
    csDoubleOrNull(p.minimum),
    csDoubleOrNull(p.maximum),
    csIntOrNull(p.minLength),
    csIntOrNull(p.maxLength),
    p.pattern === undefined ? 'null' : csString(p.pattern),
    csBool(p.secret),
    csBool(p.verbatim),
    csBool(p.code),
    p.variable === undefined ? 'null' : csString(p.variable),
    csString(p.description),
  ];
  return `new ParameterSpec(${args.join(', ')})`;
}

/** A C# regular string literal; anything outside printable ASCII is a \\u escape. */
export function csString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else for (const unit of Buffer.from(char, 'utf16le').toString('hex').match(/..../g) ?? []) out += `\\u${unit.slice(2, 4)}${unit.slice(0, 2)}`;
  }
  return `${out}"`;
}

function csBool(value: boolean): string {
  return value ? 'true' : 'false';
}

/** A default as the engine's JSON reader would give it: whole numbers int, others double, arrays object[]. */
function csValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return csString(value);
  if (typeof value === 'boolean') return csBool(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot emit ${value} as a C# number`);
    return Number.isInteger(value) && Math.abs(value) <= 2147483647 ? String(value) : `${value}d`;
  }
  if (Array.isArray(value)) return `new object?[] { ${value.map((item) => csValue(item)).join(', ')} }`;
  throw new Error(`Cannot emit an object default as C#: ${JSON.stringify(value)}`);
}

function csDoubleOrNull(value: number | undefined): string {
  if (value === undefined) return 'null';
  if (!Number.isFinite(value)) throw new Error(`Cannot emit ${value} as a C# number`);
  return `${value}d`;
}

function csIntOrNull(value: number | undefined): string {
  return value === undefined ? 'null' : String(value);
}
