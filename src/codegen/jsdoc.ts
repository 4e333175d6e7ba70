// Reading JSDoc: the description text, normalised, and the tags. The model's JSDoc carries what
// TypeScript cannot: descriptions (help and schema text), ranges, lengths, patterns, defaults,
// ConfigMgr names. Text keeps paragraph breaks as a blank line; lines inside a paragraph are
// joined with one space so the text reflows in Get-Help and editors.
import { Node } from 'ts-morph';

export interface DocTag {
  name: string;
  text: string;
}

export interface DocInfo {
  /** Description paragraphs joined by a blank line. */
  text: string;
  tags: DocTag[];
}

/** Tags the model may use; anything else is a typo and fails the generator. */
export const KNOWN_TAGS = [
  'code',
  'default',
  'displayName',
  'example',
  'maxLength',
  'maximum',
  'minLength',
  'minimum',
  'pattern',
  'secret',
  'variable',
  'verbatim',
  'wmiClass',
] as const;

export function readDoc(node: Node): DocInfo {
  if (!Node.isJSDocable(node)) return { text: '', tags: [] };
  const docs = node.getJsDocs();
  const doc = docs[docs.length - 1];
  return doc === undefined ? { text: '', tags: [] } : parseDocComment(doc.getText());
}

/**
 * Parses a JSDoc comment. A tag starts only at the beginning of a line: TypeScript's own parser
 * also starts one at any '@' after a space, which would cut PowerShell examples such as
 * `-Parameters @{ A = 1 }` short.
 */
export function parseDocComment(comment: string): DocInfo {
  const body = comment.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  const lines = body.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/^\s*\* ?/, '').replace(/^\s+$/, ''));
  const description: string[] = [];
  const tags: DocTag[] = [];
  for (const line of lines) {
    const tag = /^@([A-Za-z]+)(?:\s(.*))?$/.exec(line.trimStart());
    if (tag) tags.push({ name: tag[1]!, text: tag[2] ?? '' });
    else if (tags.length > 0) tags[tags.length - 1]!.text += `\n${line}`;
    else description.push(line);
  }
  return { text: normalizeText(description.join('\n')), tags: tags.map((tag) => ({ name: tag.name, text: tag.text.replace(/\s+$/, '') })) };
}

/** Trims lines, joins the lines of each paragraph with a space, separates paragraphs by a blank line. */
export function normalizeText(text: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

/** Keeps an example's lines as written, without common indentation and surrounding blank lines. */
export function normalizeExample(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const indents = lines.filter((line) => line !== '').map((line) => /^ */.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

/** The first sentence of the first paragraph: up to the first '.', '!' or '?' followed by a space or the end. */
export function firstSentence(text: string): string {
  const paragraph = text.split('\n\n')[0] ?? '';
  const match = /^(.*?[.!?])(?=\s|$)/.exec(paragraph);
  return (match ? match[1]! : paragraph).trim();
}
