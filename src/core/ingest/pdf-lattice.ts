/**
 * Ruled tables ("lattice", as pdfplumber/Camelot call it): the drawn cell borders give the grid;
 * cells without a border between them are merged; text pieces are dropped into the cells they sit in.
 */
import type { Rule, TextPiece } from './pdf-page.ts';
import type { OcrReading } from '../../shared/model.ts';
import { groupLines, joinLines } from './pdf-text.ts';

export interface GridCell {
  text: string;
  /** Set when the text was read by OCR: the least certain of its pieces, and its picture when one piece. */
  ocr?: OcrReading;
  /** True for the copies of a merged cell (every grid position but its top-left one). */
  spanned: boolean;
}

export interface GridTable {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** One entry per grid row that holds any text; every row has the same width. */
  rows: GridCell[][];
  /** Top y of each kept row, for ordering and page positions. */
  rowTops: number[];
}

export interface LatticeResult {
  tables: GridTable[];
  /** Pieces that fell in no table. */
  rest: TextPiece[];
}

/** Distance within which rule positions are one line, and rules touch each other. */
const SNAP = 2;

/** Merges rules on the same line whose intervals overlap or nearly touch. */
export function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.at - sorted[i]!.at <= SNAP) j++;
    const band = sorted.slice(i, j + 1).sort((a, b) => a.from - b.from);
    const at = band.reduce((s, r) => s + r.at, 0) / band.length;
    let cur: Rule | undefined;
    for (const r of band) {
      if (cur && r.from <= cur.to + SNAP) cur.to = Math.max(cur.to, r.to);
      else {
        if (cur) out.push(cur);
        cur = { at, from: r.from, to: r.to };
      }
    }
    if (cur) out.push(cur);
    i = j + 1;
  }
  return out.filter((r) => r.to - r.from >= 3);
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(a: number): number {
    let r = a;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[a] !== r) {
      const next = this.parent[a]!;
      this.parent[a] = r;
      a = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Sorted distinct positions, values closer than SNAP merged. */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - group[0]! > SNAP) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Index k such that edges[k] <= v < edges[k+1], or -1 outside. */
function slot(edges: readonly number[], v: number): number {
  if (v < edges[0]! || v >= edges[edges.length - 1]!) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function nearest(edges: readonly number[], v: number): number {
  let best = 0;
  for (let k = 1; k < edges.length; k++) if (Math.abs(edges[k]! - v) < Math.abs(edges[best]! - v)) best = k;
  return best;
}

/** Does some rule of `rules` cover most of the span [a, b]? */
function covers(rules: readonly Rule[] | undefined, a: number, b: number): boolean {
  if (!rules) return false;
  const need = (b - a) * 0.6;
  for (const r of rules) if (Math.min(r.to, b) - Math.max(r.from, a) >= need) return true;
  return false;
}

/** A cell of a ruled table (merged cells as one), for reading a scanned table cell by cell. */
export interface LatticeCell {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The cells of each ruled table the rules draw, top-left to bottom-right (merged cells once). */
export function findLatticeCells(hRaw: readonly Rule[], vRaw: readonly Rule[]): { box: LatticeCell; cells: LatticeCell[] }[] {
  return buildGrids(hRaw, vRaw).map((grid) => {
    const regions = new Map<number, LatticeCell>();
    for (let i = 0; i < grid.nr; i++) {
      for (let j = 0; j < grid.nc; j++) {
        const root = grid.cells.find(i * grid.nc + j);
        const box = { left: grid.xs[j]!, top: grid.ys[i]!, right: grid.xs[j + 1]!, bottom: grid.ys[i + 1]! };
        const seen = regions.get(root);
        if (!seen) regions.set(root, box);
        else {
          seen.left = Math.min(seen.left, box.left);
          seen.top = Math.min(seen.top, box.top);
          seen.right = Math.max(seen.right, box.right);
          seen.bottom = Math.max(seen.bottom, box.bottom);
        }
      }
    }
    const box = { left: grid.xs[0]!, top: grid.ys[0]!, right: grid.xs[grid.nc]!, bottom: grid.ys[grid.nr]! };
    return { box, cells: [...regions.values()] };
  });
}

function buildGrids(hRaw: readonly Rule[], vRaw: readonly Rule[]): Grid[] {
  const h = mergeRules(hRaw);
  const v = mergeRules(vRaw);
  if (h.length < 2 || v.length < 2) return [];

  // Connected groups of touching rules are candidate tables. H×V per page is small (≤ a few hundred each).
  const uf = new UnionFind(h.length + v.length);
  for (let a = 0; a < h.length; a++) {
    const hr = h[a]!;
    for (let b = 0; b < v.length; b++) {
      const vr = v[b]!;
      if (vr.at >= hr.from - SNAP && vr.at <= hr.to + SNAP && hr.at >= vr.from - SNAP && hr.at <= vr.to + SNAP) {
        uf.union(a, h.length + b);
      }
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  for (let a = 0; a < h.length + v.length; a++) {
    const root = uf.find(a);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (a < h.length) g.h.push(h[a]!);
    else g.v.push(v[a - h.length]!);
  }

  return [...groups.values()]
    .filter((g) => g.h.length >= 2 && g.v.length >= 2)
    .map(buildGrid)
    .filter((g): g is Grid => g !== null);
}

export function findLatticeTables(pieces: readonly TextPiece[], hRaw: readonly Rule[], vRaw: readonly Rule[]): LatticeResult {
  const grids = buildGrids(hRaw, vRaw);
  if (grids.length === 0) return { tables: [], rest: [...pieces] };

  const rest: TextPiece[] = [];
  const cellPieces = grids.map((g) => new Map<number, TextPiece[]>());
  for (const p of pieces) {
    const cx = (p.x0 + p.x1) / 2;
    const cy = (p.top + p.bottom) / 2;
    const gi = grids.findIndex((g) => cx >= g.xs[0]! - 1 && cx <= g.xs[g.xs.length - 1]! + 1 && cy >= g.ys[0]! - 1 && cy <= g.ys[g.ys.length - 1]! + 1);
    if (gi < 0) {
      rest.push(p);
      continue;
    }
    const grid = grids[gi]!;
    const bucket = cellPieces[gi]!;
    const row = Math.max(0, slot(grid.ys, Math.min(cy, grid.ys[grid.ys.length - 1]! - 0.01)));
    for (const part of splitAcrossColumns(p, grid, row)) {
      const pcx = (part.x0 + part.x1) / 2;
      const col = Math.max(0, slot(grid.xs, Math.min(Math.max(pcx, grid.xs[0]!), grid.xs[grid.xs.length - 1]! - 0.01)));
      const region = grid.cells.find(row * grid.nc + col);
      let list = bucket.get(region);
      if (!list) bucket.set(region, (list = []));
      list.push(part);
    }
  }

  const tables = grids.map((g, gi) => toTable(g, cellPieces[gi]!)).filter((t) => t.rows.length > 0);
  return { tables, rest };
}

interface Grid {
  xs: number[];
  ys: number[];
  nc: number;
  nr: number;
  cells: UnionFind;
  /** Column boundaries present per row: vWall[row * (nc + 1) + k] for the line at xs[k]. */
  vWall: Uint8Array;
}

function buildGrid(g: { h: Rule[]; v: Rule[] }): Grid | null {
  const xs = clusterPositions(g.v.map((r) => r.at));
  const ys = clusterPositions(g.h.map((r) => r.at));
  if (xs.length < 2 || ys.length < 2) return null;
  // A table cut by a page break often has no border on the cut side: the column rules run past the last
  // horizontal rule. Close the grid there so the last (or first) row is not lost to the body text.
  const vBottom = openEnd(g.v, ys[ys.length - 1]!, 1);
  const vTop = openEnd(g.v, ys[0]!, -1);
  if (vBottom !== null) ys.push(vBottom);
  if (vTop !== null) ys.unshift(vTop);
  const nc = xs.length - 1;
  const nr = ys.length - 1;
  const vByX = new Map<number, Rule[]>();
  for (const r of g.v) {
    const k = nearest(xs, r.at);
    vByX.set(k, [...(vByX.get(k) ?? []), r]);
  }
  const hByY = new Map<number, Rule[]>();
  for (const r of g.h) {
    const k = nearest(ys, r.at);
    hByY.set(k, [...(hByY.get(k) ?? []), r]);
  }
  const cells = new UnionFind(nr * nc);
  const vWall = new Uint8Array(nr * (nc + 1));
  for (let i = 0; i < nr; i++) {
    for (let k = 0; k <= nc; k++) {
      if (covers(vByX.get(k), ys[i]!, ys[i + 1]!)) vWall[i * (nc + 1) + k] = 1;
    }
    for (let j = 0; j + 1 < nc; j++) {
      if (!vWall[i * (nc + 1) + j + 1]) cells.union(i * nc + j, i * nc + j + 1);
    }
  }
  for (let i = 0; i + 1 < nr; i++) {
    const rules = hByY.get(i + 1);
    for (let j = 0; j < nc; j++) {
      if (!covers(rules, xs[j]!, xs[j + 1]!)) cells.union(i * nc + j, (i + 1) * nc + j);
    }
  }
  return { xs, ys, nc, nr, cells, vWall };
}

/**
 * Where the column rules of a table cut by a page break end past its last (direction 1) or first (-1)
 * horizontal rule, or null when the table is closed there. Most of the columns run on at a cut; one
 * column rule that seems to (a scanned border running into a stroke of the heading under the table) does
 * not make the text below a row of the table.
 */
function openEnd(v: readonly Rule[], edge: number, direction: 1 | -1): number | null {
  const end = (r: Rule): number => (direction === 1 ? r.to : r.from);
  const reaching = v.filter((r) => (end(r) - edge) * direction >= -SNAP);
  const past = reaching.filter((r) => (end(r) - edge) * direction > 4);
  if (past.length < 2 || past.length * 2 < reaching.length) return null;
  const ends = past.map(end);
  return direction === 1 ? Math.max(...ends) : Math.min(...ends);
}

/**
 * pdf.js sometimes returns text from neighbouring cells as one piece ("0   0"): cut a piece that crosses
 * a drawn column border into per-column parts, spreading its characters evenly over its width.
 */
function splitAcrossColumns(p: TextPiece, grid: Grid, row: number): TextPiece[] {
  const cuts: number[] = [];
  for (let k = 1; k < grid.nc; k++) {
    const x = grid.xs[k]!;
    if (x > p.x0 + 1 && x < p.x1 - 1 && grid.vWall[row * (grid.nc + 1) + k]) cuts.push(x);
  }
  if (cuts.length === 0) return [p];
  const chars = [...p.text];
  const step = (p.x1 - p.x0) / chars.length;
  const parts: TextPiece[] = [];
  let start = 0;
  let bound = 0;
  for (let c = 0; c <= chars.length; c++) {
    const mid = p.x0 + (c + 0.5) * step;
    const atEnd = c === chars.length;
    if (atEnd || (bound < cuts.length && mid > cuts[bound]!)) {
      if (c > start) {
        parts.push({ ...p, text: chars.slice(start, c).join(''), x0: p.x0 + start * step, x1: p.x0 + c * step });
      }
      start = c;
      while (!atEnd && bound < cuts.length && mid > cuts[bound]!) bound++;
    }
  }
  return parts.filter((part) => part.text.trim() !== '');
}

function toTable(grid: Grid, bucket: Map<number, TextPiece[]>): GridTable {
  const texts = new Map<number, string>();
  const readings = new Map<number, OcrReading>();
  for (const [region, list] of bucket) {
    texts.set(region, joinLines(groupLines(list)));
    const reading = combinedReading(list);
    if (reading) readings.set(region, reading);
  }
  const rows: GridCell[][] = [];
  const rowTops: number[] = [];
  for (let i = 0; i < grid.nr; i++) {
    const row: GridCell[] = [];
    let any = false;
    for (let j = 0; j < grid.nc; j++) {
      const id = i * grid.nc + j;
      const region = grid.cells.find(id);
      const text = texts.get(region) ?? '';
      // The union-find root is the smallest index of the region: its top-left cell.
      const spanned = region !== id;
      const ocr = spanned ? undefined : readings.get(region);
      row.push(ocr ? { text, spanned, ocr } : { text, spanned });
      // Rows made only of copies of merged cells (a border that crosses part of the table) add nothing.
      if (text !== '' && !spanned) any = true;
    }
    if (any) {
      rows.push(row);
      rowTops.push(grid.ys[i]!);
    }
  }
  return {
    left: grid.xs[0]!,
    right: grid.xs[grid.xs.length - 1]!,
    top: grid.ys[0]!,
    bottom: grid.ys[grid.ys.length - 1]!,
    rows,
    rowTops,
  };
}

/** The OCR reading of a cell made of `pieces`: the least certain piece's confidence; the picture of a one-piece cell. */
function combinedReading(pieces: readonly TextPiece[]): OcrReading | undefined {
  const read = pieces.filter((p) => p.ocr);
  if (read.length === 0) return undefined;
  const confidence = Math.min(...read.map((p) => p.ocr!.confidence));
  const image = read.length === 1 ? read[0]!.ocr!.image : undefined;
  return image ? { confidence, image } : { confidence };
}
