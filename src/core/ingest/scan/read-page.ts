/**
 * One scanned page image → the same positioned text pieces and rules a PDF text layer gives
 * (pdf-page.ts), so tables and paragraphs are then built by the code that reads every other PDF.
 * The page is straightened, the table rulings found, every table cell read on its own (short digit
 * strings are where whole-page OCR fails), then the text lines outside the tables.
 */
import type { OcrReading } from '../../../shared/model.ts';
import type { PageContent, Rule, TextPiece } from '../pdf-page.ts';
import { findLatticeCells } from '../pdf-lattice.ts';
import { deskew } from './deskew.ts';
import { binarizeAdaptive, crop, otsuThreshold, smoothAlong, toPngDataUrl, type GrayImage } from './gray-image.ts';
import { eraseRules, findRules, type InkMask } from './rules.ts';
import { despeckle, findTextLines, type InkBox } from './text-lines.ts';
import type { RecognisedText, TextRecognizer } from './recognizer.ts';
import { isDoubtful } from './confidence.ts';

export interface ScannedPage extends PageContent {
  /** Degrees the page was turned by to straighten it. */
  skew: number;
}

interface Pending {
  box: InkBox;
  /** The cell's inside, for text read in a table cell: its picture never reaches over the borders. */
  cell?: InkBox;
}

/**
 * `image` is the rendered page, `scale` its pixels per PDF point (so results come back in page units like
 * a text layer's), `dpi` its pixels per inch of paper (sizes of strokes, rules and text are judged by it).
 */
export async function readScannedPage(page: GrayImage, scale: number, dpi: number, recognizer: TextRecognizer): Promise<ScannedPage> {
  const firstThreshold = Math.min(200, otsuThreshold(page));
  const straight = deskew(page, firstThreshold);
  const image = straight.image;
  // Where the text is looked for: on a copy blurred over 3×3 pixels, the grain of the paper fades (grainy
  // paper turned into specks of "ink" that chained onto the ends of lines) while strokes stay dark.
  const softened = smoothAlong(smoothAlong(image, true, 1), false, 1);
  const withRules = despeckle({ width: image.width, height: image.height, ink: binarizeAdaptive(softened, Math.round(dpi / 10), 20) });
  const rules = findRules(image, dpi);
  const toRule = (r: { at: number; from: number; to: number }): Rule => ({ at: r.at / scale, from: r.from / scale, to: r.to / scale });
  const hRules = rules.horizontal.map(toRule);
  const vRules = rules.vertical.map(toRule);
  const tables = findLatticeCells(hRules, vRules);
  const margin = Math.round(dpi / 30);
  const tableBoxes = tables.map((t) => ({
    left: t.box.left * scale - margin,
    top: t.box.top * scale - margin,
    right: t.box.right * scale + margin,
    bottom: t.box.bottom * scale + margin,
  }));
  const inTable = (r: { at: number; from: number; to: number }, horizontal: boolean): boolean =>
    tableBoxes.some((b) =>
      horizontal
        ? r.at >= b.top && r.at <= b.bottom && r.from >= b.left && r.to <= b.right
        : r.at >= b.left && r.at <= b.right && r.from >= b.top && r.to <= b.bottom,
    );
  const tableRules = { horizontal: rules.horizontal.filter((r) => inTable(r, true)), vertical: rules.vertical.filter((r) => inTable(r, false)) };
  // Text is looked for with the table rules gone, so a border's remains never pass for a "1" or an "I";
  // rules elsewhere stay (a long stroke outside a table may belong to a large character).
  const mask: InkMask = { width: image.width, height: image.height, ink: eraseRules({ width: image.width, height: image.height, data: withRules.ink }, tableRules, 0) };

  const pending: Pending[] = [];
  const minHeight = Math.max(3, Math.round(dpi * 0.04));
  const minInk = Math.max(8, Math.round((dpi / 40) ** 2));
  for (const table of tables) {
    for (const cell of table.cells) {
      const area = inside(cell, scale, mask);
      if (!area) continue;
      const allowed = withoutRuleRemains(mask, area);
      for (const box of findTextLines(mask, area, { splitGap: 0.6, joinPieces: true, minInk, minHeight }, allowed)) pending.push({ box, cell: area });
    }
  }
  const outsideTables = (x: number, y: number): boolean => !tableBoxes.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
  const whole: InkBox = { left: 0, top: 0, right: image.width, bottom: image.height, ink: 0 };
  for (const box of findTextLines(mask, whole, { splitGap: 2.5, minInk, minHeight }, tableBoxes.length > 0 ? outsideTables : undefined)) {
    pending.push({ box });
  }

  const crops = pending.map((p) => padded(image, p.box, p.cell));
  const read = await recognizer.recognise(crops);
  const pieces: TextPiece[] = [];
  pending.forEach((p, k) => {
    const result = p.cell && readsAsNumber(read[k]!) ? read[k]!.digits : read[k]!;
    if (result.text === '') return;
    const height = (p.box.bottom - p.box.top) / scale;
    const ocr: OcrReading = { confidence: Math.round(result.confidence * 1000) / 1000 };
    // Every cell keeps its picture (small, and evidence for any check on it); lines only when doubtful.
    if (p.cell || isDoubtful(result.text, result.confidence)) ocr.image = toPngDataUrl(crops[k]!);
    pieces.push({
      text: result.text,
      x0: p.box.left / scale,
      x1: p.box.right / scale,
      top: p.box.top / scale,
      bottom: p.box.bottom / scale,
      size: height,
      ocr,
    });
  });
  return { width: image.width / scale, height: image.height / scale, pieces, hRules, vRules, skew: straight.angle };
}

/**
 * A cell read as digits, their look-alikes and specks (a lone "0" read as "O", "。", "0."): take the
 * digits-only reading. Not when it holds words, or a decimal point between digits, or the digits-only
 * reading finds nothing (a dash for "none").
 */
function readsAsNumber(read: RecognisedText): boolean {
  if (read.digits.text === '') return false;
  if (/\d\s*[.．]\s*\d/.test(read.text) || /%/.test(read.text)) return false;
  return !/[\u3400-\u9fffA-Za-z]/.test(read.text.replace(/[OoDQIl〇]/g, ''));
}

/** The inside of a cell in pixels, off its border lines; null when too small to hold text. */
function inside(cell: { left: number; top: number; right: number; bottom: number }, scale: number, mask: InkMask): InkBox | null {
  const inset = 2;
  const left = Math.max(0, Math.round(cell.left * scale) + inset);
  const top = Math.max(0, Math.round(cell.top * scale) + inset);
  const right = Math.min(mask.width, Math.round(cell.right * scale) - inset);
  const bottom = Math.min(mask.height, Math.round(cell.bottom * scale) - inset);
  return right - left > 4 && bottom - top > 4 ? { left, top, right, bottom, ink: 0 } : null;
}

/** Columns and rows of a cell that are mostly ink are what is left of its borders, not text. */
function withoutRuleRemains(mask: InkMask, area: InkBox): (x: number, y: number) => boolean {
  const w = area.right - area.left;
  const h = area.bottom - area.top;
  const badCols = new Set<number>();
  const badRows = new Set<number>();
  for (let x = area.left; x < area.right; x++) {
    let n = 0;
    for (let y = area.top; y < area.bottom; y++) n += mask.ink[y * mask.width + x]!;
    if (n > h * 0.6) badCols.add(x);
  }
  for (let y = area.top; y < area.bottom; y++) {
    let n = 0;
    for (let x = area.left; x < area.right; x++) n += mask.ink[y * mask.width + x]!;
    if (n > w * 0.6) badRows.add(y);
  }
  if (badCols.size === 0 && badRows.size === 0) return () => true;
  return (x, y) => !badCols.has(x) && !badRows.has(y);
}

/** The piece's image with a margin of paper around it, as the recogniser was trained on. */
function padded(image: GrayImage, box: InkBox, within?: InkBox): GrayImage {
  const pad = Math.max(2, Math.round((box.bottom - box.top) * 0.2));
  const limit = within ?? { left: 0, top: 0, right: image.width, bottom: image.height };
  return crop(image, Math.max(limit.left, box.left - pad), Math.max(limit.top, box.top - pad), Math.min(limit.right, box.right + pad), Math.min(limit.bottom, box.bottom + pad));
}
