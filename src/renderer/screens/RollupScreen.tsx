/**
 * 汇总统计: the year's tables 二, 三 and 四 summed over the departments (latest reports, the reviewer's
 * corrections applied), who is in and who is left out and why, and for any total the departments that
 * make it up (click a cell). When the region government's own report was imported, the cells where it
 * differs from the sum are listed and marked.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CellContribution, YearRollup } from '../../shared/rollup.ts';
import { activeCellTitle, cellKey, REQUEST_COLUMNS, requestRowTitle, REVIEW_BLOCKS, REVIEW_COLUMNS, reviewCellTitle, TABLE_TITLES, type CellAddress } from '../../shared/template/index.ts';
import { api, errorText } from '../api/client.ts';
import { useApp } from '../store.ts';
import { TrendChart } from '../components/TrendChart.tsx';
import { TREND_SUBJECT } from '../../shared/year-charts.ts';

interface Selected {
  address: CellAddress;
  label: string;
  total: number;
  parts: CellContribution[];
}

function Cell(props: { value: number; address: CellAddress; label: string; parts: CellContribution[]; differs: boolean; selected: boolean; onSelect(s: Selected): void }) {
  const { value, address, label, parts, differs, selected, onSelect } = props;
  return (
    <td className={`num${differs ? ' rollup-differs' : ''}${selected ? ' rollup-selected' : ''}`}>
      <button type="button" className="cell-button" title={`${label}：${parts.length} 个单位`} onClick={() => onSelect({ address, label, total: value, parts })}>
        {value}
      </button>
    </td>
  );
}

export function RollupScreen() {
  const year = useApp((s) => s.year);
  const setYear = useApp((s) => s.setYear);
  const dataVersion = useApp((s) => s.dataVersion);
  const notify = useApp((s) => s.notify);
  const [years, setYears] = useState<number[]>([]);
  const [data, setData] = useState<YearRollup | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listYears()
      .then((list) => {
        if (!live) return;
        const sorted = [...list].sort((a, b) => b - a);
        setYears(sorted);
        if (sorted.length > 0 && (year === null || !sorted.includes(year))) setYear(sorted[0]!);
      })
      .catch((e: unknown) => notify('error', errorText(e)));
    return () => {
      live = false;
    };
  }, [dataVersion, notify, setYear, year]);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    setSelected(null);
    api
      .rollup({ year })
      .then((r) => live && setData(r))
      .catch((e: unknown) => notify('error', errorText(e)));
    return () => {
      live = false;
    };
  }, [year, dataVersion, notify]);

  const differing = useMemo(() => new Set((data?.region?.differences ?? []).map((d) => cellKey(d.address))), [data]);
  if (year === null || data === null) return <div className="screen"><p className="muted">正在汇总…</p></div>;
  const { rollup, region, arithmetic } = data;
  const failed = arithmetic.filter((f) => f.status === 'fail');
  const isSelected = (a: CellAddress): boolean => selected !== null && cellKey(selected.address) === cellKey(a);
  const cell = (address: CellAddress, value: number, label: string, parts: CellContribution[]) => (
    <Cell key={cellKey(address)} value={value} address={address} label={label} parts={parts} differs={differing.has(cellKey(address))} selected={isSelected(address)} onSelect={setSelected} />
  );

  return (
    <div className="screen rollup-screen">
      <div className="toolbar">
        <h1>汇总统计</h1>
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="选择年度">
          {years.map((y) => (
            <option key={y} value={y}>
              {y} 年度
            </option>
          ))}
        </select>
        <span className="muted">
          共 {rollup.departments} 个单位，纳入汇总 {rollup.included.length} 个，未纳入 {rollup.excluded.length} 个。点击任一数字可查看由哪些单位构成。
        </span>
      </div>

      {region && (
        <section className={`card ${region.differences.length > 0 ? 'rollup-warning' : ''}`} aria-label="与本级政府年报比对">
          <h2>与{region.department}年报比对</h2>
          {region.differences.length === 0 ? (
            <p>该年报三张统计表与各单位汇总数逐项一致。</p>
          ) : (
            <>
              <p>
                该年报统计表与各单位汇总数有 <strong>{region.differences.length}</strong> 处不一致（表中以红框标出）：
              </p>
              <ul className="problem-list">
                {region.differences.map((d) => (
                  <li key={cellKey(d.address)}>
                    {d.label}：年报填报 {d.reported ?? '空白'}，各单位合计 {d.rollup}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <TrendChart title={`本地区历年${TREND_SUBJECT}（各单位汇总）`} />
      {failed.length > 0 && (
        <section className="card rollup-warning" aria-label="汇总数勾稽关系">
          <h2>汇总数的勾稽关系</h2>
          <ul className="problem-list">
            {failed.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </section>
      )}

      <div className="rollup-body">
        <div className="rollup-tables">
          <section className="card">
            <h2>{TABLE_TITLES.active}</h2>
            <table className="report-table">
              <tbody>
                {rollup.tables.active.map((v, index) => (
                  <tr key={index}>
                    <th scope="row">{activeCellTitle(index, '2021')}</th>
                    {cell({ table: 'active', index }, v, `表二 ${activeCellTitle(index, '2021')}`, rollup.drillDown.active[index] ?? [])}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>{TABLE_TITLES.requests}</h2>
            <div className="table-scroll">
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">项目</th>
                    {REQUEST_COLUMNS.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rollup.tables.requests.map((row, r) => (
                    <tr key={r}>
                      <th scope="row">{requestRowTitle(r)}</th>
                      {row.map((v, col) => cell({ table: 'requests', row: r, col }, v, `表三 ${requestRowTitle(r)} · ${REQUEST_COLUMNS[col]}`, rollup.drillDown.requests[r]?.[col] ?? []))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card">
            <h2>{TABLE_TITLES.review}</h2>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  {REVIEW_COLUMNS.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {REVIEW_BLOCKS.map((b, block) => (
                  <tr key={block}>
                    <th scope="row">{b.sub ? `${b.label}（${b.sub}）` : b.label}</th>
                    {REVIEW_COLUMNS.map((_, col) => {
                      const index = block * REVIEW_COLUMNS.length + col;
                      return cell({ table: 'review', index }, rollup.tables.review[index] ?? 0, `表四 ${reviewCellTitle(index)}`, rollup.drillDown.review[index] ?? []);
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <aside className="rollup-side">
          <section className="card" aria-live="polite">
            <h2>构成明细</h2>
            {selected === null ? (
              <p className="muted">点击左侧表格中的数字，查看由哪些单位的数值相加而成。</p>
            ) : (
              <>
                <p>
                  <strong>{selected.label}</strong>：合计 {selected.total}
                </p>
                {selected.parts.length === 0 ? (
                  <p className="muted">纳入汇总的单位此项均为 0。</p>
                ) : (
                  <table className="report-table">
                    <tbody>
                      {[...selected.parts]
                        .sort((a, b) => b.value - a.value)
                        .map((p) => (
                          <tr key={p.department}>
                            <th scope="row">{p.department}</th>
                            <td className="num">{p.value}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                )}
              </>
            )}
          </section>
          <section className="card">
            <h2>纳入汇总（{rollup.included.length}）</h2>
            <ul className="plain-list">
              {rollup.included.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </section>
          <section className="card">
            <h2>未纳入汇总（{rollup.excluded.length}）</h2>
            <ul className="plain-list">
              {rollup.excluded.map((e) => (
                <li key={e.name}>
                  {e.name}
                  <span className="muted">：{e.reason}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
