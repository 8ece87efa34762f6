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
          {i === 0 ? '依据：' : ''}
          {e}
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

/** What passed by name; what did not apply by count (the checks had nothing to look at). */
function passedLine(d: DimensionView): string {
  const parts = [d.passed.length > 0 ? `通过：${d.passed.join('、')}` : '', d.notApplicable.length > 0 ? `不适用 ${d.notApplicable.length} 项` : ''];
  return parts.filter(Boolean).join('；');
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
          {/* A dimension without problems takes one line: its heading and what passed. */}
          <tr className={d.rows.length > 0 ? 'dim-head has-rows' : 'dim-head'}>
            <td colSpan={4}>
              {dimensionHeading(d)}
              {d.rows.length === 0 ? <span className="dim-passed">{passedLine(d)}</span> : null}
            </td>
          </tr>
          {d.rows.map((row) => (
            <CheckRow key={row.check} row={row} />
          ))}
          {d.rows.length > 0 && d.passed.length + d.notApplicable.length > 0 ? (
            <tr className="passed">
              <td colSpan={4}>{passedLine(d)}</td>
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

/** The 审核意见 box: the reviewer's overall comment, or ruled lines to write one by hand. */
function Opinion(props: { comment: SheetView['comment'] }): ReactNode {
  const c = props.comment;
  return (
    <div className="opinion">
      {c ? (
        <>
          <div className="comment">{c.text}</div>
          <div className="by">
            （{c.reviewer}，{shortDateTime(c.at)}）
          </div>
        </>
      ) : (
        [0, 1, 2, 3].map((i) => <div key={i} className="write-line" />)
      )}
    </div>
  );
}

const SECTION_NUMBERS = ['一', '二', '三', '四', '五'];

export function AuditSheet(props: { view: SheetView }): ReactNode {
  const v = props.view;
  // Corrections and earlier decisions make up a section when there are any; sections are numbered as printed.
  const record = v.corrections.length > 0 || v.earlierDecisions.length > 0;
  let section = 0;
  const next = (title: string): string => `${SECTION_NUMBERS[section++]}、${title}`;
  return (
    <main>
      <div className="office">{v.office}</div>
      <h1>{v.title}</h1>
      <p className="subtitle">
        {v.department}
        {v.year ? ` · ${v.year}年度` : ''}
      </p>
      <table className="info">
        <Columns widths={['14%', '40%', '14%', '32%']} />
        <tbody>
          <tr>
            <th>被审核单位</th>
            <td>{v.department}</td>
            <th>报告年度</th>
            <td>{v.year ? `${v.year}年` : '未能识别'}</td>
          </tr>
          <tr>
            <th>原件文件</th>
            <td>
              {v.file.name}
              <span className="muted small">
                （{v.file.format.toUpperCase()}，{v.file.sizeText}
                {v.file.pages !== null ? `，共 ${v.file.pages} 页` : ''}）
              </span>
            </td>
            <th>落款日期</th>
            <td>{v.signedOn ? chineseDate(v.signedOn) : '未注明'}</td>
          </tr>
          <tr>
            <th>报告格式</th>
            <td>{v.generation}</td>
            <th>评分细则</th>
            <td>{v.rubric}</td>
          </tr>
          <tr>
            <th>导入时间</th>
            <td>{v.importedAt ? shortDateTime(v.importedAt) : '—'}</td>
            <th>审核时间</th>
            <td>{shortDateTime(v.auditedAt)}</td>
          </tr>
          {v.file.ocrPages && (
            <tr>
              <td colSpan={4} className="small">
                扫描件：第 {v.file.ocrPages.join('、')} 页无文字层，其文字和表格数值由OCR识别读取；依据中注明“扫描件OCR识别”的数值请对照原件核实。
              </td>
            </tr>
          )}
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

      <section className="section">
        <h2>{next('扣分明细')}</h2>
        {v.dimensions.length > 0 ? <DeductionTable dimensions={v.dimensions} /> : <p>未执行检查。</p>}
      </section>

      {v.tables.length > 0 ? (
        <section className="section">
          {/* The heading, its note and the first table stay together. */}
          <div className="keep">
            <h2>{next('统计表核对')}</h2>
            <p className="small muted">红框单元格为问题所在，上标数字对应扣分明细中的问题序号；“空”表示单元格未填写，“缺”表示报告中没有这一行；†为审核人更正的数值；灰色为模板中无此栏。</p>
            <GridTable grid={v.tables[0]!} />
          </div>
          {v.tables.slice(1).map((g) => (
            <GridTable key={g.id} grid={g} />
          ))}
        </section>
      ) : null}

      {record ? (
        <section className="section">
          <h2>{next('审核过程记录')}</h2>
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
        </section>
      ) : null}

      <div className="keep">
        <h2>{next('审核意见')}</h2>
        <Opinion comment={v.comment} />
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
      {/* The page-margin footer is not part of the page's text: laid out here too (unseen) so its glyphs are loaded before printing. */}
      <div className="margin-glyphs" aria-hidden="true">
        {v.footer}
      </div>
    </main>
  );
}
