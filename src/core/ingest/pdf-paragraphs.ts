/**
 * Visual lines → paragraphs. A line continues the previous one when the previous line ran to the right
 * margin and this one starts no further right than it, in the same font size, at normal line spacing.
 * Headings (一、… （二）…), signatures and dates always start their own paragraph.
 */
import type { TextLine } from './pdf-text.ts';
import { joinTouching } from './pdf-text.ts';

export interface PageLayout {
  /** Left edge of body text (most common line start). */
  left: number;
  /** Right edge that full lines reach. */
  right: number;
  /** Most common font size. */
  bodySize: number;
}

/** Margins and body size measured over the whole document (pages share one layout). */
export function measureLayout(lines: readonly TextLine[]): PageLayout {
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  const sizes = new Map<number, number>();
  for (const l of lines) {
    const weight = l.text.length;
    const s = Math.round(l.x0 / 2);
    starts.set(s, (starts.get(s) ?? 0) + 1);
    const e = Math.round(l.x1 / 2);
    ends.set(e, (ends.get(e) ?? 0) + 1);
    const z = Math.round(l.size * 2);
    sizes.set(z, (sizes.get(z) ?? 0) + weight);
  }
  const mode = (m: Map<number, number>): number | undefined => {
    let best: number | undefined;
    let count = -1;
    for (const [k, c] of m) if (c > count || (c === count && best !== undefined && k < best)) [best, count] = [k, c];
    return best;
  };
  const leftBin = mode(starts);
  // The right margin: the furthest end reached by at least two lines (one overlong line must not set it).
  let rightBin: number | undefined;
  for (const [k, c] of ends) if (c >= 2 && (rightBin === undefined || k > rightBin)) rightBin = k;
  rightBin ??= Math.max(...ends.keys());
  const sizeBin = mode(sizes);
  return {
    left: leftBin === undefined ? 0 : leftBin * 2,
    right: rightBin === undefined ? Infinity : rightBin * 2,
    bodySize: sizeBin === undefined ? 12 : sizeBin / 2,
  };
}

const HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|第[一二三四五六七八九十]{1,3}[部分章节条]|附件|附表)/;
const DATE_LINE = /^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月(?:\s*[\d〇零一二三四五六七八九十]{1,3}\s*日)?\s*$/;

/** Lines that are always their own paragraph. */
export function isStandaloneLine(text: string): boolean {
  return HEADING.test(text) || DATE_LINE.test(text);
}

/** Page numbers such as "- 4 -", "第 2 页", "2 / 6" in the top or bottom band of the page. */
export function isPageNumberLine(line: TextLine, pageHeight: number): boolean {
  const inBand = line.top < pageHeight * 0.1 || line.bottom > pageHeight * 0.88;
  if (!inBand) return false;
  return /^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/共]\s*\d{1,4}(?:\s*页)?)?[-—–－\s]*$/.test(line.text);
}

/** Does `cur` carry on the paragraph whose last line is `prev`? `sameFlow` is false across a page break. */
export function continues(prev: TextLine, cur: TextLine, layout: PageLayout, sameFlow: boolean): boolean {
  if (isStandaloneLine(cur.text)) return false;
  const size = Math.min(prev.size, cur.size);
  if (Math.abs(prev.size - cur.size) > 0.15 * size) return false;
  if (sameFlow) {
    const gap = cur.top - prev.bottom;
    if (gap < -0.5 * size || gap > 1.1 * size) return false;
  }
  const bigType = size >= layout.bodySize * 1.2;
  if (bigType && sameFlow) return true; // a wrapped title
  const reachedRight = prev.x1 >= layout.right - 1.6 * prev.size;
  const startsLeft = cur.x0 <= prev.x0 + 0.6 * size && cur.x0 <= layout.left + 2.6 * size;
  return reachedRight && startsLeft;
}

export interface ParagraphDraft {
  text: string;
  page: number;
  top: number;
  last: TextLine;
}

export function appendLine(draft: ParagraphDraft, line: TextLine): void {
  draft.text = joinTouching(draft.text, line.text, true);
  draft.last = line;
}
