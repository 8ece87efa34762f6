/**
 * Where a finding's evidence sits in the report: which paragraph (and which words to highlight) or which
 * table cells. Pure functions over the report model, so the screen only renders.
 */
import type { Finding, Report } from '../shared/model.ts';
import { cellAddress, cellKey, REQUESTS_SIZE } from '../shared/template/index.ts';

export type Tone = 'fail' | 'uncertain' | 'dismissed';

export interface CellMark {
  tone: Tone;
  findings: number[];
}

export interface ParagraphMark {
  tone: Tone;
  findings: number[];
  quotes: string[];
}

function strongest(a: Tone, b: Tone): Tone {
  const rank: Record<Tone, number> = { fail: 3, uncertain: 2, dismissed: 1 };
  return rank[a] >= rank[b] ? a : b;
}

/** Paragraph index for a quote: the paragraph containing it, nearest to the offset when several do. */
export function findParagraph(report: Report, text: string | undefined, offset: number | undefined): number | null {
  const needle = text?.trim();
  let best: number | null = null;
  let bestDistance = Infinity;
  report.paragraphs.forEach((p, index) => {
    const contains = needle ? p.original.includes(needle) || p.text.includes(needle) : true;
    if (!contains) return;
    const distance = offset !== undefined && p.offset !== undefined ? Math.abs(offset - p.offset) : needle ? 0 : Infinity;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  if (best === null && offset !== undefined) {
    // No quote match: the paragraph starting at or before the offset.
    report.paragraphs.forEach((p, index) => {
      if (p.offset !== undefined && p.offset <= offset) best = index;
    });
  }
  return best;
}

export interface EvidenceMap {
  cells: Map<string, CellMark>;
  paragraphs: Map<number, ParagraphMark>;
  /** Per finding: the first place to scroll to. */
  targets: Map<number, { kind: 'cell'; key: string } | { kind: 'paragraph'; index: number }>;
}

export function toneOf(finding: Finding, dismissed: boolean): Tone | null {
  if (dismissed) return 'dismissed';
  if (finding.status === 'fail') return 'fail';
  if (finding.status === 'uncertain') return 'uncertain';
  return null;
}

export function mapEvidence(report: Report, findings: Finding[], dismissed: Set<number>): EvidenceMap {
  const cells = new Map<string, CellMark>();
  const paragraphs = new Map<number, ParagraphMark>();
  const targets: EvidenceMap['targets'] = new Map();
  const markCell = (key: string, tone: Tone, index: number) => {
    const mark = cells.get(key);
    if (mark) {
      mark.tone = strongest(mark.tone, tone);
      if (!mark.findings.includes(index)) mark.findings.push(index);
    } else cells.set(key, { tone, findings: [index] });
    if (!targets.has(index)) targets.set(index, { kind: 'cell', key });
  };
  findings.forEach((finding, index) => {
    const tone = toneOf(finding, dismissed.has(index));
    if (!tone) return;
    for (const ev of finding.evidence) {
      if (ev.other) continue; // evidence in another report
      if (ev.table) {
        const table = ev.table;
        if (table === 'requests') {
          // Evidence naming a whole row or column marks all its cells.
          const rows = ev.row !== undefined ? [ev.row] : Array.from({ length: REQUESTS_SIZE.rows }, (_, r) => r);
          const cols = ev.col !== undefined ? [ev.col] : Array.from({ length: REQUESTS_SIZE.cols }, (_, c) => c);
          if (ev.row === undefined && ev.col === undefined) continue;
          for (const row of rows) for (const col of cols) markCell(cellKey({ table, row, col }), tone, index);
        } else {
          const address = cellAddress(table, ev.row, ev.col);
          if (address) markCell(cellKey(address), tone, index);
        }
        continue;
      }
      if (ev.text === undefined && ev.offset === undefined) continue;
      const paragraph = findParagraph(report, ev.text, ev.offset);
      if (paragraph === null) continue;
      const mark = paragraphs.get(paragraph) ?? { tone, findings: [], quotes: [] };
      mark.tone = strongest(mark.tone, tone);
      if (!mark.findings.includes(index)) mark.findings.push(index);
      if (ev.text && ev.text.trim() && !mark.quotes.includes(ev.text.trim())) mark.quotes.push(ev.text.trim());
      paragraphs.set(paragraph, mark);
      if (!targets.has(index)) targets.set(index, { kind: 'paragraph', index: paragraph });
    }
  });
  return { cells, paragraphs, targets };
}

/** Split text into plain and highlighted pieces for the given quotes (longest first, no overlaps). */
export function highlightPieces(text: string, quotes: string[]): { text: string; hit: boolean }[] {
  const ranges: [number, number][] = [];
  for (const quote of [...quotes].sort((a, b) => b.length - a.length)) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(quote, from);
      if (at < 0) break;
      const end = at + quote.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
      from = end;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: { text: string; hit: boolean }[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) pieces.push({ text: text.slice(cursor, start), hit: false });
    pieces.push({ text: text.slice(start, end), hit: true });
    cursor = end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), hit: false });
  return pieces;
}
