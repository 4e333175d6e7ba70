// What the engine process itself prints (a script writing to [Console]::OpenStandardOutput()
// bypasses the engine's own masking) passes through this before any listener sees it: the secret
// values Node knows are replaced, and the end of a chunk that could be the start of a secret is
// held until the next chunk shows whether it is (or briefly, if no more output comes), so a
// secret written in two pieces is masked whole.
import type { SecretMask } from './secretMask.js';

const HOLD_MS = 50;

export class OutputMasker {
  private held = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly secrets: SecretMask,
    private readonly emit: (text: string) => void,
  ) {}

  push(text: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const whole = this.secrets.mask(this.held + text);
    const hold = this.secrets.heldSuffixLength(whole);
    this.held = whole.slice(whole.length - hold);
    const ready = whole.slice(0, whole.length - hold);
    if (ready) this.emit(ready);
    if (this.held) {
      this.timer = setTimeout(() => this.flush(), HOLD_MS);
      this.timer.unref();
    }
  }

  /** Emits what is held (the output ended, or paused: what is held is not a whole secret). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const held = this.held;
    this.held = '';
    if (held) this.emit(held);
  }
}
