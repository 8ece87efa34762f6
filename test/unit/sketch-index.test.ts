/**
 * The peer sketch index must never drop a peer that reaches the threshold: compared with brute force over
 * sketches built from overlapping shingle sets (copies, light edits, unrelated texts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SKETCH_SIZE, sketchSimilarity, type NarrativeFingerprint } from '../../src/core/checks/lib/similarity.ts';
import { SketchIndex } from '../../src/core/checks/lib/sketch-index.ts';

/** Deterministic pseudo-random numbers (xorshift), so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function fingerprintOf(hashes: Iterable<number>): NarrativeFingerprint {
  const set = new Set(hashes);
  const sketch = [...set].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
  return { v: 1, length: 1000, shingles: set.size, sketch, sentences: [] };
}

test('sketch index candidates include every peer at or above the threshold', () => {
  const random = rng(20240601);
  const bases = Array.from({ length: 12 }, () => Array.from({ length: 200 + Math.floor(random() * 600) }, () => Math.floor(random() * 2 ** 32)));
  const fps: NarrativeFingerprint[] = [];
  for (let i = 0; i < 240; i++) {
    const base = bases[i % bases.length]!;
    // Keep a random share of the base text and add some new shingles: from near-copies to rewrites.
    const keep = random();
    const hashes = base.filter(() => random() < keep);
    const extra = Math.floor(random() * base.length * 0.5);
    for (let j = 0; j < extra; j++) hashes.push(Math.floor(random() * 2 ** 32));
    fps.push(fingerprintOf(hashes));
  }
  const index = new SketchIndex<number>();
  fps.forEach((fp, i) => index.add(i, fp));
  let similarPairs = 0;
  for (const threshold of [50, 80, 95]) {
    for (let a = 0; a < fps.length; a++) {
      const candidates = index.candidates(fps[a]!, threshold);
      for (let b = 0; b < fps.length; b++) {
        if (a === b) continue;
        if (sketchSimilarity(fps[a]!, fps[b]!) >= threshold) {
          similarPairs++;
          assert.ok(candidates.has(b), `peer ${b} (${sketchSimilarity(fps[a]!, fps[b]!)}%) missing for ${a} at ${threshold}%`);
        }
      }
    }
  }
  assert.ok(similarPairs > 100, `the corpus must hold similar pairs (got ${similarPairs})`);
});

test('sketch index forgets removed and replaced items', () => {
  const index = new SketchIndex<string>();
  const a = fingerprintOf([1, 2, 3, 4, 5]);
  const b = fingerprintOf([6, 7, 8, 9, 10]);
  index.add('x', a);
  assert.ok(index.candidates(a, 80).has('x'));
  index.add('x', b);
  assert.equal(index.candidates(a, 80).has('x'), false);
  assert.ok(index.candidates(b, 80).has('x'));
  index.remove('x');
  assert.equal(index.size, 0);
  assert.equal(index.candidates(b, 80).size, 0);
});
