/** Scanning the original wording of every paragraph (narrative and flattened tables) for a pattern. */
import type { Report } from '../../../shared/model.ts';
import type { Evidence } from '../../../shared/model.ts';
import { shorten } from './evidence.ts';

export interface Hit { match: string; context: string; evidence: Evidence }

/** Every match of `re` (global) in the paragraphs' original text, with up to 20 characters of context. */
export function scanOriginal(report: Report, re: RegExp, options: { field?: 'original' | 'text'; limit?: number } = {}): Hit[] {
  const hits: Hit[] = [];
  const field = options.field ?? 'original';
  for (const p of report.paragraphs) {
    const text = p[field];
    for (const m of text.matchAll(re)) {
      const start = Math.max(0, m.index! - 20);
      const context = shorten(text.slice(start, m.index! + m[0].length + 20), 80);
      const ev: Evidence = { text: context };
      if (p.page !== undefined) ev.page = p.page;
      if (p.offset !== undefined) ev.offset = p.offset + (field === 'original' ? m.index! : 0);
      hits.push({ match: m[0], context, evidence: ev });
      if (hits.length >= (options.limit ?? 50)) return hits;
    }
  }
  return hits;
}
