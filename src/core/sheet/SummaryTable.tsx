/** 汇总排名表: all departments of a year ranked, the 未报送 list and the common problems. */
import type { ReactNode } from 'react';
import { Columns } from './Columns.tsx';
import { SummaryCharts } from './SummaryCharts.tsx';
import { shortDateTime } from './format.ts';
import type { SummaryView } from './summary-view.ts';

export function SummaryTable(props: { view: SummaryView }): ReactNode {
  const v = props.view;
  const grades = v.counts.grades.map((g) => `${g.grade} ${g.count} 家`).join('，');
  return (
    <main>
      <div className="office">{v.office}</div>
      <h1>{v.title}</h1>
      <p className="subtitle small muted">生成时间：{shortDateTime(v.generatedAt)}</p>
      <p className="stats">
        共审核报告 {v.counts.reports} 份（{v.counts.departments} 个单位），计分 {v.counts.scored} 份：{grades}；逾期报送 {v.counts.late} 份；未报送{' '}
        {v.missing.length} 个单位。
      </p>
      <SummaryCharts charts={v.charts} />
      <h2>一、得分排名</h2>
      <table className="grid">
        <Columns widths={['5%', '22%', '15%', '6%', '6%', '6%', ...v.dimensions.map(() => null), '7%']} />
        <thead>
          <tr>
            <th rowSpan={2}>名次</th>
            <th rowSpan={2}>单位</th>
            <th rowSpan={2}>原件文件</th>
            <th rowSpan={2}>得分</th>
            <th rowSpan={2}>等级</th>
            <th rowSpan={2}>按时报送</th>
            <th colSpan={v.dimensions.length + 1}>不通过检查项数</th>
          </tr>
          <tr>
            {v.dimensions.map((d) => (
              <th key={d}>{d}</th>
            ))}
            <th>合计</th>
          </tr>
        </thead>
        <tbody>
          {v.rows.map((r, i) => (
            <tr key={i}>
              <td className="cell">{r.rank ?? '—'}</td>
              <td className="dept">{r.department}</td>
              <td className="file">{r.file}</td>
              <td className="cell">{r.score}</td>
              <td className="cell">{r.veto ? <span className="late">{r.veto}</span> : r.grade}</td>
              <td className={`cell ${r.onTime === '逾期' ? 'late' : ''}`}>{r.onTime}</td>
              {r.failedByDimension.map((n, j) => (
                <td key={j} className="cell">
                  {n}
                </td>
              ))}
              <td className="cell">{r.failedTotal}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>二、未报送单位</h2>
      {v.missing.length > 0 ? (
        <ol className="missing-list">
          {v.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      ) : (
        <p>无（或未导入应报送单位名单）。</p>
      )}

      <h2>三、共性问题</h2>
      {v.common.length > 0 ? (
        <table className="grid">
          <Columns widths={['6%', '40%', '18%', '18%', null]} />
          <thead>
            <tr>
              <th>序号</th>
              <th>问题（检查项）</th>
              <th>评分维度</th>
              <th>存在问题的单位数</th>
              <th>占已审核单位比例</th>
            </tr>
          </thead>
          <tbody>
            {v.common.map((c, i) => (
              <tr key={c.check}>
                <td className="cell">{i + 1}</td>
                <td className="label">
                  {c.title}
                  <span className="muted small">（{c.check}）</span>
                </td>
                <td className="cell">{c.dimension}</td>
                <td className="cell">{c.departments}</td>
                <td className="cell">{c.share}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>未发现不通过的检查项。</p>
      )}
    </main>
  );
}
