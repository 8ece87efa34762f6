/**
 * 单位详情: the report on the left (text with evidence highlighted, or the three tables with offending cells
 * marked), findings on the right. The reviewer confirms or dismisses findings, corrects mis-read cells
 * (checks re-run, the score updates), compares with the previous year, and previews/prints documents.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReportDetail } from '../../shared/api.ts';
import type { CellValue } from '../../shared/model.ts';
import { api, errorText } from '../api/client.ts';
import { DocumentPreview, printDocument } from '../components/DocumentPreview.tsx';
import { CommentCard } from '../components/CommentCard.tsx';
import { FindingsPanel } from '../components/FindingsPanel.tsx';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { ReportText } from '../components/ReportText.tsx';
import { TableGrids } from '../components/TableGrid.tsx';
import type { CellTarget } from '../components/TableGrid.tsx';
import { RunCutPicker, type RunChoice } from '../components/RunCutPicker.tsx';
import { YearComparison } from '../components/YearComparison.tsx';
import { runCellAddresses, runCells } from '../../shared/run-cells.ts';
import { missingRequestRows } from '../../shared/missing-rows.ts';
import { mapEvidence } from '../evidence.ts';
import { cellLabel, checkTitle } from '../labels.ts';
import { useApp } from '../store.ts';
import { TrendChart } from '../components/TrendChart.tsx';
import { TREND_SUBJECT } from '../../shared/year-charts.ts';

type Pane = 'text' | 'tables' | 'compare';

/** Last part of a path (either separator): the file name reviewers recognise. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function parseCell(text: string): CellValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function CorrectionForm({ target, value, setValue }: { target: CellTarget; value: string; setValue: (v: string) => void }) {
  return (
    <>
      <p className="wrap">
        <strong>{target.label}</strong>
        <br />
        读取值：{target.value === null ? '空' : target.value}
      </p>
      <label>
        正确的值（留空表示未填写）
        <input value={value} inputMode="decimal" onChange={(e) => setValue(e.target.value)} />
      </label>
    </>
  );
}

export function DetailScreen({ reportId }: { reportId: number }) {
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);
  const dataChanged = useApp((s) => s.dataChanged);
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pane, setPane] = useState<Pane>('text');
  const [selected, setSelected] = useState<number | null>(null);
  const [deciding, setDeciding] = useState<{ index: number; action: 'confirm' | 'dismiss' } | null>(null);
  const [correcting, setCorrecting] = useState<CellTarget | null>(null);
  const [choosingRun, setChoosingRun] = useState<RunChoice | null>(null);
  const [cellInput, setCellInput] = useState('');
  const [previous, setPrevious] = useState<ReportDetail | null>(null);
  const [doc, setDoc] = useState<{ html: string; title: string } | null>(null);
  const [fixBy, setFixBy] = useState('');
  const [versionFiles, setVersionFiles] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    let live = true;
    api
      .getReport({ reportId })
      .then((d) => live && setDetail(d))
      .catch((error) => live && setLoadError(errorText(error)));
    return () => {
      live = false;
    };
  }, [reportId]);

  // Versions carry no file name: look them up so the reviewer sees which submission is which.
  const versionYear = detail && detail.versions.length > 1 ? detail.summary.year : null;
  useEffect(() => {
    if (versionYear === null) return;
    let live = true;
    api
      .listReports({ year: versionYear, latestOnly: false })
      .then((list) => live && setVersionFiles(new Map(list.map((r) => [r.reportId, r.file]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [versionYear]);

  useEffect(() => {
    const id = detail?.previousYearReportId;
    if (pane !== 'compare' || !id || previous) return;
    api
      .getReport({ reportId: id })
      .then(setPrevious)
      .catch((error) => notify('error', `无法读取上一年报告：${errorText(error)}`));
  }, [pane, detail, previous, notify]);

  const openDocument = useCallback(
    async (kind: 'sheet' | 'notice', print: boolean) => {
      try {
        const rendered = await api.renderDocument(kind === 'notice' && fixBy ? { kind, reportId, fixBy } : { kind, reportId });
        if (print) await printDocument(rendered);
        else setDoc(rendered);
      } catch (error) {
        notify('error', `无法生成文档：${errorText(error)}`);
      }
    },
    [reportId, fixBy, notify],
  );

  // File ▸ 打印 in the Electron menu prints the audit sheet of the open report.
  useEffect(() => {
    const onPrint = () => void openDocument('sheet', true);
    window.addEventListener('ogi-print', onPrint);
    return () => window.removeEventListener('ogi-print', onPrint);
  }, [openDocument]);

  const dismissed = useMemo(() => {
    const latest = new Map<number, string>();
    for (const d of detail?.decisions ?? []) latest.set(d.findingIndex, d.action);
    return new Set([...latest].filter(([, action]) => action === 'dismiss').map(([index]) => index));
  }, [detail]);

  const evidence = useMemo(() => (detail?.result.report ? mapEvidence(detail.result.report, detail.result.findings, dismissed) : null), [detail, dismissed]);

  if (loadError) {
    return (
      <div className="screen">
        <p className="error">无法打开报告：{loadError}</p>
        <button type="button" onClick={() => navigate({ view: 'overview' })}>
          返回总览
        </button>
      </div>
    );
  }
  if (!detail) return <div className="screen muted">正在读取报告…</div>;

  const { summary, result } = detail;
  const report = result.report;

  function selectFinding(index: number) {
    setSelected(index);
    const target = evidence?.targets.get(index);
    if (!target) return;
    const nextPane: Pane = target.kind === 'cell' ? 'tables' : 'text';
    if (pane !== nextPane && pane !== 'compare') setPane(nextPane);
    requestAnimationFrame(() => {
      const element = document.getElementById(target.kind === 'cell' ? `cur-${target.key}` : `cur-p${target.index}`);
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      element?.classList.add('flash');
      setTimeout(() => element?.classList.remove('flash'), 1200);
    });
  }

  async function submitDecision(reason: string, reviewer: string) {
    if (!deciding) return;
    const before = detail!.result.score?.score ?? null;
    const updated = await api.decideFinding({ reportId, findingIndex: deciding.index, action: deciding.action, reason, reviewer, revision: detail!.revision });
    setDetail(updated);
    dataChanged();
    const after = updated.result.score?.score ?? null;
    notify('info', `已${deciding.action === 'dismiss' ? '驳回' : '确认'}“${checkTitle(detail!.result.findings[deciding.index]?.check ?? '')}”${before !== after ? `，得分 ${before ?? '—'} → ${after ?? '—'}` : ''}`);
  }

  async function submitCorrection(reason: string, reviewer: string) {
    if (!correcting) return;
    const value = parseCell(cellInput);
    if (value === undefined) throw new Error('请填写数字，或留空表示未填写');
    const before = detail!.result.score?.score ?? null;
    const updated = await api.correctCell({ reportId, cell: correcting.cell, value, reason, reviewer, revision: detail!.revision });
    setDetail(updated);
    dataChanged();
    const after = updated.result.score?.score ?? null;
    notify('info', `已更正${correcting.label}，检查已重新运行${before !== after ? `，得分 ${before ?? '—'} → ${after ?? '—'}` : '，得分未变'}`);
  }

  // A cut chosen for a run of digits is saved as one correction per cell (checks re-run after each).
  async function submitRunChoice(reason: string, reviewer: string) {
    if (!choosingRun) return;
    const before = detail!.result.score?.score ?? null;
    const cells = runCellAddresses(choosingRun.cut);
    let updated = detail!;
    for (const [i, cell] of cells.entries()) {
      // Each correction is made on the view the previous one returned (the revision moves on with it).
      updated = await api.correctCell({ reportId, cell, value: choosingRun.values[i] ?? null, reason, reviewer, revision: updated.revision });
    }
    setDetail(updated);
    dataChanged();
    const after = updated.result.score?.score ?? null;
    notify('info', `已选定“${choosingRun.cut.label}”的切分 ${choosingRun.values.join('|')}，检查已重新运行${before !== after ? `，得分 ${before ?? '—'} → ${after ?? '—'}` : '，得分未变'}`);
  }

  const runs = runCells(report);
  const score = result.score;
  return (
    <div className="screen detail-screen">
      <div className="detail-head">
        <button type="button" className="link back" onClick={() => navigate({ view: 'overview' })}>
          ← 总览
        </button>
        <div className="title-block">
          <h1 className="dept-name" title={summary.department ?? summary.file}>
            {summary.department ?? '单位未识别'}
            <span className="muted"> {summary.year ?? '年度未知'}年度</span>
          </h1>
          <p className="muted file-name" title={summary.file}>
            {baseName(summary.file)}
            {summary.signedOn ? ` · 落款 ${summary.signedOn}` : ' · 无落款日期'}
            {summary.late === true ? ' · 逾期' : ''}
          </p>
        </div>
        <div className="score-block" aria-label="得分">
          {score?.veto ? (
            <span className="tag bad">否决：{score.veto}</span>
          ) : (
            <>
              <span className="score" data-testid="score">
                {score?.score ?? '—'}
              </span>
              {score?.grade && <span className={`grade grade-${score.grade}`}>{score.grade}</span>}
            </>
          )}
        </div>
        <div className="doc-buttons">
          <button type="button" onClick={() => void openDocument('sheet', false)}>
            审核意见单
          </button>
          <button type="button" onClick={() => void openDocument('notice', false)}>
            整改通知
          </button>
          <label className="fix-by" title="整改通知中的整改期限">
            整改期限
            <input type="date" value={fixBy} onChange={(e) => setFixBy(e.target.value)} />
          </label>
          <button type="button" className="primary" onClick={() => void openDocument('sheet', true)}>
            打印
          </button>
        </div>
      </div>
      {result.error && <p className="error">无法读取：{result.error}</p>}
      <div className="detail-body">
        <section className="report-pane" aria-label="报告原文">
          <div className="pane-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={pane === 'text'} className={pane === 'text' ? 'tab active' : 'tab'} onClick={() => setPane('text')}>
              正文
            </button>
            <button type="button" role="tab" aria-selected={pane === 'tables'} className={pane === 'tables' ? 'tab active' : 'tab'} onClick={() => setPane('tables')}>
              统计表
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={pane === 'compare'}
              className={pane === 'compare' ? 'tab active' : 'tab'}
              disabled={!detail.previousYearReportId}
              title={detail.previousYearReportId ? '与上一年报告的统计表对照' : '没有导入该单位上一年的报告'}
              onClick={() => setPane('compare')}
            >
              与上年对照
            </button>
          </div>
          <div className="pane-scroll">
            {!report && <p className="muted">该文件没有读出报告内容。</p>}
            {report && pane === 'text' && <ReportText report={report} marks={evidence?.paragraphs} idPrefix="cur-" />}
            {report && pane === 'tables' && (
              <>
                <p className="muted">点击单元格可更正读取错误的数值；标红的单元格是检查指出的问题。</p>
                <RunCutPicker report={report} onChoose={setChoosingRun} />
                <TableGrids
                  tables={report.tables}
                  generation={report.generation}
                  marks={evidence?.cells}
                  corrections={detail.corrections}
                  runs={runs}
                  missingRows={missingRequestRows(report)}
                  idPrefix="cur-"
                  onCell={(target) => {
                    setCellInput(target.value === null ? '' : String(target.value));
                    setCorrecting(target);
                  }}
                />
              </>
            )}
            {report && pane === 'compare' && (
              <YearComparison
                current={{ year: summary.year, label: '本报告', grid: { tables: report.tables, generation: report.generation, marks: evidence?.cells, corrections: detail.corrections, runs, idPrefix: 'cur-' } }}
                previous={{
                  year: previous?.summary.year ?? null,
                  label: '上一年',
                  grid: previous?.result.report ? { tables: previous.result.report.tables, generation: previous.result.report.generation, idPrefix: 'prev-' } : null,
                }}
              />
            )}
          </div>
        </section>
        <aside className="side-pane" aria-label="检查结果">
          <FindingsPanel
            result={result}
            decisions={detail.decisions}
            selected={selected}
            onSelect={selectFinding}
            onDecide={(index, action) => setDeciding({ index, action })}
          />
          <CommentCard
            detail={detail}
            onSaved={(updated) => {
              setDetail(updated);
              dataChanged();
            }}
          />
          {detail.summary.departmentId !== null && (
            <TrendChart departmentId={detail.summary.departmentId} title={`${detail.summary.department ?? '本单位'}历年${TREND_SUBJECT}`} />
          )}
          {detail.fixedSincePrevious.length > 0 && (
            <section className="card">
              <h2>已整改（与上一版相比）</h2>
              <ul className="plain-list">
                {detail.fixedSincePrevious.map((item, i) => (
                  <li key={i}>
                    <span className="tag ok">已整改</span> {checkTitle(item.check)}：{item.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {detail.correctionsToReview.length > 0 && (
            <section className="card" aria-label="上一版的更正待复核">
              <h2>上一版的更正待复核</h2>
              <p className="muted small">单位在新版中改动了这些单元格，原更正未沿用，请核对新值；需要时点击单元格重新更正。</p>
              <ul className="plain-list">
                {detail.correctionsToReview.map((c, i) => (
                  <li key={i}>
                    {cellLabel(c.cell, report?.generation ?? null, report?.tables.active?.length)}：第{c.version}版读作 {c.read ?? '空'}，更正为 {c.corrected ?? '空'}；新版填报 <strong>{c.now ?? '空'}</strong>
                    <span className="muted">
                      （{c.reviewer}：{c.reason}）
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {detail.versions.length > 1 && (
            <section className="card">
              <h2>版本</h2>
              <ul className="plain-list">
                {detail.versions.map((v) => (
                  <li key={v.reportId}>
                    {v.reportId === reportId ? (
                      <strong>第{v.version}版（当前）</strong>
                    ) : (
                      <button type="button" className="link" data-version={v.reportId} onClick={() => navigate({ view: 'detail', reportId: v.reportId })}>
                        第{v.version}版
                      </button>
                    )}{' '}
                    <span className="muted wrap" title={versionFiles.get(v.reportId)} data-version-file={baseName(versionFiles.get(v.reportId) ?? '')}>
                      {baseName(versionFiles.get(v.reportId) ?? '')} · {v.importedAt.slice(0, 16).replace('T', ' ')} · 得分 {v.score ?? '—'}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {detail.corrections.length > 0 && (
            <section className="card">
              <h2>数值更正记录</h2>
              <ul className="plain-list">
                {detail.corrections.map((c) => (
                  <li key={c.id}>
                    {cellLabel(c.cell, report?.generation ?? null, report?.tables.active?.length)}：{c.before ?? '空'} → {c.value ?? '空'}
                    <span className="muted">
                      （{c.reviewer}：{c.reason}）
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {report && report.warnings.length > 0 && (
            <section className="card">
              <h2>读取提示</h2>
              <ul className="plain-list">
                {report.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
      {deciding && (
        <ReasonDialog
          title={deciding.action === 'dismiss' ? '驳回该问题' : '确认该问题'}
          confirmLabel={deciding.action === 'dismiss' ? '驳回' : '确认'}
          onSubmit={submitDecision}
          onClose={() => setDeciding(null)}
        >
          <p className="wrap">
            <strong>{checkTitle(result.findings[deciding.index]?.check ?? '')}</strong>：{result.findings[deciding.index]?.message}
          </p>
        </ReasonDialog>
      )}
      {choosingRun && (
        <ReasonDialog title="选定连写数字的切分" confirmLabel="保存为更正" onSubmit={submitRunChoice} onClose={() => setChoosingRun(null)}>
          <p>
            “{choosingRun.cut.label}”：原文 <code>{choosingRun.cut.raw}</code> 读作 <strong>{choosingRun.values.join(' | ')}</strong>
          </p>
        </ReasonDialog>
      )}
      {correcting && (
        <ReasonDialog title="更正读取的数值" confirmLabel="保存更正" onSubmit={submitCorrection} onClose={() => setCorrecting(null)}>
          <CorrectionForm target={correcting} value={cellInput} setValue={setCellInput} />
        </ReasonDialog>
      )}
      {doc && <DocumentPreview doc={doc} onClose={() => setDoc(null)} />}
    </div>
  );
}
