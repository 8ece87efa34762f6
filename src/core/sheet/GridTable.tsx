/** One statistical table (表二/三/四) with blank and flagged cells marked by problem number. */
import type { ReactNode } from 'react';
import { Columns } from './Columns.tsx';
import type { CellView, GridView } from './grid-view.ts';

function cellClass(cell: CellView): string {
  const classes = ['cell', cell.state];
  if (cell.markers.length > 0) classes.push('flagged');
  if (cell.corrected) classes.push('corrected');
  if (cell.recovered) classes.push('recovered');
  if (cell.pending) classes.push('pending');
  if (cell.missingRow) classes.push('missing-row');
  return classes.join(' ');
}

export function GridTable(props: { grid: GridView }): ReactNode {
  const { grid } = props;
  if (grid.missing) {
    return (
      <div className="table-block keep">
        <div className="table-title">{grid.title}</div>
        <p className="veto">报告中未找到此表。</p>
      </div>
    );
  }
  const labelWidth = grid.id === 'requests' ? '44%' : grid.id === 'active' ? '36%' : '30%';
  return (
    <div className="table-block">
      <div className="table-title">{grid.title}</div>
      <table className="grid">
        <Columns widths={[labelWidth, ...grid.columns.map(() => null)]} />
        <thead>
          <tr>
            <th>{grid.labelHead}</th>
            {grid.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, i) =>
            row.heading ? (
              <tr key={i}>
                <td className={`label heading indent-${row.indent}`} colSpan={grid.columns.length + 1}>
                  {row.label}
                </td>
              </tr>
            ) : (
              <tr key={i}>
                <td className={`label indent-${row.indent}`}>{row.label}</td>
                {row.cells.map((cell, j) => (
                  <td key={j} className={cellClass(cell)}>
                    {cell.text}
                    {cell.markers.length > 0 ? <sup>{cell.markers.map((m) => `[${m}]`).join('')}</sup> : null}
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {grid.note ? <p className="footnote">{grid.note}</p> : null}
      {grid.runNote ? <p className="footnote">{grid.runNote}</p> : null}
    </div>
  );
}
