/**
 * Narrative similarity for history.repeated-text and peer.repeated-text.
 * Parts 一 and 五 are reduced to CJK characters and digits (digits masked so a copy with new years still matches),
 * the template's boilerplate is cut out, and the text becomes a set of 8-character shingles.
 * A fingerprint keeps a bottom-k sketch (k = 256) of the shingle hashes plus hashes of the sentences, so the store
 * can persist it (JSON) and compare N reports in O(N·k) per report without re-reading texts.
 */
import type { Report } from '../../../shared/model.ts';
import { PART_TITLES, partName, REQUEST_COLUMNS, REQUEST_HEADER, REQUEST_HEADINGS, REQUEST_ROWS, withoutNumbering } from '../../../shared/template/index.ts';
import { narrativeParagraphs } from './sentences.ts';

export const SHINGLE = 8;
export const SKETCH_SIZE = 256;
const MAX_SENTENCES = 200;
const MIN_SENTENCE = 15;

export interface NarrativeFingerprint {
  v: 1;
  /** Characters of narrative left after removing boilerplate. */
  length: number;
  /** Number of distinct shingles. */
  shingles: number;
  /** The SKETCH_SIZE smallest shingle hashes, ascending. */
  sketch: number[];
  /** Sentences (≥ 15 characters after cleaning): hash and a short preview for quoting shared passages. */
  sentences: { h: number; t: string }[];
}

/** Template wording that every report shares: headings, table labels, fixed sentences of 国办公开办函〔2021〕30号. */
const TEMPLATE_SENTENCES = [
  '本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和',
  '中华人民共和国政府信息公开条例',
  '以下简称条例',
  `本报告由${PART_TITLES.map(withoutNumbering).join('')}等部分组成`,
  '政府信息公开工作年度报告',
  '主动公开情况', '依申请公开情况', '政府信息管理情况', '政府信息公开平台建设情况', '平台建设情况', '监督保障情况',
  '存在的主要问题', '改进情况', '改进措施', partName(1),
];

let boilerplateCache: string[] | null = null;
/** Boilerplate phrases in cleaned form, longest first (so a long phrase is cut before its parts). */
export function boilerplate(): string[] {
  if (!boilerplateCache) {
    const tableLabels = [...REQUEST_ROWS.map((r) => r.name), ...REQUEST_HEADINGS.map((h) => h.label), ...REQUEST_COLUMNS, REQUEST_HEADER.all, REQUEST_HEADER.legalPersons];
    const raw = [...PART_TITLES, ...tableLabels, ...TEMPLATE_SENTENCES];
    boilerplateCache = [...new Set(raw.map((r) => clean(r)).filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  }
  return boilerplateCache;
}

/** CJK and digits only, digits masked to 0. */
export function clean(text: string, mask = true): string {
  const kept = text.replace(/[^\u3400-\u9fff0-9]/g, '');
  return mask ? kept.replace(/[0-9]/g, '0') : kept;
}

function stripBoilerplate(text: string): string {
  let out = text;
  for (const b of boilerplate()) if (out.includes(b)) out = out.split(b).join('');
  return out;
}

/** FNV-1a, 32-bit. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The narrative the similarity checks compare: parts 一 and 五 (the preface when part 一 has no heading). */
export function narrativeText(report: Report): string[] {
  const paras = narrativeParagraphs(report);
  let chosen = paras.filter(({ p }) => p.part === 1 || p.part === 5);
  if (!paras.some(({ p }) => p.part === 1)) chosen = paras.filter(({ p }) => p.part === 0 || p.part === 5);
  return chosen.map(({ p }) => p.text);
}

export function shingleSet(cleaned: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= cleaned.length; i++) set.add(hash(cleaned.slice(i, i + SHINGLE)));
  return set;
}

/**
 * The cleaned narrative (digits masked, as matched) with, for each of its characters, its place in `display`: the narrative
 * as written (each paragraph's original wording where normalisation kept its length, else the normalised
 * text). Boilerplate is cut exactly as `cleanedNarrative` cuts it, so positions line up with it.
 */
export function quotableNarrative(report: Report): { cleaned: string; positions: number[]; display: string } {
  const cached = quotable.get(report);
  if (cached) return cached;
  const paras = narrativeParagraphs(report);
  let chosen = paras.filter(({ p }) => p.part === 1 || p.part === 5);
  if (!paras.some(({ p }) => p.part === 1)) chosen = paras.filter(({ p }) => p.part === 0 || p.part === 5);
  let display = '';
  let chars: string[] = [];
  let positions: number[] = [];
  for (const { p } of chosen) {
    const shown = p.original.length === p.text.length ? p.original : p.text;
    for (let i = 0; i < p.text.length; i++) {
      // Code points compared, not a regex per character (clean()'s class: U+3400–U+9FFF and ASCII digits).
      const code = p.text.charCodeAt(i);
      const digit = code >= 0x30 && code <= 0x39;
      if (digit || (code >= 0x3400 && code <= 0x9fff)) {
        // Digits masked as cleanedNarrative masks them, so the boilerplate cut and the runs line up.
        chars.push(digit ? '0' : p.text[i]!);
        positions.push(display.length + i);
      }
    }
    display += shown;
  }
  // Joined once and again only after a cut: joining per boilerplate phrase made a 100,000-character line cost seconds.
  let text = chars.join('');
  for (const b of boilerplate()) {
    if (!text.includes(b)) continue;
    const keep = new Array<boolean>(chars.length).fill(true);
    for (let at = text.indexOf(b); at >= 0; at = text.indexOf(b, at + b.length)) for (let k = at; k < at + b.length; k++) keep[k] = false;
    chars = chars.filter((_, k) => keep[k]);
    positions = positions.filter((_, k) => keep[k]);
    text = chars.join('');
  }
  const result = { cleaned: chars.join(''), positions, display };
  quotable.set(report, result);
  return result;
}
const quotable = new WeakMap<Report, { cleaned: string; positions: number[]; display: string }>();

/**
 * Shared passages of `report` with `other`, quoted as the report writes them (punctuation and all):
 * the longest runs first, each cut at `maxChars` characters of the original.
 */
export function quotedSharedPassages(report: Report, other: Report, max = 2, minLength = 20, maxChars = 80): string[] {
  const mine = quotableNarrative(report);
  const runs = sharedRuns(cleanedNarrative(report), cleanedNarrative(other), minLength).slice(0, max);
  return runs.map((r) => {
    const from = mine.positions[r.start] ?? 0;
    const to = (mine.positions[Math.min(r.end, mine.positions.length) - 1] ?? from) + 1;
    // A run starts at a character, so "（一）" arrives as "一）": drop such a cut-off enumerator.
    const quote = mine.display.slice(from, to).replace(/\s+/g, ' ').trim().replace(/^[一二三四五六七八九十0-9]{1,3}[)）]\s*/, '');
    return quote.length > maxChars ? `${quote.slice(0, maxChars)}…` : quote;
  });
}

/** Cleaned narrative; `mask: false` keeps the digits (same length and positions, for quoting). */
export function cleanedNarrative(report: Report, mask = true): string {
  const cache = mask ? maskedNarratives : plainNarratives;
  let text = cache.get(report);
  if (text === undefined) {
    text = stripBoilerplate(clean(narrativeText(report).join(''), mask));
    cache.set(report, text);
  }
  return text;
}
// A copied report is quoted against every peer it matches: clean its narrative once per report object.
const maskedNarratives = new WeakMap<Report, string>();
const plainNarratives = new WeakMap<Report, string>();

export function narrativeFingerprint(report: Report): NarrativeFingerprint {
  const paragraphs = narrativeText(report);
  const cleaned = stripBoilerplate(clean(paragraphs.join('')));
  const set = shingleSet(cleaned);
  const sketch = [...set].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
  const sentences: { h: number; t: string }[] = [];
  const seen = new Set<number>();
  for (const p of paragraphs) {
    for (const s of p.split(/[。!?！？;；]/)) {
      const c = stripBoilerplate(clean(s));
      if (c.length < MIN_SENTENCE) continue;
      const h = hash(c);
      if (seen.has(h)) continue;
      seen.add(h);
      sentences.push({ h, t: s.trim().slice(0, 60) });
      if (sentences.length >= MAX_SENTENCES) break;
    }
  }
  return { v: 1, length: cleaned.length, shingles: set.size, sketch, sentences };
}

export interface Comparison {
  /** Estimated Jaccard similarity of the shingle sets, in percent (0–100, one decimal). */
  similarity: number;
  /** Sentences both narratives contain (previews from `a`). */
  shared: string[];
}

/** Bottom-k estimate of the Jaccard similarity (exact when both sets are smaller than the sketch). */
export function compareFingerprints(a: NarrativeFingerprint, b: NarrativeFingerprint): Comparison {
  if (a.sketch.length === 0 || b.sketch.length === 0) return { similarity: 0, shared: [] };
  const bSentences = new Set(b.sentences.map((s) => s.h));
  return {
    similarity: sketchSimilarity(a, b),
    shared: a.sentences.filter((s) => bSentences.has(s.h)).map((s) => s.t),
  };
}

/**
 * The similarity of compareFingerprints alone, in one merge of the two ascending sketches (no sets, no
 * sorting): the SKETCH_SIZE smallest hashes of the union, and how many of them both sketches hold.
 * Peers are compared with every report of a batch, so this is the inner loop of the import.
 */
export function sketchSimilarity(a: NarrativeFingerprint, b: NarrativeFingerprint): number {
  const x = a.sketch;
  const y = b.sketch;
  if (x.length === 0 || y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < SKETCH_SIZE && (i < x.length || j < y.length)) {
    const u = i < x.length ? x[i]! : Infinity;
    const v = j < y.length ? y[j]! : Infinity;
    if (u === v) {
      both++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
    taken++;
  }
  return Math.round((both / taken) * 1000) / 10;
}

/** Runs of `a` (cleaned) covered by shingles that `b` also has, at least `minLength` long, longest first. */
function sharedRuns(a: string, b: string, minLength: number): { start: number; end: number }[] {
  const inB = recentShingles(b).set;
  const hashesOfA = recentShingles(a).hashes;
  const runs: { start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i + SHINGLE <= a.length + 1; i++) {
    const shared = i + SHINGLE <= a.length && inB.has(hashesOfA[i]!);
    if (shared && start < 0) start = i;
    if (!shared && start >= 0) {
      runs.push({ start, end: i - 1 + SHINGLE });
      start = -1;
    }
  }
  return runs.filter((r) => r.end - r.start >= minLength).sort((x, y) => (y.end - y.start) - (x.end - x.start));
}

/**
 * A copied report is quoted against each peer it matches, and each peer against every report that copied
 * it: the shingles of the last few hundred narratives are kept (narratives are cached strings, so a
 * lookup hashes each only once).
 */
const shingleCache = new Map<string, { hashes: number[]; set: Set<number> }>();
const SHINGLE_CACHE_LIMIT = 512;

function recentShingles(cleaned: string): { hashes: number[]; set: Set<number> } {
  let entry = shingleCache.get(cleaned);
  if (!entry) {
    if (shingleCache.size >= SHINGLE_CACHE_LIMIT) shingleCache.clear();
    const hashes: number[] = [];
    for (let i = 0; i + SHINGLE <= cleaned.length; i++) hashes.push(hash(cleaned.slice(i, i + SHINGLE)));
    entry = { hashes, set: new Set(hashes) };
    shingleCache.set(cleaned, entry);
  }
  return entry;
}

/** Fingerprints are computed once per report object (peers are compared with many reports). */
const cache = new WeakMap<Report, NarrativeFingerprint>();
export function cachedFingerprint(report: Report): NarrativeFingerprint {
  let f = cache.get(report);
  if (!f) {
    f = narrativeFingerprint(report);
    cache.set(report, f);
  }
  return f;
}

/**
 * Use a fingerprint computed earlier (in the reading worker, stored with the report) for this report object,
 * so loading a year's peers does not clean and shingle every narrative again. Ignored unless it has the
 * current shape; the narrative it describes does not change with reviewer corrections (tables only).
 */
/** The fingerprint already known for a report (primed or computed), without computing it. */
export function knownFingerprint(report: Report): NarrativeFingerprint | null {
  return cache.get(report) ?? null;
}

export function primeFingerprint(report: Report, stored: unknown): void {
  const f = stored as Partial<NarrativeFingerprint> | null;
  if (!f || f.v !== 1 || typeof f.length !== 'number' || typeof f.shingles !== 'number' || !Array.isArray(f.sketch) || !Array.isArray(f.sentences)) return;
  if (!cache.has(report)) cache.set(report, f as NarrativeFingerprint);
}

/** Below this much narrative (cleaned characters) similarity says nothing. */
export const MIN_NARRATIVE = 60;
