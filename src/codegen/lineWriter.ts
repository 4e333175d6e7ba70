// A tiny line writer for PowerShell text. code-block-writer tracks JavaScript strings and
// comments and would misread PowerShell's backtick escapes and # comments; this one only
// indents. Lines are joined with LF and the text ends with one LF.
export class LineWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(private readonly unit = '    ') {}

  /** One line at the current indentation; an empty string writes an empty line. */
  line(text = ''): this {
    if (text.includes('\n')) throw new Error(`LineWriter.line() takes one line; use literalLine() for text with line breaks: ${JSON.stringify(text)}`);
    this.lines.push(text === '' ? '' : this.unit.repeat(this.depth) + text);
    return this;
  }

  /**
   * A line whose text may span several lines because it holds a string literal: only the first
   * line is indented, so the literal's value is exactly what was given.
   */
  literalLine(text: string): this {
    this.lines.push(this.unit.repeat(this.depth) + text);
    return this;
  }

  /** Several lines of plain text (such as help), each indented; empty lines stay empty. */
  text(text: string): this {
    for (const line of text.split('\n')) this.line(line);
    return this;
  }

  /** Writes `open`, the body one level deeper, then `close`. */
  block(open: string, body: () => void, close = '}'): this {
    this.line(open);
    this.indented(body);
    this.line(close);
    return this;
  }

  indented(body: () => void): this {
    this.depth += 1;
    try {
      body();
    } finally {
      this.depth -= 1;
    }
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
