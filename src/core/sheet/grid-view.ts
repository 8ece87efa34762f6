/** The three statistical tables as printed: every cell with its value, problem markers and correction flag. */
import type { CellCorrection } from '../../shared/api.ts';
import type { AuditResult, CellValue, Generation, Report, TableId } from '../../shared/model.ts';
import {
  activeGridLayout,
  activeTemplateFor,
  cellAddress,
  cellKey,
  REQUEST_COLUMN,
  REQUEST_COLUMNS,
  REQUEST_HEADER,
  REQUEST_ROW,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  reviewBlockName,
  reviewIndex,
  TABLE_TITLES,
} from '../../shared/template/index.ts';
import type { FindingView } from './finding-view.ts';
import { runCells, type RunCells } from '../../shared/run-cells.ts';
import { missingRequestRows } from '../../shared/missing-rows.ts';

export interface CellView {
  /** The value; 空 for a blank cell, 缺 for a cell of a row the report does not have, 待定 for an unsettled run. */
  text: string;
  /** value: a number; blank: not filled; none: the template has no cell here. */
  state: 'value' | 'blank' | 'none';
  /** Problem numbers whose evidence points at this cell. */
  markers: number[];
  corrected: boolean;
  /** The value was cut out of a run of digits written together by the table's arithmetic (one cut fitted). */
  recovered?: boolean;
  /** The cell stands in a run of digits with several possible cuts, not yet settled by the reviewer. */
  pending?: boolean;
  /** The report has no such row at all (not a blank cell). */
  missingRow?: boolean;
}

export interface GridRowView {
  label: string;
  indent: number;
  /** A heading row of the template with no cells (the results heading of 表三). */
  heading: boolean;
  cells: CellView[];
}

export interface GridView {
  id: TableId;
  title: string;
  labelHead: string;
  columns: string[];
  rows: GridRowView[];
  /** True when the report has no such table. */
  missing: boolean;
  note: string | null;
  /** Some values were cut out of runs of digits (marked ※) or wait for the reviewer's cut (待定). */
  runNote?: string;
}

function cellText(v: CellValue | undefined): CellView {
  if (v === null || v === undefined) return { text: '空', state: 'blank', markers: [], corrected: false };
  return { text: String(v), state: 'value', markers: [], corrected: false };
}

/** A cell of a 表三 row the report does not have: missing, not 0 and not a blank cell. */
export const MISSING_ROW_TEXT = '缺';

const NONE_CELL = (): CellView => ({ text: '', state: 'none', markers: [], corrected: false });

/** cellKey() of src/shared/template. */
type CellKey = string;

/** Which cells each numbered problem points at. */
function markerMap(views: FindingView[], result: AuditResult): Map<CellKey, number[]> {
  const map = new Map<CellKey, number[]>();
  const add = (key: CellKey, n: number): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(n)) list.push(n);
    map.set(key, list);
  };
  for (const v of views) {
    if (v.number === null) continue;
    for (const e of result.findings[v.index]?.evidence ?? []) {
      if (!e.table) continue;
      if (e.table === 'requests') {
        // A bad row points at its total; a bad column at its results' total cell; neither: no cell to mark.
        if (e.row === undefined && e.col === undefined) continue;
        add(cellKey({ table: 'requests', row: e.row ?? REQUEST_ROW.total, col: e.col ?? REQUEST_COLUMN.total }), v.number);
      } else {
        const address = cellAddress(e.table, e.row, e.col);
        if (address) add(cellKey(address), v.number);
      }
    }
  }
  return map;
}

function correctionSet(corrections: CellCorrection[] | undefined): Set<CellKey> {
  const set = new Set<CellKey>();
  for (const c of corrections ?? []) {
    set.add(cellKey(c.cell));
  }
  return set;
}

function decorate(cell: CellView, key: CellKey, markers: Map<CellKey, number[]>, corrected: Set<CellKey>, runs: RunCells): CellView {
  const out: CellView = { ...cell, markers: markers.get(key) ?? [], corrected: corrected.has(key) };
  if (!out.corrected && runs.recovered.has(key)) out.recovered = true;
  if (!out.corrected && runs.pending.has(key)) {
    out.pending = true;
    out.text = '待定';
  }
  return out;
}

function runNote(grid: GridView): GridView {
  const cells = grid.rows.flatMap((r) => r.cells);
  const notes = [
    cells.some((c) => c.recovered) ? '※ 原文各单元格数字连写，按表格勾稽关系唯一切分得出。' : '',
    cells.some((c) => c.pending) ? '“待定”：原文数字连写，有多种切分（或无一相符），待审核人员确认。' : '',
  ].filter(Boolean);
  return notes.length > 0 ? { ...grid, runNote: notes.join('') } : grid;
}

function activeGrid(report: Report | null, markers: Map<CellKey, number[]>, corrected: Set<CellKey>, runs: RunCells): GridView {
  const values = report?.tables.active ?? null;
  const generation: Generation | null = report?.generation ?? null;
  const layout = activeGridLayout(activeTemplateFor(generation, values?.length));
  return {
    id: 'active',
    title: TABLE_TITLES.active,
    labelHead: '信息内容',
    columns: layout.columns,
    missing: values === null,
    note: layout.columns.some((c) => c.includes(' / ')) ? '按2019年试行格式列示（各列依次为该行组别所示指标）。' : null,
    rows: layout.rows.map((r) => ({
      label: `${r.label}`,
      indent: 0,
      heading: false,
      cells: r.cells.map((index) =>
        index === null || values === null ? NONE_CELL() : decorate(cellText(values[index]), cellKey({ table: 'active', index }), markers, corrected, runs),
      ),
    })),
  };
}

function requestsGrid(report: Report | null, markers: Map<CellKey, number[]>, corrected: Set<CellKey>, runs: RunCells): GridView {
  const values = report?.tables.requests ?? null;
  const missing = missingRequestRows(report);
  const rows: GridRowView[] = [];
  REQUEST_ROWS.forEach((r, rowIndex) => {
    for (const h of r.before) rows.push({ label: h.label, indent: h.indent, heading: true, cells: [] });
    rows.push({
      label: r.label,
      indent: r.indent,
      heading: false,
      cells: REQUEST_COLUMNS.map((_, col) => {
        if (values === null) return NONE_CELL();
        const cell = decorate(cellText(values[rowIndex]?.[col]), cellKey({ table: 'requests', row: rowIndex, col }), markers, corrected, runs);
        return missing.has(rowIndex) ? { ...cell, text: MISSING_ROW_TEXT, missingRow: true } : cell;
      }),
    });
  });
  return { id: 'requests', title: TABLE_TITLES.requests, labelHead: REQUEST_HEADER.all, columns: [...REQUEST_COLUMNS], rows, missing: values === null, note: null };
}

function reviewGrid(report: Report | null, markers: Map<CellKey, number[]>, corrected: Set<CellKey>, runs: RunCells): GridView {
  const values = report?.tables.review ?? null;
  return {
    id: 'review',
    title: TABLE_TITLES.review,
    labelHead: '类别',
    columns: [...REVIEW_COLUMNS],
    missing: values === null,
    note: null,
    rows: REVIEW_BLOCKS.map((_, block) => ({
      label: reviewBlockName(block),
      indent: 0,
      heading: false,
      cells: REVIEW_COLUMNS.map((_, col) => {
        const index = reviewIndex(block, col);
        return values === null ? NONE_CELL() : decorate(cellText(values[index]), cellKey({ table: 'review', index }), markers, corrected, runs);
      }),
    })),
  };
}

export function tableViews(result: AuditResult, views: FindingView[], corrections?: CellCorrection[]): GridView[] {
  const markers = markerMap(views, result);
  const corrected = correctionSet(corrections);
  const runs = runCells(result.report);
  const grids = [activeGrid(result.report, markers, corrected, runs), requestsGrid(result.report, markers, corrected, runs), reviewGrid(result.report, markers, corrected, runs)];
  return grids.map(runNote);
}
