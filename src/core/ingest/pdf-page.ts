/**
 * One PDF page → positioned text items and ruled lines, both in page space with y growing downwards
 * (top of the page = 0), so the layout code never thinks about PDF's bottom-up coordinates.
 */
import { mapRadicals } from '../text/radicals.ts';
import type { PdfPageProxy } from './pdf-load.ts';
import type { OcrReading } from '../../shared/model.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface TextPiece {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size in page units (the height of one line of this text). */
  size: number;
  /** Set when the text was read by OCR from the page image. */
  ocr?: OcrReading;
}

/** A horizontal rule at `at` from `from` to `to` (x), or a vertical one at x=`at` from `from` to `to` (y). */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  width: number;
  height: number;
  pieces: TextPiece[];
  hRules: Rule[];
  vRules: Rule[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // Result = n applied first, then m (PDF "cm" concatenates onto the current matrix).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function isMatrix(value: unknown): value is ArrayLike<number> {
  return (Array.isArray(value) || ArrayBuffer.isView(value)) && (value as ArrayLike<number>).length === 6;
}

/** Rules thinner than this (in either direction) count as lines; thicker filled boxes are shading. */
const THIN = 2.5;
/** Segments this close to axis-aligned count as horizontal / vertical. */
const SKEW = 0.8;

/**
 * Reads a page's text, and its ruled lines unless `wantRules` says the text cannot hold a table
 * (the operator list costs as much again as the text, and most pages are prose).
 */
export async function readPage(
  pdfjs: PdfJs,
  page: PdfPageProxy,
  wantRules: (pieces: readonly TextPiece[]) => boolean = () => true,
): Promise<PageContent> {
  const [x0, y0, x1, y1] = page.view;
  const width = x1 - x0;
  const height = y1 - y0;
  const toX = (x: number): number => x - x0;
  const toY = (y: number): number => y1 - y;

  // We map radicals ourselves and keep the rest as found, so pdf.js need not NFKC every string.
  const content = await page.getTextContent({ disableNormalization: true });
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const raw = item.str;
    if (raw.trim() === '') continue;
    const t = item.transform as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 10;
    const baseX = toX(t[4] ?? 0);
    const baseY = toY(t[5] ?? 0);
    const w = item.width > 0 ? item.width : size * raw.length;
    pieces.push({
      text: mapRadicals(raw),
      x0: baseX,
      x1: baseX + w,
      top: baseY - size * 0.88,
      bottom: baseY + size * 0.12,
      size,
    });
  }

  const hRules: Rule[] = [];
  const vRules: Rule[] = [];
  if (!wantRules(pieces)) return { width, height, pieces, hRules, vRules };
  const ops = await page.getOperatorList();
  const OPS = pdfjs.OPS;
  const strokeOps = new Set<number>([
    OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
  ]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;

  const addSegment = (ax: number, ay: number, bx: number, by: number): void => {
    const pax = toX(ctm[0] * ax + ctm[2] * ay + ctm[4]);
    const pay = toY(ctm[1] * ax + ctm[3] * ay + ctm[5]);
    const pbx = toX(ctm[0] * bx + ctm[2] * by + ctm[4]);
    const pby = toY(ctm[1] * bx + ctm[3] * by + ctm[5]);
    if (Math.abs(pay - pby) <= SKEW && Math.abs(pax - pbx) > SKEW) {
      hRules.push({ at: (pay + pby) / 2, from: Math.min(pax, pbx), to: Math.max(pax, pbx) });
    } else if (Math.abs(pax - pbx) <= SKEW && Math.abs(pay - pby) > SKEW) {
      vRules.push({ at: (pax + pbx) / 2, from: Math.min(pay, pby), to: Math.max(pay, pby) });
    }
  };
  const addThinBox = (ax: number, ay: number, bx: number, by: number): void => {
    // A filled box drawn as a border line: keep its centre line along the long side.
    const px = [ctm[0] * ax + ctm[2] * ay + ctm[4], ctm[0] * bx + ctm[2] * by + ctm[4]].map(toX);
    const py = [ctm[1] * ax + ctm[3] * ay + ctm[5], ctm[1] * bx + ctm[3] * by + ctm[5]].map(toY);
    const left = Math.min(px[0]!, px[1]!);
    const right = Math.max(px[0]!, px[1]!);
    const top = Math.min(py[0]!, py[1]!);
    const bottom = Math.max(py[0]!, py[1]!);
    if (bottom - top <= THIN && right - left > THIN) hRules.push({ at: (top + bottom) / 2, from: left, to: right });
    else if (right - left <= THIN && bottom - top > THIN) vRules.push({ at: (left + right) / 2, from: top, to: bottom });
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args && args.length === 6) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0];
      if (isMatrix(m)) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const isStroke = strokeOps.has(paint);
      const isFill = fillOps.has(paint);
      if (!isStroke && !isFill) continue;
      const buffers = args[1] as ArrayLike<ArrayLike<number> | null> | undefined;
      const buf = buffers?.[0];
      if (!buf) continue;
      walkPath(buf, isStroke ? addSegment : null, isFill ? addThinBox : null);
    }
  }
  return { width, height, pieces, hRules, vRules };
}

type SegmentSink = (ax: number, ay: number, bx: number, by: number) => void;

/** Walks a pdf.js 6 path buffer (DrawOPS: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6, 3 quadraticCurveTo 4, 4 closePath). */
function walkPath(buf: ArrayLike<number>, onSegment: SegmentSink | null, onBox: SegmentSink | null): void {
  let startX = 0;
  let startY = 0;
  let curX = 0;
  let curY = 0;
  // Points of the current subpath, to recognise filled rectangles.
  let pts: number[] = [];
  let curved = false;
  const flushBox = (): void => {
    if (onBox && !curved && pts.length >= 8 && pts.length <= 10) {
      const xs = pts.filter((_, k) => k % 2 === 0);
      const ys = pts.filter((_, k) => k % 2 === 1);
      onBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
    }
    pts = [];
    curved = false;
  };
  let i = 0;
  while (i < buf.length) {
    const op = buf[i]!;
    if (op === 0) {
      flushBox();
      startX = curX = buf[i + 1]!;
      startY = curY = buf[i + 2]!;
      pts.push(curX, curY);
      i += 3;
    } else if (op === 1) {
      const x = buf[i + 1]!;
      const y = buf[i + 2]!;
      onSegment?.(curX, curY, x, y);
      curX = x;
      curY = y;
      pts.push(x, y);
      i += 3;
    } else if (op === 2) {
      curX = buf[i + 5]!;
      curY = buf[i + 6]!;
      curved = true;
      i += 7;
    } else if (op === 3) {
      curX = buf[i + 3]!;
      curY = buf[i + 4]!;
      curved = true;
      i += 5;
    } else if (op === 4) {
      if (curX !== startX || curY !== startY) onSegment?.(curX, curY, startX, startY);
      curX = startX;
      curY = startY;
      i += 1;
    } else {
      break; // unknown op: stop rather than misread the rest
    }
  }
  flushBox();
}
