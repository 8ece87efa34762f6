/**
 * 与上年对照: each statistical table of this year's report with the same table of the previous year right
 * under it (side by side where the pane is wide enough). Every table keeps its natural width and scrolls on
 * its own, so a wide 表三 or six-digit values are never cut off.
 */
import type { GridProps } from './TableGrid.tsx';
import { TABLE_VIEWS } from './TableGrid.tsx';

interface YearTables {
  year: number | null;
  label: string;
  /** null while the previous year's report is being read. */
  grid: GridProps | null;
}

export function YearComparison({ current, previous }: { current: YearTables; previous: YearTables }) {
  return (
    <div className="compare">
      {TABLE_VIEWS.map(({ table, View }) => (
        <div key={table} className="compare-pair">
          {[current, previous].map((side) => (
            <div key={side.label} className="compare-year">
              <h3>
                {side.year ?? ''} 年度（{side.label}）
              </h3>
              <div className="compare-scroll">{side.grid ? <View {...side.grid} /> : <p className="muted">正在读取…</p>}</div>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
