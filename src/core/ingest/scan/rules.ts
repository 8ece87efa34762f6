import { binarizeAdaptive, smoothAlong, type GrayImage } from './gray-image.ts';

/**
 * Table rulings in a page image: long straight runs of ink, horizontal and vertical, as the segments
 * pdf-lattice.ts builds the grid from (the same code that reads vector-drawn tables).
 */

export interface PixelRule {
  /** y of a horizontal rule, x of a vertical one (pixels, centre of its thickness). */
  at: number;
  from: number;
  to: number;
  /** Pixels across. */
  thickness: number;
}

export interface InkMask {
  width: number;
  height: number;
  /** 1 = ink. */
  ink: Uint8Array;
}

/**
 * Runs of ink at least `minLength` long along each row (or column), allowing gaps of `maxGap` (noise, a
 * faint print), then runs on neighbouring rows that overlap joined into one rule of some thickness.
 */
function findRuns(mask: InkMask, horizontal: boolean, minLength: number, maxGap: number): PixelRule[] {
  const lines = horizontal ? mask.height : mask.width;
  const length = horizontal ? mask.width : mask.height;
  const at = (line: number, k: number): number =>
    horizontal ? mask.ink[line * mask.width + k]! : mask.ink[k * mask.width + line]!;
  const rules: PixelRule[] = [];
  // Open rules from the previous line(s): extended while the next line has an overlapping run.
  let open: { first: number; last: number; from: number; to: number }[] = [];
  const close = (r: { first: number; last: number; from: number; to: number }): void => {
    rules.push({ at: (r.first + r.last) / 2, from: r.from, to: r.to, thickness: r.last - r.first + 1 });
  };
  for (let line = 0; line < lines; line++) {
    const runs: [number, number][] = [];
    let start = -1;
    let lastInk = -1;
    for (let k = 0; k <= length; k++) {
      const ink = k < length && at(line, k) === 1;
      if (ink) {
        if (start < 0) start = k;
        lastInk = k;
      } else if (start >= 0 && k - lastInk > maxGap) {
        if (lastInk - start + 1 >= minLength) runs.push([start, lastInk + 1]);
        start = -1;
      }
    }
    const next: typeof open = [];
    for (const [from, to] of runs) {
      const joined = open.find((r) => r.last === line - 1 && Math.min(r.to, to) - Math.max(r.from, from) > (to - from) / 2);
      if (joined) {
        joined.last = line;
        joined.from = Math.min(joined.from, from);
        joined.to = Math.max(joined.to, to);
        if (!next.includes(joined)) next.push(joined);
      } else next.push({ first: line, last: line, from, to });
    }
    for (const r of open) if (!next.includes(r)) close(r);
    open = next;
  }
  for (const r of open) close(r);
  // A rule is thin; a thick band of ink is a picture, a seal or a black bar.
  return rules;
}

/**
 * Pieces of one rule broken by a faint stretch of the scan (a gap of up to `bridge` pixels, the pieces
 * on the same line within their thickness) become one rule again: a broken border would merge cells.
 */
function joinCollinear(rules: PixelRule[], bridge: number): PixelRule[] {
  const sorted = [...rules].sort((a, b) => a.from - b.from);
  const out: PixelRule[] = [];
  for (const r of sorted) {
    const near = out.find((o) => Math.abs(o.at - r.at) <= Math.max(2, (o.thickness + r.thickness) / 2) && r.from <= o.to + bridge && r.to >= o.from - bridge);
    if (near) {
      const length = near.to - near.from;
      const added = r.to - r.from;
      near.at = (near.at * length + r.at * added) / Math.max(1, length + added);
      near.from = Math.min(near.from, r.from);
      near.to = Math.max(near.to, r.to);
      near.thickness = Math.max(near.thickness, r.thickness);
    } else out.push({ ...r });
  }
  return out;
}

export interface PageRules {
  horizontal: PixelRule[];
  vertical: PixelRule[];
}

/**
 * Horizontal rules are runs longer than any character stroke (0.4 inch); vertical ones may be as
 * short as one table row, so short vertical runs count only where both ends meet a horizontal rule
 * (a character's vertical strokes do not).
 */
export function findRules(image: GrayImage, dpi: number): PageRules {
  // Horizontal rules on a copy smoothed along the rows: scanner grain and breaks in a faint line average out
  // while a character's short strokes fade. Vertical ones on the plain image: smoothed down the columns,
  // a vertically written label (one character under another) would pass for a rule.
  const window = Math.round(dpi / 10);
  const rows: InkMask = { width: image.width, height: image.height, ink: binarizeAdaptive(smoothAlong(image, true, Math.max(2, Math.round(dpi / 50))), window, 12) };
  const plain: InkMask = { width: image.width, height: image.height, ink: binarizeAdaptive(image, window, 20) };
  return findRulesIn(rows, plain, dpi);
}

function findRulesIn(hMask: InkMask, vMask: InkMask, dpi: number): PageRules {
  const gap = Math.max(1, Math.round(dpi / 75));
  const bridge = Math.round(dpi / 20);
  // Longer than a large bold character's stroke (a 26 pt title character is 0.36 inch wide).
  const horizontal = joinCollinear(findRuns(hMask, true, Math.round(dpi * 0.25), gap), bridge).filter(
    (r) => r.to - r.from >= dpi * 0.4 && !runsThroughText(vMask, r, dpi),
  );
  const verticalAll = joinCollinear(findRuns(vMask, false, Math.round(dpi * 0.1), gap), bridge);
  const reach = dpi / 25;
  const meets = (y: number, x: number): boolean =>
    horizontal.some((h) => Math.abs(h.at - y) <= reach && x >= h.from - reach && x <= h.to + reach);
  const vertical = verticalAll.filter((v) => v.to - v.from >= dpi * 0.6 || (meets(v.from, v.at) && meets(v.to, v.at)));
  return { horizontal, vertical };
}

/**
 * The strokes of a line of text line up across its characters (the tops of 五、存、在、主、要 …) and,
 * smoothed along the row, pass for a rule. A rule has paper beside it over most of its length (ink only
 * where a border crosses it or a cell's text comes close); such a stroke has the rest of its characters
 * just above or below it nearly all along. The heading under a table must not become the table's last row.
 */
function runsThroughText(mask: InkMask, rule: PixelRule, dpi: number): boolean {
  const half = Math.ceil(rule.thickness / 2) + 1;
  const reach = Math.max(3, Math.round(dpi / 20));
  const { width, height, ink } = mask;
  const inkAt = (x: number, y: number): number => (y >= 0 && y < height ? ink[y * width + x]! : 0);
  let near = 0;
  let columns = 0;
  for (let x = Math.max(0, Math.round(rule.from)); x < Math.min(width, rule.to); x++) {
    columns++;
    // Any ink in the band above or below (scanner specks add a little to a real rule).
    let above = 0;
    let below = 0;
    for (let d = half + 1; d <= half + reach; d++) {
      above += inkAt(x, Math.round(rule.at - d));
      below += inkAt(x, Math.round(rule.at + d));
    }
    if (above > 0 || below > 0) near++;
  }
  return columns > 0 && near / columns >= TEXT_STROKE_NEAR_INK;
}

/** Share of a horizontal run's length with ink right beside it above which it is text, not a rule (measured on the scans and noisy renderings: rules ≤ 0.28, strokes of text ≥ 0.40). */
const TEXT_STROKE_NEAR_INK = 0.35;

/** The image with its rules painted over in paper white, so cell pictures hold only their text. */
export function eraseRules(image: { width: number; height: number; data: Uint8Array }, rules: PageRules, paper = 255): Uint8Array {
  const out = new Uint8Array(image.data);
  const paint = (x0: number, x1: number, y0: number, y1: number): void => {
    for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
      out.fill(paper, y * image.width + Math.max(0, x0), y * image.width + Math.min(image.width, x1));
    }
  };
  for (const r of rules.horizontal) {
    const half = Math.ceil(r.thickness / 2) + 1;
    paint(r.from, r.to, Math.floor(r.at - half), Math.ceil(r.at + half) + 1);
  }
  for (const r of rules.vertical) {
    const half = Math.ceil(r.thickness / 2) + 1;
    paint(Math.floor(r.at - half), Math.ceil(r.at + half) + 1, r.from, r.to);
  }
  return out;
}
