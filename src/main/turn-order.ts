/**
 * Turns taken in a fixed order by work that finishes in any order: the importer's workers finish files as
 * they please, but a department's versions must follow the folder walk, so that two imports of the same
 * folder store the same "latest version". Turn `n` comes once every turn before it is released (written,
 * or the file skipped or failed); releasing is idempotent.
 */
export class TurnOrder {
  /** The lowest turn not yet released: every turn before it is. */
  private next = 0;
  private readonly released = new Set<number>();
  private readonly waiting = new Map<number, () => void>();

  /** Resolves when every turn before `turn` is released. */
  turn(turn: number): Promise<void> {
    if (turn <= this.next) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiting.set(turn, resolve));
  }

  release(turn: number): void {
    if (turn < this.next || this.released.has(turn)) return;
    this.released.add(turn);
    while (this.released.delete(this.next)) {
      this.next++;
      // The turn right after the released ones may go now.
      const resolve = this.waiting.get(this.next);
      if (resolve) {
        this.waiting.delete(this.next);
        resolve();
      }
    }
  }
}
