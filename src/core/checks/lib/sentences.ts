/** Sentence splitting over report paragraphs, keeping each sentence's place for quoting. */
import type { Report, ReportParagraph } from '../../../shared/model.ts';

export interface Sentence {
  /** Normalised text (simplified, half-width) for matching. */
  text: string;
  /** Original wording of the whole paragraph's matching slice, for quoting. */
  original: string;
  paragraphIndex: number;
  part: number;
  page?: number;
  offset?: number;
}

/** Narrative paragraphs only (rows of flattened tables and the six part headings excluded). */
export function narrativeParagraphs(report: Report): { p: ReportParagraph; index: number }[] {
  const headings = new Set(report.sections.filter((s) => s.found && s.headingIndex !== undefined).map((s) => s.headingIndex));
  return report.paragraphs
    .map((p, index) => ({ p, index }))
    .filter(({ p, index }) => !p.fromTable && !headings.has(index) && p.text.trim() !== '');
}

/** Paragraphs of one part (1–6); 0 = the untitled preface. */
export function partParagraphs(report: Report, part: number): { p: ReportParagraph; index: number }[] {
  return narrativeParagraphs(report).filter(({ p }) => p.part === part);
}

export function partText(report: Report, part: number): string {
  return partParagraphs(report, part).map(({ p }) => p.text).join('\n');
}

// Always matches (no `$` to fail on): with `(?:…|$)` a line without an ending made every start before its
// line break rescan the line — quadratic, and the line was dropped.
const SENTENCE_END = /[^。!?！？；;\n]*[。!?！？；;]*/gu;

/**
 * Splits into sentences at 。！？ (and ；/; when `semicolons`). The original paragraph is sliced
 * proportionally when normalisation changed its length, else exactly.
 */
export function sentencesOf(report: Report, options: { semicolons?: boolean; parts?: number[] } = {}): Sentence[] {
  const out: Sentence[] = [];
  const re = options.semicolons ? SENTENCE_END : /[^。!?！？\n]*[。!?！？]*/gu;
  for (const { p, index } of narrativeParagraphs(report)) {
    if (options.parts && !options.parts.includes(p.part)) continue;
    const sameLength = p.text.length === p.original.length;
    for (const m of p.text.matchAll(re)) {
      const s = m[0];
      if (s.trim() === '') continue;
      const start = m.index!;
      const original = sameLength ? p.original.slice(start, start + s.length) : sliceOriginal(p, start, s.length);
      out.push({
        text: s.trim(),
        original: original.trim(),
        paragraphIndex: index,
        part: p.part,
        page: p.page,
        offset: p.offset !== undefined ? p.offset + (sameLength ? start : 0) : undefined,
      });
    }
  }
  return out;
}

function sliceOriginal(p: ReportParagraph, start: number, length: number): string {
  const ratio = p.original.length / Math.max(1, p.text.length);
  const from = Math.floor(start * ratio);
  const to = Math.min(p.original.length, Math.ceil((start + length) * ratio));
  return p.original.slice(from, to) || p.text.slice(start, start + length);
}

/** Splits a sentence into clauses at commas and semicolons (both widths). */
export function clauses(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  for (const m of text.matchAll(/[^,，;；。]+/gu)) out.push({ text: m[0], index: m.index! });
  return out;
}
