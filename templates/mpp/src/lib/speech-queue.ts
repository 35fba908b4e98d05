/**
 * Speaks announcements strictly one after another. A new call never interrupts the one being
 * spoken (the NovoSGA panel's known flaw); it waits its turn. `speak` must call `done` when
 * the engine has finished (or failed) with a text.
 */
export class SpeechQueue {
  private readonly pending: string[] = [];
  private busy = false;

  constructor(private readonly speak: (text: string, done: () => void) => void) {}

  get size(): number {
    return this.pending.length + (this.busy ? 1 : 0);
  }

  enqueue(...texts: string[]): void {
    this.pending.push(...texts);
    if (!this.busy) this.next();
  }

  private next(): void {
    const text = this.pending.shift();
    if (text === undefined) {
      this.busy = false;
      return;
    }
    this.busy = true;
    let finished = false;
    this.speak(text, () => {
      if (finished) return;
      finished = true;
      this.next();
    });
  }
}
