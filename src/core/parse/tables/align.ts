/**
 * Assign observed rows to template rows in template order: each observed row gets at most one
 * template row, template indexes strictly increase, and the total keyword evidence is maximal
 * (a small dynamic programme, like a sequence alignment). Unmatched rows stay unassigned.
 */

/** score[r][t] ≥ 0: how well observed row r matches template row t (0 = not at all). */
export function alignInOrder(score: number[][], templateCount: number): (number | null)[] {
  const n = score.length;
  // best[r][t]: best total using observed rows < r and template rows < t.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(templateCount + 1).fill(0));
  const move: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(templateCount + 1).fill(0));
  for (let r = 1; r <= n; r++) {
    for (let t = 0; t <= templateCount; t++) {
      // 0: skip observed row r-1; 1: skip template row t-1; 2: match them.
      let value = best[r - 1]![t]!;
      let how = 0;
      if (t > 0 && best[r]![t - 1]! > value) {
        value = best[r]![t - 1]!;
        how = 1;
      }
      const s = t > 0 ? score[r - 1]![t - 1]! : 0;
      if (t > 0 && s > 0 && best[r - 1]![t - 1]! + s > value) {
        value = best[r - 1]![t - 1]! + s;
        how = 2;
      }
      best[r]![t] = value;
      move[r]![t] = how;
    }
  }
  const assigned: (number | null)[] = new Array<number | null>(n).fill(null);
  let r = n;
  let t = templateCount;
  while (r > 0 && t >= 0) {
    const how = move[r]![t]!;
    if (how === 2) {
      assigned[r - 1] = t - 1;
      r -= 1;
      t -= 1;
    } else if (how === 1) {
      t -= 1;
    } else {
      r -= 1;
    }
  }
  return assigned;
}

/** Keyword evidence: the longest key found in the leaf label counts double, in the full label once. */
export function keywordScore(leaf: string, full: string, keys: string[], leafPattern?: RegExp): number {
  let s = 0;
  for (const key of keys) {
    if (leaf.includes(key)) s = Math.max(s, key.length * 2);
    else if (full.includes(key)) s = Math.max(s, key.length);
  }
  if (leafPattern && leafPattern.test(leaf)) s = Math.max(s, 6);
  return s;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Every observed label is compared with every template label, so the same strings come back many times
 * per table: their bigrams are kept (bounded; labels are short and few per report).
 */
const bigramCache = new Map<string, Map<string, number>>();
const BIGRAM_CACHE_LIMIT = 2000;

function cachedBigrams(s: string): Map<string, number> {
  let grams = bigramCache.get(s);
  if (!grams) {
    if (bigramCache.size >= BIGRAM_CACHE_LIMIT) bigramCache.clear();
    grams = bigrams(s);
    bigramCache.set(s, grams);
  }
  return grams;
}

/** Dice coefficient of character bigrams: tolerant of a dropped or changed character ("法律行政止公开"). */
export function bigramSimilarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b && a.length > 0 ? 1 : 0;
  const ga = cachedBigrams(a);
  const gb = cachedBigrams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** Strip list numbering ("2.", "(三)", "三、") so labels compare by their words. */
export function stripNumbering(label: string): string {
  return label.replace(/^(\(?[0-9一二三四五六七八九十]{1,2}[)、.．]?)+/, '');
}

const strippedCache = new Map<string, string>();

function strippedOf(label: string): string {
  let stripped = strippedCache.get(label);
  if (stripped === undefined) {
    if (strippedCache.size >= BIGRAM_CACHE_LIMIT) strippedCache.clear();
    stripped = stripNumbering(label);
    strippedCache.set(label, stripped);
  }
  return stripped;
}

/**
 * Evidence for a row whose label has no template keyword (typos, abbreviations): bigram similarity of the
 * leaf with the template label, counted only when clearly similar. Weaker than any keyword hit.
 */
export function fuzzyScore(leaf: string, templateLabel: string): number {
  const sim = bigramSimilarity(strippedOf(leaf), strippedOf(templateLabel));
  return sim >= 0.6 ? Math.round(sim * 3 * 10) / 10 : 0;
}
