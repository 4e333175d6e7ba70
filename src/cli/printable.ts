// The one gate between document- or engine-derived text and the terminal. A name, message or
// output line may carry escape sequences that retitle, clear or recolour the terminal, a lone CR
// or backspaces that overwrite what was printed, or bidi overrides that show text in another
// order: each such character is written as a visible escape (\x1b, \x9b, \u202e), so nothing a
// document or a script says can forge the CLI's own lines. --json output does not pass here: JSON
// escapes every control character itself.

// C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-character CSI), and the
// characters that reorder or break lines invisibly (bidi marks, embeddings, overrides, isolates,
// line and paragraph separators).
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text as the terminal may show it; newline and tab stay (line formats need them), CRLF becomes LF. */
export function printable(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNPRINTABLE, escape);
}

/** One line's worth: newlines are escaped too, so the text cannot start a line of its own. */
export function printableLine(text: string): string {
  return printable(text).replace(/\n/g, '\\n');
}

/**
 * printable() for text arriving in chunks (the engine's raw stdout/stderr): a CR ending one chunk
 * is held back until the next shows whether it starts a CRLF.
 */
export function printableStream(write: (text: string) => unknown): { write(chunk: string): void; end(): void } {
  let heldCr = false;
  return {
    write(chunk) {
      let text = heldCr ? `\r${chunk}` : chunk;
      heldCr = text.endsWith('\r');
      if (heldCr) text = text.slice(0, -1);
      if (text) write(printable(text));
    },
    end() {
      if (heldCr) write(printable('\r'));
      heldCr = false;
    },
  };
}
