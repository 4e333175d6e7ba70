// Comment-based help for the generated functions: .SYNOPSIS, .DESCRIPTION, one .PARAMETER per
// parameter, .EXAMPLE, .INPUTS, .OUTPUTS, .NOTES, .LINK, placed first inside the function body
// so Get-Help -Full shows it.
import type { LineWriter } from './lineWriter.js';
import type { ParameterModel } from './model.js';
import { psValue } from './psLiteral.js';

export interface HelpContent {
  synopsis: string;
  description: string;
  parameters: { psName: string; text: string }[];
  examples: string[];
  inputs: string;
  outputs: string;
  notes: string;
  links: string[];
}

export function writeHelp(w: LineWriter, help: HelpContent): void {
  w.line('<#');
  section(w, '.SYNOPSIS', help.synopsis);
  section(w, '.DESCRIPTION', help.description);
  for (const parameter of help.parameters) section(w, `.PARAMETER ${parameter.psName}`, parameter.text);
  for (const example of help.examples) section(w, '.EXAMPLE', example);
  section(w, '.INPUTS', help.inputs);
  section(w, '.OUTPUTS', help.outputs);
  section(w, '.NOTES', help.notes);
  for (const link of help.links) section(w, '.LINK', link);
  w.line('#>');
}

function section(w: LineWriter, keyword: string, text: string): void {
  w.line(keyword);
  w.text(text);
  w.line();
}

/** A parameter's help: its description, then what the model says about its value. */
export function parameterHelp(p: ParameterModel): string {
  const facts: string[] = [];
  if (p.required) facts.push('Required.');
  if (p.default !== undefined && !(p.type === 'boolean' && p.default === false)) facts.push(`Default: ${psValue(p.default)}.`);
  const each = p.type === 'string[]' || p.type === 'integer[]' ? ' (each item)' : '';
  if (p.enum !== undefined) facts.push(`Allowed values${each}: ${p.enum.join(', ')}.`);
  if (p.minimum !== undefined && p.maximum !== undefined) facts.push(`Range${each}: ${p.minimum} to ${p.maximum}.`);
  else if (p.minimum !== undefined) facts.push(`Minimum${each}: ${p.minimum}.`);
  else if (p.maximum !== undefined) facts.push(`Maximum${each}: ${p.maximum}.`);
  if (p.minLength !== undefined && p.maxLength !== undefined) facts.push(`Length${each}: ${p.minLength} to ${p.maxLength} characters.`);
  else if (p.minLength !== undefined && p.minLength > 0) facts.push(`Length${each}: at least ${p.minLength} character${p.minLength === 1 ? '' : 's'}.`);
  else if (p.maxLength !== undefined) facts.push(`Length${each}: at most ${p.maxLength} characters.`);
  if (p.secret) facts.push('Secret: masked in logs, results and saved state.');
  if (p.verbatim) facts.push('Verbatim: never %NAME%-expanded.');
  if (p.code && p.variable) facts.push(`Code: a ${p.variable} variable never replaces it.`);
  if (p.variable !== undefined) facts.push(`ConfigMgr variable: ${p.variable}.`);
  // Last, so no sentence period sticks to the expression.
  if (p.pattern !== undefined) facts.push(`Regular expression${each}: ${p.pattern}`);
  return facts.length === 0 ? p.description : `${p.description}\n\n${facts.join(' ')}`;
}
