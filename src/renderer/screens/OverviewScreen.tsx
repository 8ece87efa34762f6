/**
 * 总览: one row per department for the chosen year — rank, score, grade, 未报送/逾期 flags and failed checks —
 * worst first by default, with sorting, filters and search kept while a department is open. Reports whose
 * department or year could not be read are listed below.
 */
import { useEffect, useMemo, useState } from 'react';
import type { OverviewRow, ReportSummary } from '../../shared/api.ts';
import { api, errorText } from '../api/client.ts';
import { DocumentPreview } from '../components/DocumentPreview.tsx';
import { BatchExportDialog } from '../components/BatchExportDialog.tsx';
import { OverviewCharts } from '../components/OverviewCharts.tsx';
import { CommonProblemsPanel, yearCommonProblems } from '../components/CommonProblemsPanel.tsx';
import { FailedByDimension } from '../components/FailedByDimension.tsx';
import { useApp, type OverviewSortKey as SortKey } from '../store.ts';
import { competitionRanks } from '../../shared/rank.ts';

const GRADES = ['优秀', '良好', '合格', '不合格'] as const;

interface StatusFlag {
  text: string;
  tone: 'bad' | 'warn' | 'ok' | 'muted';
  /** The whole reason, on hover, when the tag shows a short form. */
  title?: string;
}

function statusFlags(row: OverviewRow): StatusFlag[] {
  const flags: StatusFlag[] = [];
  const report = row.report;
  if (row.missing || !report) flags.push({ text: '未报送', tone: 'bad' });
  if (report?.error) flags.push({ text: '无法读取', tone: 'bad' });
  // 一票否决 reasons are long (one per missing table): a short tag, the reasons on hover.
  if (report?.veto) flags.push(report.veto.startsWith('一票否决') ? { text: '一票否决', tone: 'bad', title: report.veto } : { text: `否决：${report.veto}`, tone: 'bad' });
  if (report?.late === true) flags.push({ text: '逾期', tone: 'warn' });
  if (report?.late === null && !report.error) flags.push({ text: '日期不明', tone: 'muted' });
  if (report && report.version > 1) flags.push({ text: `第${report.version}版`, tone: 'muted' });
  return flags;
}

function compare(a: OverviewRow, b: OverviewRow, key: SortKey, ranks: Map<OverviewRow, number | null>): number {
  const ra = a.report;
  const rb = b.report;
  switch (key) {
    case 'rank':
      // Unranked (未报送, unreadable) sort after the last rank, i.e. first when worst-first.
      return (ranks.get(a) ?? Infinity) - (ranks.get(b) ?? Infinity) || a.department.localeCompare(b.department, 'zh-CN');
    case 'department':
      return a.department.localeCompare(b.department, 'zh-CN');
    case 'score':
      return (ra?.score ?? -1) - (rb?.score ?? -1);
    case 'failed':
      return (ra?.failed ?? -1) - (rb?.failed ?? -1);
    case 'uncertain':
      return (ra?.uncertain ?? -1) - (rb?.uncertain ?? -1);
    case 'importedAt':
      return (ra?.importedAt ?? '').localeCompare(rb?.importedAt ?? '');
  }
}

function SortHeader({ label, sortKey, sort, setSort }: { label: string; sortKey: SortKey; sort: { key: SortKey; desc: boolean }; setSort: (s: { key: SortKey; desc: boolean }) => void }) {
  const active = sort.key === sortKey;
  return (
    <th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key: sortKey, desc: active ? !sort.desc : sortKey !== 'department' && sortKey !== 'rank' })}>
        {label}
        <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

export function OverviewScreen() {
  const year = useApp((s) => s.year);
  const setYear = useApp((s) => s.setYear);
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);
  const dataVersion = useApp((s) => s.dataVersion);
  const [years, setYears] = useState<number[] | null>(null);
  const [rows, setRows] = useState<OverviewRow[]>([]);
  const [unassigned, setUnassigned] = useState<ReportSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const { search, grade, onlyProblems, sort, check } = useApp((s) => s.overviewView);
  const setView = useApp((s) => s.setOverviewView);
  const setSearch = (value: string) => setView({ search: value });
  const setGrade = (value: string) => setView({ grade: value });
  const setOnlyProblems = (value: boolean) => setView({ onlyProblems: value });
  const setSort = (value: { key: SortKey; desc: boolean }) => setView({ sort: value });
  const setCheck = (value: string) => setView({ check: value });
  const [summary, setSummary] = useState<{ html: string; title: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  // Ranked among the same reports as the printed sheets and summary: the year's reports whose department
  // was not recognised count too (they are listed below the table until a reviewer assigns them).
  const { ranks, rankedCount } = useMemo(() => {
    const sameYear = unassigned.filter((r) => r.year === year && r.departmentId === null);
    const all = [...rows.map((row) => row.report), ...sameYear];
    const list = competitionRanks(all.map((r) => ({ score: r?.score ?? null, vetoed: Boolean(r?.veto) })));
    return { ranks: new Map(rows.map((row, i) => [row, list[i] ?? null])), rankedCount: list.filter((r) => r !== null).length };
  }, [rows, unassigned, year]);

  useEffect(() => {
    let live = true;
    void api
      .listYears()
      .then((list) => {
        if (!live) return;
        const sorted = [...list].sort((a, b) => b - a);
        setYears(sorted);
        if (sorted.length > 0 && (year === null || !sorted.includes(year))) setYear(sorted[0]!);
      })
      .catch((error) => notify('error', `无法读取年度列表：${errorText(error)}`));
    void api
      .listReports({ latestOnly: true })
      .then((list) => live && setUnassigned(list.filter((r) => r.departmentId === null || r.year === null)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dataVersion, notify, setYear, year]);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    setLoading(true);
    void api
      .overview({ year })
      .then((list) => live && setRows(list))
      .catch((error) => notify('error', `无法读取总览：${errorText(error)}`))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [year, dataVersion, notify]);

  const problems = useMemo(() => yearCommonProblems(rows, unassigned.filter((r) => r.year === year && r.departmentId === null)), [rows, unassigned, year]);
  const pickedProblem = problems.find((p) => p.check === check) ?? null;

  const shown = useMemo(() => {
    const needle = search.trim();
    const filtered = rows.filter((row) => {
      if (needle && !row.department.includes(needle) && !(row.report?.file ?? '').includes(needle)) return false;
      if (check && !(row.report && (row.report.failedByCheck[check] ?? 0) > 0)) return false;
      if (grade === 'none' && row.report?.grade) return false;
      if (grade && grade !== 'none' && row.report?.grade !== grade) return false;
      if (onlyProblems) {
        const r = row.report;
        const problem = row.missing || !r || r.error || r.veto || r.late === true || r.failed > 0 || r.uncertain > 0;
        if (!problem) return false;
      }
      return true;
    });
    filtered.sort((a, b) => {
      const order = compare(a, b, sort.key, ranks);
      return sort.desc ? -order : order;
    });
    return filtered;
  }, [rows, search, grade, onlyProblems, sort, ranks, check]);

  // A common problem picked: the reports not yet given a department that have it (they count in the panel too).
  const shownUnassigned = check ? unassigned.filter((r) => r.year === year && (r.failedByCheck[check] ?? 0) > 0) : unassigned;

  const counts = useMemo(() => {
    const reported = rows.filter((r) => r.report).length;
    return { total: rows.length, reported, missing: rows.filter((r) => r.missing).length, late: rows.filter((r) => r.report?.late === true).length };
  }, [rows]);

  async function openSummary() {
    if (year === null) return;
    try {
      setSummary(await api.renderDocument({ kind: 'summary', year }));
    } catch (error) {
      notify('error', `无法生成汇总表：${errorText(error)}`);
    }
  }

  if (years !== null && years.length === 0 && unassigned.length === 0) {
    return (
      <div className="screen empty-state">
        <h1>还没有导入任何报告</h1>
        <p>先把各单位报送的年度报告导入进来。</p>
        <button type="button" className="primary" onClick={() => navigate({ view: 'import' })}>
          去导入
        </button>
      </div>
    );
  }

  return (
    <div className="screen overview-screen">
      <div className="toolbar">
        <h1>总览</h1>
        <label>
          年度
          <select value={year ?? ''} onChange={(e) => setYear(Number(e.target.value))} aria-label="选择年度">
            {(years ?? []).map((y) => (
              <option key={y} value={y}>
                {y} 年度
              </option>
            ))}
          </select>
        </label>
        <input type="search" className="search" placeholder="搜索单位或文件名" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="搜索单位" />
        <select value={grade} onChange={(e) => setGrade(e.target.value)} aria-label="按等级筛选">
          <option value="">全部等级</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
          <option value="none">无评分</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
          只看有问题的
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void openSummary()} disabled={year === null}>
          汇总表…
        </button>
        <button type="button" className="primary" onClick={() => setExporting(true)} disabled={year === null || counts.reported === 0}>
          批量导出…
        </button>
      </div>
      <p className="muted">
        共 {counts.total} 个单位，已报送 {counts.reported}，未报送 {counts.missing}，逾期 {counts.late}
        {loading ? ' · 正在加载…' : ''}
        {shown.length !== rows.length ? ` · 显示 ${shown.length} 个` : ''}
        {pickedProblem ? ` · 只看「${pickedProblem.title}」未通过的单位` : ''}
      </p>
      {year !== null && <OverviewCharts year={year} />}
      <CommonProblemsPanel problems={problems} selected={check} onSelect={setCheck} />
      <div className="table-scroll">
        <table className="grid overview-table">
          <thead>
            <tr>
              <SortHeader label="名次" sortKey="rank" sort={sort} setSort={setSort} />
              <SortHeader label="单位" sortKey="department" sort={sort} setSort={setSort} />
              <SortHeader label="得分" sortKey="score" sort={sort} setSort={setSort} />
              <th>等级</th>
              <th>状态</th>
              <SortHeader label="未通过" sortKey="failed" sort={sort} setSort={setSort} />
              <th>按维度</th>
              <SortHeader label="待确认" sortKey="uncertain" sort={sort} setSort={setSort} />
              <SortHeader label="导入时间" sortKey="importedAt" sort={sort} setSort={setSort} />
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const r = row.report;
              const open = () => r && navigate({ view: 'detail', reportId: r.reportId });
              return (
                <tr
                  key={`${row.departmentId}-${row.year}`}
                  className={r ? 'clickable' : 'missing'}
                  tabIndex={r ? 0 : -1}
                  onClick={open}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') open();
                  }}
                >
                  <td className="num rank">{ranks.get(row) ? `${ranks.get(row)}/${rankedCount}` : '—'}</td>
                  <td className="dept" title={row.department}>
                    {row.department}
                  </td>
                  <td className="num">{r?.score ?? '—'}</td>
                  <td>{r?.grade ? <span className={`grade grade-${r.grade}`}>{r.grade}</span> : '—'}</td>
                  <td className="flags">
                    {statusFlags(row).map((flag) => (
                      <span key={flag.text} className={`tag ${flag.tone}`} title={flag.title}>
                        {flag.text}
                      </span>
                    ))}
                  </td>
                  <td className="num">{r ? r.failed : '—'}</td>
                  <td className="categories">{r ? <FailedByDimension counts={r.failedByDimension} /> : ''}</td>
                  <td className="num">{r ? r.uncertain : '—'}</td>
                  <td className="muted">{r ? r.importedAt.slice(0, 16).replace('T', ' ') : ''}</td>
                </tr>
              );
            })}
            {shown.length === 0 && !loading && (
              <tr>
                <td colSpan={9} className="muted center">
                  没有符合条件的单位
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {shownUnassigned.length > 0 && (
        <section className="card">
          <h2>未识别单位或年度的报告（{shownUnassigned.length}）</h2>
          <ul className="plain-list">
            {shownUnassigned.map((r) => (
              <li key={r.reportId}>
                <button type="button" className="link wrap" onClick={() => navigate({ view: 'detail', reportId: r.reportId })}>
                  {r.file}
                </button>
                <span className="muted"> {r.error ? `无法读取：${r.error}` : `${r.department ?? '单位未知'} · ${r.year ?? '年度未知'}`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary && <DocumentPreview doc={summary} onClose={() => setSummary(null)} />}
      {exporting && year !== null && <BatchExportDialog year={year} onClose={() => setExporting(false)} />}
    </div>
  );
}
