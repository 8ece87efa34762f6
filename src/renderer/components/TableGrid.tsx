/**
 * The three statistical tables as grids in template layout. Cells named by evidence are marked; a click on a
 * cell (or Enter) asks to correct a mis-read value. Blank cells show 空.
 */
import { Fragment } from 'react';
import type { CellCorrection } from '../../shared/api.ts';
import type { CellValue, Generation, ReportTables, TableId } from '../../shared/model.ts';
import type { CellMark } from '../evidence.ts';
import type { RunCells } from '../../shared/run-cells.ts';
import {
  activeGridLayout,
  activeTemplateFor,
  cellKey,
  cellLabel,
  cellValueAt,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  reviewBlockName,
  reviewIndex,
  sameCell,
  TABLE_TITLES,
  type CellAddress,
} from '../labels.ts';

export interface CellTarget {
  cell: CellAddress;
  value: CellValue;
  label: string;
}

export interface GridProps {
  tables: ReportTables;
  generation: Generation | null;
  marks?: Map<string, CellMark>;
  corrections?: CellCorrection[];
  onCell?: (target: CellTarget) => void;
  /** Cells cut out of runs of digits written together (recovered) or waiting for the reviewer's cut (pending). */
  runs?: RunCells;
  /** Prefix for DOM ids so two reports can be shown side by side. */
  idPrefix: string;
  /** 表三 rows the report does not have at all (shared/missing-rows): shown as 缺, not as blank cells. */
  missingRows?: ReadonlySet<number>;
}

function formatValue(value: CellValue | undefined, pending = false, missingRow = false): string {
  if (pending) return '待定';
  if (missingRow && value === null) return '缺';
  if (value === undefined) return '';
  if (value === null) return '空';
  return String(value);
}

function Cell({ cell, props }: { cell: CellAddress; props: GridProps }) {
  const value = cellValueAt(props.tables, cell);
  if (value === undefined) return <td className="cell none" />;
  const key = cellKey(cell);
  const label = cellLabel(cell, props.generation, props.tables.active?.length);
  const mark = props.marks?.get(key);
  const correction = props.corrections?.filter((c) => sameCell(c.cell, cell)).at(-1);
  const recovered = !correction && props.runs?.recovered.has(key);
  const pending = !correction && props.runs?.pending.has(key);
  const missingRow = cell.table === 'requests' && value === null && (props.missingRows?.has(cell.row) ?? false);
  const classes = ['cell', mark ? `mark-${mark.tone}` : '', value === null && !pending ? 'blank' : '', missingRow ? 'missing-row' : '', correction ? 'corrected' : '', recovered ? 'recovered' : '', pending ? 'pending' : '']
    .filter(Boolean)
    .join(' ');
  const title = [
    label,
    correction ? `已更正：原读作 ${formatValue(correction.before)}（${correction.reviewer}：${correction.reason}）` : '',
    recovered ? '原文数字连写，按表格勾稽关系唯一切分得出' : '',
    pending ? '原文数字连写，有多种切分，待选定' : '',
    missingRow ? '报告中没有这一行' : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <td className={classes} id={`${props.idPrefix}${key}`} data-cell={key} title={title}>
      {props.onCell ? (
        <button type="button" className="cell-button" aria-label={`${label}：${formatValue(value, pending, missingRow)}，点击更正`} onClick={() => props.onCell!({ cell, value, label })}>
          {formatValue(value, pending, missingRow)}
        </button>
      ) : (
        formatValue(value, pending, missingRow)
      )}
    </td>
  );
}

function ActiveTable(props: GridProps) {
  const values = props.tables.active;
  if (!values) return <MissingTable table="active" />;
  const layout = activeGridLayout(activeTemplateFor(props.generation, values.length));
  return (
    <table className="grid report-table" aria-label={TABLE_TITLES.active}>
      <caption>{TABLE_TITLES.active}</caption>
      <thead>
        <tr>
          <th>项目</th>
          {layout.columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {layout.rows.map((row) => (
          <tr key={row.label}>
            <th className="row-label" title={row.group}>
              {row.label}
            </th>
            {row.cells.map((index, c) => (index === null ? <td key={c} className="cell none" /> : <Cell key={c} cell={{ table: 'active', index }} props={props} />))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RequestsTable(props: GridProps) {
  const rows = props.tables.requests;
  if (!rows) return <MissingTable table="requests" />;
  return (
    <table className="grid report-table requests" aria-label={TABLE_TITLES.requests}>
      <caption>{TABLE_TITLES.requests}</caption>
      <thead>
        <tr>
          <th>项目</th>
          {REQUEST_COLUMNS.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {REQUEST_ROWS.map((layout, r) => (
          <Fragment key={r}>
            {layout.before.map((group) => (
              <tr key={group.label} className="group-row">
                <th className={`row-label indent-${group.indent}`} colSpan={REQUEST_COLUMNS.length + 1}>
                  {group.label}
                </th>
              </tr>
            ))}
            <tr>
              <th className={`row-label indent-${layout.indent}`} title={layout.label}>
                {layout.label}
              </th>
              {REQUEST_COLUMNS.map((_, c) => (
                <Cell key={c} cell={{ table: 'requests', row: r, col: c }} props={props} />
              ))}
            </tr>
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function ReviewTable(props: GridProps) {
  const values = props.tables.review;
  if (!values) return <MissingTable table="review" />;
  return (
    <table className="grid report-table" aria-label={TABLE_TITLES.review}>
      <caption>{TABLE_TITLES.review}</caption>
      <thead>
        <tr>
          <th>类别</th>
          {REVIEW_COLUMNS.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {REVIEW_BLOCKS.map((_, b) => (
          <tr key={b}>
            <th className="row-label">{reviewBlockName(b)}</th>
            {REVIEW_COLUMNS.map((_, c) => (
              <Cell key={c} cell={{ table: 'review', index: reviewIndex(b, c) }} props={props} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MissingTable({ table }: { table: TableId }) {
  return (
    <div className="missing-table">
      <strong>{TABLE_TITLES[table]}</strong>
      <p className="muted">未找到该表（报告缺表，或表格是图片）。</p>
    </div>
  );
}

/** The three tables one by one, for views that lay each table out on its own (上年对照). */
export const TABLE_VIEWS = [
  { table: 'active', View: ActiveTable },
  { table: 'requests', View: RequestsTable },
  { table: 'review', View: ReviewTable },
] as const;

export function TableGrids(props: GridProps) {
  return (
    <div className="table-grids">
      <ActiveTable {...props} />
      <RequestsTable {...props} />
      <ReviewTable {...props} />
    </div>
  );
}
