/**
 * Borderless tables ("stream", as Camelot calls it): value columns found by clustering the x positions of
 * numbers, rows anchored on the lines that carry numbers; wrapped label lines join the nearest row.
 * Used only for text the ruled-table reader (pdf-lattice.ts) did not claim.
 */
import type { TextPiece } from './pdf-page.ts';
import type { GridCell, GridTable } from './pdf-lattice.ts';
import { groupLines, joinPieces, joinTouching, type TextLine } from './pdf-text.ts';

const NUMBER = /^[-−+]?\d[\d,]*(?:\.\d+)?%?$/;
/** Blank-cell fillers that sit in value columns. */
const FILLER = /^[/／\-—–－]$|^无$/;

/** A run of text on one line, cut where the gaps are. */
interface Segment extends TextPiece {
  numeric: boolean;
  /** Empty space before this segment on its line (Infinity for the first). */
  gapBefore: number;
}

/** A part heading ("四、政府信息公开…情况") is never inside a table. */
const PART_HEADING = /^[一二三四五六七八九十]{1,2}、.{2,30}(?:情况|事项)$/;

interface StreamLine {
  line: TextLine;
  segments: Segment[];
  data: boolean;
}

/** Cuts a piece holding several numbers ("14   0  0") into one piece per number. */
function splitNumberRuns(p: TextPiece): TextPiece[] {
  const tokens = p.text.trim().split(/\s+/);
  if (tokens.length < 2 || !tokens.every((t) => NUMBER.test(t))) return [p];
  const chars = p.text.length;
  const step = (p.x1 - p.x0) / chars;
  const out: TextPiece[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(p.text)) !== null) {
    out.push({ ...p, text: m[0], x0: p.x0 + m.index * step, x1: p.x0 + (m.index + m[0].length) * step });
  }
  return out;
}

/** Pieces of a line separated by wide gaps are separate cells. */
function toSegments(line: TextLine): Segment[] {
  const pieces = line.pieces.flatMap(splitNumberRuns);
  const segments: Segment[] = [];
  let group: TextPiece[] = [];
  const close = (): void => {
    if (group.length === 0) return;
    const text = joinPieces(group);
    const before = segments[segments.length - 1];
    segments.push({
      gapBefore: before ? group[0]!.x0 - before.x1 : Infinity,
      text,
      x0: group[0]!.x0,
      x1: Math.max(...group.map((g) => g.x1)),
      top: Math.min(...group.map((g) => g.top)),
      bottom: Math.max(...group.map((g) => g.bottom)),
      size: Math.max(...group.map((g) => g.size)),
      numeric: NUMBER.test(text),
    });
    group = [];
  };
  for (const p of pieces) {
    const prev = group[group.length - 1];
    // Running text comes as touching pieces; any visible gap is a cell boundary in a table line.
    const wide = prev !== undefined && p.x0 - prev.x1 > 0.5 * Math.min(prev.size, p.size);
    const numberBoundary = prev !== undefined && (NUMBER.test(p.text.trim()) || NUMBER.test(prev.text.trim())) && p.x0 - prev.x1 > 0.2 * p.size;
    if (wide || numberBoundary) close();
    group.push(p);
  }
  close();
  return segments;
}

function isDataLine(segments: readonly Segment[]): boolean {
  // Numbers inside running text touch their neighbours; values in a table stand a column gap apart.
  const numeric = segments.filter((s) => s.numeric && s.gapBefore >= 1.0 * s.size).length;
  if (numeric >= 2) return true;
  // One value after a label ("规章   447228"); a long label may leave only a narrow gap.
  const last = segments[segments.length - 1]!;
  return segments.length >= 2 && last.numeric && last.gapBefore >= 0.3 * last.size && numeric <= 1;
}

export function findStreamTables(pieces: readonly TextPiece[]): { tables: GridTable[]; rest: TextPiece[] } {
  const lines: StreamLine[] = groupLines(pieces).map((line) => {
    const segments = toSegments(line);
    return { line, segments, data: isDataLine(segments) };
  });
  const tables: GridTable[] = [];
  const claimed = new Set<StreamLine>();
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.data) {
      i++;
      continue;
    }
    // A run of data lines, allowing a few wrapped-label lines between them.
    let end = i;
    let k = i + 1;
    while (k < lines.length) {
      if (lines[k]!.data) {
        const gap = lines[k]!.line.top - lines[end]!.line.bottom;
        if (gap > 8 * lines[k]!.line.size || k - end > 5) break;
        end = k;
      }
      k++;
    }
    const core = lines.slice(i, end + 1);
    const single = core.filter((l) => l.data);
    if (single.length < 2 && !(single.length === 1 && single[0]!.segments.filter((s) => s.numeric).length >= 3)) {
      i = end + 1;
      continue;
    }
    const table = buildTable(lines, i, end);
    for (const l of table.used) claimed.add(l);
    tables.push(table.grid);
    i = end + 1;
  }
  const rest = lines.filter((l) => !claimed.has(l)).flatMap((l) => l.line.pieces);
  return { tables, rest };
}

interface Cluster {
  x0: number;
  x1: number;
}

function clusterColumns(segments: readonly Segment[]): Cluster[] {
  const sorted = [...segments].sort((a, b) => a.x0 - b.x0);
  const clusters: Cluster[] = [];
  for (const s of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && s.x0 <= last.x1 + 0.5 * s.size) last.x1 = Math.max(last.x1, s.x1);
    else clusters.push({ x0: s.x0, x1: s.x1 });
  }
  return clusters;
}

function buildTable(lines: readonly StreamLine[], start: number, end: number): { grid: GridTable; used: StreamLine[] } {
  const dataLines = lines.slice(start, end + 1).filter((l) => l.data);
  const size = dataLines[0]!.line.size;
  const columns = clusterColumns(dataLines.flatMap((l) => l.segments.filter((s) => s.numeric)));
  const labelEdge = columns[0]!.x0 - 0.5 * size;

  // Header lines above: multi-cell lines or lines sitting over the value columns, at table spacing.
  let first = start;
  while (first > 0) {
    const prev = lines[first - 1]!;
    const gap = lines[first]!.line.top - prev.line.bottom;
    if (gap > 2.5 * size) break;
    const tabular = prev.segments.length >= 2 || prev.line.x0 >= labelEdge - size;
    if (!tabular || prev.data || PART_HEADING.test(prev.line.text)) break;
    first--;
  }
  // Wrapped label lines below the last values (vertically centred values sit above them).
  let last = end;
  while (last + 1 < lines.length) {
    const next = lines[last + 1]!;
    const labelOnly = next.segments.every((s) => s.x1 <= labelEdge + size && !s.numeric);
    if (next.data || !labelOnly || PART_HEADING.test(next.line.text) || next.line.top - lines[last]!.line.bottom > 0.8 * size) break;
    last++;
  }
  const region = lines.slice(first, last + 1);

  // Label sub-columns: where label-area segments start.
  const labelSegs = region.flatMap((l) => l.segments.filter((s) => s.x1 <= labelEdge + size && s.x0 < labelEdge));
  const labelCols = clusterStarts(labelSegs.map((s) => s.x0), size);
  const width = labelCols.length + columns.length;
  const colOf = (s: Segment): number => {
    if (s.x0 < labelEdge && s.x1 <= labelEdge + size) return nearestIndex(labelCols, s.x0);
    // Text wider than its column (a header) belongs where it starts, if it starts inside a column.
    const startCol = columns.findIndex((col) => s.x0 >= col.x0 - 0.5 * s.size && s.x0 <= col.x1);
    if (startCol >= 0 && !s.numeric) return labelCols.length + startCol;
    const cx = (s.x0 + s.x1) / 2;
    let best = 0;
    for (let c = 1; c < columns.length; c++) {
      const col = columns[c]!;
      const prev = columns[best]!;
      const d = cx < col.x0 ? col.x0 - cx : cx > col.x1 ? cx - col.x1 : 0;
      const dp = cx < prev.x0 ? prev.x0 - cx : cx > prev.x1 ? cx - prev.x1 : 0;
      if (d < dp) best = c;
    }
    return labelCols.length + best;
  };

  // Rows: data lines anchor rows; label-only lines join the nearest anchor close enough; others stand alone.
  interface Row {
    top: number;
    center: number;
    parts: Segment[];
  }
  const rows: Row[] = [];
  const anchors: Row[] = [];
  const loose: StreamLine[] = [];
  for (const l of region) {
    const center = (l.line.top + l.line.bottom) / 2;
    const labelOnly = l.segments.every((s) => s.x1 <= labelEdge + size && !s.numeric);
    if (l.data || !labelOnly || l.line.top < (dataLines[0]!.line.top ?? 0)) {
      const row = { top: l.line.top, center, parts: [...l.segments] };
      rows.push(row);
      if (l.data) anchors.push(row);
    } else {
      loose.push(l);
    }
  }
  // A wrapped label line sits closer to its row's values than rows sit to each other.
  const pitches = anchors.slice(1).map((a, k) => a.center - anchors[k]!.center).sort((a, b) => a - b);
  const pitch = pitches.length > 0 ? pitches[Math.floor(pitches.length / 2)]! : Infinity;
  const reach = Math.min(2.1 * size, 0.9 * pitch);
  for (const l of loose) {
    const center = (l.line.top + l.line.bottom) / 2;
    let best: Row | undefined;
    for (const a of anchors) {
      const d = Math.abs(a.center - center);
      // Ties go to the row below: a wrapped label starts above its vertically centred values.
      if (d <= reach && (!best || d < Math.abs(best.center - center) - 0.01 || (Math.abs(d - Math.abs(best.center - center)) <= 0.01 && a.center > best.center))) best = a;
    }
    if (best) best.parts.push(...l.segments);
    else rows.push({ top: l.line.top, center, parts: [...l.segments] });
  }
  rows.sort((a, b) => a.center - b.center);

  const gridRows: GridCell[][] = rows.map((row) => {
    const texts: string[] = new Array<string>(width).fill('');
    const parts = [...row.parts].sort((a, b) => a.top - b.top || a.x0 - b.x0);
    for (const s of parts) {
      const c = colOf(s);
      texts[c] = joinTouching(texts[c]!, FILLER.test(s.text) || s.numeric ? s.text : s.text, true);
    }
    return texts.map((text) => ({ text, spanned: false }));
  });
  const all = region.flatMap((l) => l.segments);
  return {
    grid: {
      left: Math.min(...all.map((s) => s.x0)),
      right: Math.max(...all.map((s) => s.x1)),
      top: region[0]!.line.top,
      bottom: region[region.length - 1]!.line.bottom,
      rows: gridRows,
      rowTops: rows.map((r) => r.top),
    },
    used: region,
  };
}

function clusterStarts(values: number[], size: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > size) out.push(v);
  }
  return out.length > 0 ? out : [0];
}

function nearestIndex(values: readonly number[], v: number): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (Math.abs(values[k]! - v) < Math.abs(values[best]! - v)) best = k;
  return best;
}
