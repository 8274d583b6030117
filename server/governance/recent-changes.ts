// Which tokens the console itself began changing lately. InfluxDB takes a change before the console records it (the
// answer comes first), so a check for outside changes that lists tokens in between would see the console's own
// change as made elsewhere. The check leaves such tokens (and, while the console creates tokens, new ones) for its
// next round, by which time the console's own entry is there.
export class RecentChanges {
  /** Token ID → when the console last began changing it; oldest first. */
  private readonly touched = new Map<string, number>();
  private lastCreate = -Infinity;

  /** `windowMs`: the longest a change through the console may take (its request timeout). */
  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The console is about to change or delete this token. */
  token(tokenID: string): void {
    const at = this.now();
    this.touched.delete(tokenID);
    this.touched.set(tokenID, at);
    for (const [id, when] of this.touched) {
      if (when >= at - 2 * this.windowMs) break;
      this.touched.delete(id);
    }
  }

  /** The console is about to create a token (its ID is not known until InfluxDB answers). */
  create(): void {
    this.lastCreate = this.now();
  }

  /** Whether a change the console began to this token may not be recorded yet, for a check that began at `since`. */
  tokenSince(tokenID: string, since: number): boolean {
    const at = this.touched.get(tokenID);
    return at !== undefined && at >= since - this.windowMs;
  }

  /** Likewise for a token the console created. */
  createSince(since: number): boolean {
    return this.lastCreate >= since - this.windowMs;
  }
}
