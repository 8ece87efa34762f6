/**
 * Lines of text in a region of a binarised page: rows of ink separated by blank rows, and within a
 * line the stretches of ink separated by wide gaps (a date pushed to the right margin is its own piece).
 */
import type { InkMask } from './rules.ts';

export interface InkBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Ink pixels inside. */
  ink: number;
}

export interface LineOptions {
  /** Blank columns wider than this many line heights split a line into pieces (Infinity: never). */
  splitGap: number;
  /** Ink pixels below which a line is noise. */
  minInk: number;
  /** Lines lower than this (pixels) are noise or a rule's remains. */
  minHeight: number;
  /** Join a line's pieces back into one box after dropping specks (a table cell holds one text per line). */
  joinPieces?: boolean;
}

/** Ink pixels per row / column of a rectangle, counting only pixels `allowed` (not inside a table). */
export function findTextLines(mask: InkMask, area: InkBox, options: LineOptions, allowed?: (x: number, y: number) => boolean): InkBox[] {
  const { width, ink } = mask;
  const rows = new Int32Array(area.bottom - area.top);
  for (let y = area.top; y < area.bottom; y++) {
    let count = 0;
    for (let x = area.left; x < area.right; x++) if (ink[y * width + x] && (!allowed || allowed(x, y))) count++;
    rows[y - area.top] = count;
  }
  const bands: [number, number][] = [];
  let start = -1;
  let last = -1;
  for (let k = 0; k <= rows.length; k++) {
    const inked = k < rows.length && rows[k]! > 0;
    if (inked) {
      if (start < 0) start = k;
      last = k;
    } else if (start >= 0 && k - last > 1) {
      bands.push([area.top + start, area.top + last + 1]);
      start = -1;
    }
  }
  const lines: InkBox[] = [];
  for (const [top, bottom] of bands) {
    const height = bottom - top;
    if (height < options.minHeight) continue;
    const cols = new Int32Array(area.right - area.left);
    for (let y = top; y < bottom; y++) {
      for (let x = area.left; x < area.right; x++) if (ink[y * width + x] && (!allowed || allowed(x, y))) cols[x - area.left]!++;
    }
    const maxGap = options.splitGap * height;
    let from = -1;
    let to = -1;
    let sum = 0;
    const pieces: InkBox[] = [];
    const flush = (): void => {
      // A piece with little ink standing apart is a speck of the scan, not text.
      if (from >= 0 && sum >= options.minInk) pieces.push({ left: area.left + from, top, right: area.left + to + 1, bottom, ink: sum });
      from = -1;
      sum = 0;
    };
    for (let k = 0; k < cols.length; k++) {
      if (cols[k]! === 0) continue;
      if (from >= 0 && k - to > maxGap) flush();
      if (from < 0) from = k;
      to = k;
      sum += cols[k]!;
    }
    flush();
    if (options.joinPieces && pieces.length > 1) {
      const joined = { left: pieces[0]!.left, top, right: pieces[pieces.length - 1]!.right, bottom, ink: pieces.reduce((s, p) => s + p.ink, 0) };
      pieces.splice(0, pieces.length, joined);
    }
    for (const piece of pieces) lines.push(tighten(mask, piece, allowed));
  }
  return lines;
}

/** The box shrunk to the rows that hold ink between its columns (a piece may be shorter than its line). */
function tighten(mask: InkMask, box: InkBox, allowed?: (x: number, y: number) => boolean): InkBox {
  let top = box.bottom;
  let bottom = box.top;
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      if (mask.ink[y * mask.width + x] && (!allowed || allowed(x, y))) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y + 1);
        break;
      }
    }
  }
  return bottom > top ? { ...box, top, bottom } : box;
}

/** Clears ink pixels with fewer than two inked neighbours (scanner speckle); strokes are untouched. */
export function despeckle(mask: InkMask): InkMask {
  const { width, height, ink } = mask;
  const out = new Uint8Array(ink);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (!ink[i]) continue;
      const n = ink[i - width - 1]! + ink[i - width]! + ink[i - width + 1]! + ink[i - 1]! + ink[i + 1]! + ink[i + width - 1]! + ink[i + width]! + ink[i + width + 1]!;
      if (n < 2) out[i] = 0;
    }
  }
  return { width, height, ink: out };
}
