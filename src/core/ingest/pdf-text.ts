/**
 * Turning positioned text pieces into strings: lines from pieces (grouped by y, ordered by x) and
 * CJK-aware joining, so "2024 年" comes out as "2024年" while "14 0" keeps its space.
 */
import type { TextPiece } from './pdf-page.ts';

/** Chinese/Japanese characters and the full-width punctuation around them: never spaced. */
export function isCjkChar(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x2fdf) || // radicals
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation 、。〇「」
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) || // vertical forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms （），：
    code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || // curly quotes
    code === 0x2014 || code === 0x2026 || code === 0x00b7 // — … ·
  );
}

function cjkAt(s: string, index: number): boolean {
  const code = s.codePointAt(index);
  return code !== undefined && isCjkChar(code);
}

/** Collapses whitespace; drops it entirely when either neighbour is CJK. */
export function tidySpaces(s: string): string {
  const collapsed = s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (!collapsed.includes(' ')) return collapsed;
  let out = '';
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i]!;
    if (ch === ' ' && (cjkAt(collapsed, i - 1) || cjkAt(collapsed, i + 1))) continue;
    out += ch;
  }
  return out;
}

/** Joins two strings that touch (wrapped lines, adjacent pieces): a space only between two non-CJK word characters. */
export function joinTouching(left: string, right: string, spaced: boolean): string {
  if (left === '') return right;
  if (right === '') return left;
  const a = left[left.length - 1]!;
  const b = right[0]!;
  const needsSpace = spaced && !isCjkChar(a.codePointAt(0)!) && !isCjkChar(b.codePointAt(0)!);
  return needsSpace ? `${left} ${right}` : left + right;
}

export interface TextLine {
  pieces: TextPiece[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  text: string;
}

const center = (p: TextPiece): number => (p.top + p.bottom) / 2;

/**
 * Groups pieces into visual lines: sorted by vertical centre, a piece joins the current line while its
 * centre stays within half a font size of the line's centre. O(n log n).
 */
export function groupLines(pieces: readonly TextPiece[]): TextLine[] {
  const sorted = [...pieces].sort((a, b) => center(a) - center(b) || a.x0 - b.x0);
  const groups: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let sum = 0;
  let minSize = Infinity;
  for (const p of sorted) {
    if (current.length > 0) {
      const lineCenter = sum / current.length;
      if (Math.abs(center(p) - lineCenter) > 0.45 * Math.min(minSize, p.size)) {
        groups.push(current);
        current = [];
        sum = 0;
        minSize = Infinity;
      }
    }
    current.push(p);
    sum += center(p);
    minSize = Math.min(minSize, p.size);
  }
  if (current.length > 0) groups.push(current);
  return groups.map(makeLine);
}

export function makeLine(pieces: TextPiece[]): TextLine {
  const sorted = dedupe([...pieces].sort((a, b) => a.x0 - b.x0));
  let x0 = Infinity;
  let x1 = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let size = 0;
  for (const p of sorted) {
    x0 = Math.min(x0, p.x0);
    x1 = Math.max(x1, p.x1);
    top = Math.min(top, p.top);
    bottom = Math.max(bottom, p.bottom);
    size = Math.max(size, p.size);
  }
  return { pieces: sorted, x0, x1, top, bottom, size, text: joinPieces(sorted) };
}

/** Fake bold (the same text drawn twice, slightly offset) must not double the text. */
function dedupe(sorted: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.text === p.text && Math.abs(prev.x0 - p.x0) < 1.5 && Math.abs(prev.top - p.top) < 1.5) continue;
    out.push(p);
  }
  return out;
}

/** Pieces of one line, left to right, joined with a space only at a real gap between non-CJK text. */
export function joinPieces(sorted: readonly TextPiece[]): string {
  let text = '';
  let prev: TextPiece | undefined;
  for (const p of sorted) {
    const piece = tidySpaces(p.text);
    if (piece === '') continue;
    if (prev) {
      const gap = p.x0 - prev.x1;
      text = joinTouching(text, piece, gap > 0.2 * Math.min(prev.size, p.size));
    } else {
      text = piece;
    }
    prev = p;
  }
  return text;
}

/** Lines of one cell or paragraph, top to bottom, joined without spaces inside Chinese text. */
export function joinLines(lines: readonly TextLine[]): string {
  let text = '';
  for (const line of lines) text = joinTouching(text, line.text, true);
  return text;
}
