/**
 * An inverted index from sketch hashes to the reports holding them, so peer.repeated-text need not compare
 * a report with every other department of a large batch (N² merges for N departments).
 *
 * Why it finds every similar peer: the similarity of two bottom-k sketches A and B is both / taken, where
 * taken ≥ |A| (the union holds all of A's hashes, up to k) and both ≤ |A ∩ B|. A peer at ≥ t (rounded to
 * 0.1 %, so ≥ t − 0.05 %) therefore shares more than (t − 0.05 %)·|A| of A's hashes and can miss at most
 * ⌊(1 − t + 0.05 %)·|A|⌋ of them: any ⌊(1 − t + 0.05 %)·|A|⌋ + 1 of A's hashes include one it holds. The
 * index probes that many of A's hashes — the rarest ones, whose posting lists are shortest.
 */
import type { NarrativeFingerprint } from './similarity.ts';

/**
 * The posting lists are spread over this many maps by the low bits of the hash. One map would hold a
 * key for every distinct hash of a year's reports (256 per report: hundreds of thousands at 1,500
 * departments), and V8 copies a whole map each time it outgrows its table, all at once on the thread
 * that serves the UI: 50 ms when the 1,024th report came in (scripted: 1,500 reports of random hashes).
 */
const SHARDS = 64;

export class SketchIndex<T> {
  private readonly shards: Map<number, Set<T>>[] = Array.from({ length: SHARDS }, () => new Map<number, Set<T>>());
  private readonly sketches = new Map<T, readonly number[]>();

  private postings(h: number): Map<number, Set<T>> {
    return this.shards[h & (SHARDS - 1)]!;
  }

  get size(): number {
    return this.sketches.size;
  }

  add(item: T, fingerprint: NarrativeFingerprint): void {
    this.remove(item);
    this.sketches.set(item, fingerprint.sketch);
    for (const h of fingerprint.sketch) {
      const shard = this.postings(h);
      let list = shard.get(h);
      if (!list) {
        list = new Set();
        shard.set(h, list);
      }
      list.add(item);
    }
  }

  remove(item: T): void {
    const sketch = this.sketches.get(item);
    if (!sketch) return;
    this.sketches.delete(item);
    for (const h of sketch) {
      const shard = this.postings(h);
      const list = shard.get(h);
      list?.delete(item);
      if (list?.size === 0) shard.delete(h);
    }
  }

  /** Every indexed item whose similarity to `fingerprint` can reach `threshold` percent (plus some that cannot). */
  candidates(fingerprint: NarrativeFingerprint, threshold: number): Set<T> {
    const sketch = fingerprint.sketch;
    const out = new Set<T>();
    if (sketch.length === 0) return out;
    const missable = Math.floor((1 - (threshold - 0.05) / 100) * sketch.length);
    const probes = Math.min(sketch.length, missable + 1);
    const bySize = sketch.map((h) => ({ h, n: this.postings(h).get(h)?.size ?? 0 })).sort((a, b) => a.n - b.n);
    // When the probed lists together hold more entries than there are items (a year of near-copies), every
    // item is a candidate anyway: return them all in one pass rather than merging the lists.
    let probed = 0;
    for (let i = 0; i < probes; i++) probed += bySize[i]!.n;
    if (probed >= this.sketches.size) return new Set(this.sketches.keys());
    for (let i = 0; i < probes; i++) {
      const h = bySize[i]!.h;
      const list = this.postings(h).get(h);
      if (list) for (const item of list) out.add(item);
    }
    return out;
  }
}
