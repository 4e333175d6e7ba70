// Secret values this Node process knows of a session, to mask what the engine process prints
// (raw console writes bypass the engine's own masking) and what Node quotes of its stderr when
// it dies: the values of the
// variables a request named in `secrets`, and of those a result shows masked ("********") whose
// value the request carried.
const MASK = '********';
const MAX_VALUES = 10_000;

export class SecretMask {
  private readonly values = new Set<string>();
  /** The values as one alternation, longest first; rebuilt when a value is added. */
  private pattern: RegExp | undefined;

  /** Learns from one request's params and, once answered, its result. */
  note(params: Record<string, unknown>, result?: unknown): void {
    const variables = params.variables as Record<string, unknown> | undefined;
    if (!variables || typeof variables !== 'object') return;
    const names = Array.isArray(params.secrets) ? (params.secrets as unknown[]) : [];
    for (const name of names) if (typeof name === 'string') this.add(valueOf(variables, name));
    const shown = (result as { variables?: Record<string, unknown> } | null | undefined)?.variables;
    if (shown && typeof shown === 'object') {
      // No Object.entries: an array per variable costs more than the check (10,000 variables).
      for (const name in shown) if (shown[name] === MASK && Object.prototype.hasOwnProperty.call(shown, name)) this.add(valueOf(variables, name));
    }
  }

  /**
   * `text` with every known secret value replaced by ********, in one pass over the original text
   * (so a mask is never masked again), the longest value first where several start at one place.
   */
  mask(text: string): string {
    if (this.values.size === 0) return text;
    this.pattern ??= new RegExp([...this.values].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
    return text.replace(this.pattern, MASK);
  }

  /** How many characters at the end of `text` could begin a secret value (to hold them back). */
  heldSuffixLength(text: string): number {
    let longest = 0;
    for (const value of this.values) {
      for (let length = Math.min(value.length - 1, text.length); length > longest; length--) {
        if (text.endsWith(value.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }

  private add(value: unknown): void {
    if (typeof value === 'string' && value.length > 0 && this.values.size < MAX_VALUES && !this.values.has(value)) {
      this.values.add(value);
      this.pattern = undefined;
    }
  }
}

/** Variable names are case-insensitive. */
function valueOf(variables: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(variables, name)) return variables[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(variables)) if (key.toLowerCase() === lower) return variables[key];
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
