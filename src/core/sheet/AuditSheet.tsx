/** 审核意见单: one department's report, its score, deductions by dimension, marked tables and signatures. */
import type { ReactNode } from 'react';
import { Columns } from './Columns.tsx';
import { chineseDate, shortDateTime } from './format.ts';
import { GridTable } from './GridTable.tsx';
import type { FindingView } from './finding-view.ts';
import type { CheckRowView, DimensionView, SheetView } from './sheet-view.ts';

function FindingLines(props: { finding: FindingView }): ReactNode {
  const f = props.finding;
  return (
    <div className="finding">
      <div className={f.status === 'dismissed' ? 'verdict-dismissed' : undefined}>
        {f.number !== null ? <span className="marker">{f.number}</span> : null}
        {f.message}
        {f.status === 'uncertain' ? <span className="verdict-uncertain">（待确认，暂不扣分）</span> : null}
      </div>
      {f.evidence.map((e, i) => (
        <div key={i} className="evidence">
          依据：{e}
        </div>
      ))}
      {f.decision ? (
        <div className="decision">
          审核人{f.decision.action}：{f.decision.reason || '（未填写理由）'}（{f.decision.reviewer}，{shortDateTime(f.decision.at)}）
        </div>
      ) : null}
    </div>
  );
}

function CheckRow(props: { row: CheckRowView }): ReactNode {
  const { row } = props;
  return (
    <tr>
      <td>{row.title}</td>
      <td className={`num verdict-${row.verdict}`}>{row.verdictLabel}</td>
      <td className="num">{row.pointsText}</td>
      <td>
        {row.findings.map((f) => (
          <FindingLines key={f.index} finding={f} />
        ))}
      </td>
    </tr>
  );
}

function dimensionHeading(d: DimensionView): string {
  if (d.weight === null) return d.name;
  return `${d.name}（满分 ${d.weight} 分，扣 ${d.lost ?? 0} 分）`;
}

function DeductionTable(props: { dimensions: DimensionView[] }): ReactNode {
  return (
    <table className="deductions">
      <Columns widths={['22%', '11%', '9%', null]} />
      <thead>
        <tr>
          <th>检查项</th>
          <th>结论</th>
          <th>扣分</th>
          <th>问题、位置与审核人意见</th>
        </tr>
      </thead>
      {props.dimensions.map((d) => (
        <tbody key={d.name}>
          <tr className="dim-head">
            <td colSpan={4}>{dimensionHeading(d)}</td>
          </tr>
          {d.rows.map((row) => (
            <CheckRow key={row.check} row={row} />
          ))}
          {d.passed.length + d.notApplicable.length > 0 ? (
            <tr>
              <td colSpan={4} className="small muted">
                {d.passed.length > 0 ? `通过：${d.passed.join('、')}` : ''}
                {d.passed.length > 0 && d.notApplicable.length > 0 ? '；' : ''}
                {d.notApplicable.length > 0 ? `不适用：${d.notApplicable.join('、')}` : ''}
              </td>
            </tr>
          ) : null}
        </tbody>
      ))}
    </table>
  );
}

/** One table of the review record (corrections, earlier decisions): a heading, a header row, text cells. */
function RecordTable(props: { title: string; head: string[]; rows: string[][]; numeric?: number[] }): ReactNode {
  const numeric = new Set(props.numeric ?? []);
  return (
    <>
      <h3>{props.title}</h3>
      <table>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={numeric.has(j) ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function AuditSheet(props: { view: SheetView }): ReactNode {
  const v = props.view;
  // Corrections and earlier decisions make up part 三 when there are any.
  const record = v.corrections.length > 0 || v.earlierDecisions.length > 0;
  return (
    <main>
      <div className="office">{v.office}</div>
      <h1>{v.title}</h1>
      <p className="subtitle">
        {v.department}
        {v.year ? ` · ${v.year}年度` : ''}
      </p>
      <table className="info">
        <Columns widths={['17%', '33%', '17%', '33%']} />
        <tbody>
          <tr>
            <th>被审核单位</th>
            <td colSpan={3}>{v.department}</td>
          </tr>
          <tr>
            <th>报告年度</th>
            <td>{v.year ? `${v.year}年` : '未能识别'}</td>
            <th>落款日期</th>
            <td>{v.signedOn ? chineseDate(v.signedOn) : '未注明'}</td>
          </tr>
          <tr>
            <th>原件文件</th>
            <td colSpan={3}>
              {v.file.name}
              <span className="muted small">
                （{v.file.format.toUpperCase()}，{v.file.sizeText}
                {v.file.pages !== null ? `，共 ${v.file.pages} 页` : ''}）
              </span>
              {v.file.ocrPages && (
                <div className="small">
                  扫描件：第 {v.file.ocrPages.join('、')} 页无文字层，其文字和表格数值由OCR识别读取；依据中注明“扫描件OCR识别”的数值请对照原件核实。
                </div>
              )}
            </td>
          </tr>
          <tr>
            <th>SHA-256</th>
            <td colSpan={3} className="mono">
              {v.file.sha256}
            </td>
          </tr>
          <tr>
            <th>报告格式</th>
            <td colSpan={3}>{v.generation}</td>
          </tr>
          <tr>
            <th>导入时间</th>
            <td>{v.importedAt ? shortDateTime(v.importedAt) : '—'}</td>
            <th>审核时间</th>
            <td>{shortDateTime(v.auditedAt)}</td>
          </tr>
          <tr>
            <th>评分细则</th>
            <td>{v.rubric}</td>
            <th>审核引擎</th>
            <td>{v.engineVersion}</td>
          </tr>
        </tbody>
      </table>

      <table className="scorebox keep">
        <thead>
          <tr>
            <th>得分</th>
            <th>等级</th>
            <th>排名</th>
            <th>不通过项</th>
            <th>待确认项</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="big">{v.score}</td>
            <td className="big">{v.grade}</td>
            <td>{v.rank}</td>
            <td>{v.failedCount}</td>
            <td>{v.uncertainCount}</td>
          </tr>
        </tbody>
      </table>
      {v.veto ? <div className="veto">否决事项：{v.veto}{v.error && v.error !== v.veto ? `（${v.error}）` : ''}</div> : null}

      <h2>一、扣分明细</h2>
      {v.dimensions.length > 0 ? <DeductionTable dimensions={v.dimensions} /> : <p>未执行检查。</p>}

      {v.tables.length > 0 ? (
        <>
          <h2>二、统计表核对</h2>
          <p className="small muted">红框单元格为问题所在，上标数字对应扣分明细中的问题序号；“空”表示未填写；灰色为模板中无此栏。</p>
          {v.tables.map((g) => (
            <GridTable key={g.id} grid={g} />
          ))}
        </>
      ) : null}

      {record ? <h2>三、审核过程记录</h2> : null}
      {v.corrections.length > 0 ? (
        <RecordTable
          title="审核人更正的数据"
          head={['单元格', '原读取值', '更正为', '理由', '审核人']}
          numeric={[1, 2]}
          rows={v.corrections.map((c) => [c.where, c.before, c.after, c.reason, c.reviewer])}
        />
      ) : null}
      {v.earlierDecisions.length > 0 ? (
        <RecordTable
          title="早先的审核意见（对应的问题在重新检查后已不存在，不再计入）"
          head={['检查项', '原问题', '审核人意见', '审核人']}
          rows={v.earlierDecisions.map((d) => [d.title, d.message, `${d.action}：${d.reason || '（未填写理由）'}`, `${d.reviewer}，${shortDateTime(d.at)}`])}
        />
      ) : null}

      <div className="keep">
        <h2>{record ? '四' : v.tables.length > 0 ? '三' : '二'}、审核意见</h2>
        <div className="opinion" />
        <div className="signatures">
          <div>
            审核人：<span className="line" />
          </div>
          <div>
            复核人：<span className="line" />
          </div>
          <div>
            日期：<span className="line" />
          </div>
        </div>
      </div>
      {v.warnings.length > 0 ? <p className="footnote">读取提示：{v.warnings.join('；')}</p> : null}
    </main>
  );
}
