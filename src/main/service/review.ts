/** AuditorApi: the reviewer's decisions on findings and corrections of table cells, each followed by a re-audit. */
import type { AuditorApi } from '../../shared/api.ts';
import type { Finding, TableId } from '../../shared/model.ts';
import { cellFields, cellValueAt, cellValueProblem, isCellInTemplate, TABLE_TITLES } from '../../shared/template/index.ts';
import type { Store } from '../store/store.ts';
import { CheckFailure, PeerCache, checkStored, effectiveReport, finishStored, type CheckRunner } from '../auditing.ts';
import { ENGINE_VERSION, rubricIdentity, type CellCorrectionInput } from '../engine.ts';
import { ServiceError, guard, required } from './errors.ts';
import { auditResultOf, reportDetail } from './reports.ts';
import { rubricInForce } from './rubrics.ts';
import { DECISION_LABELS, VERDICT_LABELS } from '../../shared/wording.ts';

const TABLES: readonly TableId[] = ['active', 'requests', 'review'];

/**
 * The checks of a report as it will be after a reviewer's change (`pending`: a correction about to be
 * written), run in a worker under the per-file time limit before the change's transaction: this thread keeps
 * serving the UI meanwhile, and no transaction is held open while they run. If they overrun, nothing is saved.
 */
async function checkBeforeChange(store: Store, reportId: number, runner: CheckRunner, change: string, pending?: CellCorrectionInput): Promise<Checked> {
  const { rubric } = await rubricInForce(store);
  // The corrections the checks see; one saved meanwhile (a reviewer saving several cells at once) makes them stale.
  const corrections = (await store.reviews.corrections(reportId)).length + (pending ? 1 : 0);
  try {
    return { withoutPeers: await checkStored(store, reportId, rubric, runner, pending ? { pending } : {}), corrections };
  } catch (err) {
    if (err instanceof CheckFailure) throw new ServiceError('timeout', `${change}未保存：重新检查未完成（${err.message}）`);
    throw err;
  }
}

interface Checked {
  withoutPeers: readonly Finding[] | null;
  /** How many corrections the report had when checked (the pending one included). */
  corrections: number;
}

/**
 * Peer comparison + score for one report after a reviewer's change, as a new audit in a 'review' run. Call
 * inside the change's transaction. Returns false (writing nothing) when another correction was saved while
 * the checks ran: the caller then re-audits once the change is committed.
 */
async function reauditChecked(tx: Store, reportId: number, checked: Checked): Promise<boolean> {
  if ((await tx.reviews.corrections(reportId)).length !== checked.corrections) return false;
  await reaudit(tx, reportId, checked.withoutPeers);
  return true;
}

async function reaudit(tx: Store, reportId: number, withoutPeers: readonly Finding[] | null): Promise<void> {
  if (!withoutPeers) return;
  const { rubric: r } = await rubricInForce(tx);
  const { id, version } = rubricIdentity(r);
  const runId = await tx.audits.createRun({ kind: 'review', rubricId: id, rubricVersion: version, engineVersion: ENGINE_VERSION });
  const audit = await finishStored(tx, reportId, r, new PeerCache(tx), withoutPeers);
  if (audit) await tx.audits.insert(reportId, runId, audit);
}

/** Someone else changed the report since this reviewer's view was read: refuse rather than overwrite. */
async function checkRevision(tx: Store, reportId: number, seen: number | undefined): Promise<void> {
  const current = await tx.reviews.revision(reportId);
  if (seen !== undefined && seen !== current) throw new ServiceError('conflict', '已被他人修改，请刷新');
}

/**
 * A whole re-audit after a change already saved (e.g. a report assigned to another department): checks in a
 * worker, then peer comparison + score in a transaction of its own. If the checks overrun, the change stays
 * saved and the reviewer is told the score was not updated.
 */
export async function reauditSaved(store: Store, reportId: number, runner: CheckRunner, change: string): Promise<void> {
  const { rubric } = await rubricInForce(store);
  let withoutPeers: Finding[] | null;
  try {
    withoutPeers = await checkStored(store, reportId, rubric, runner);
  } catch (err) {
    if (err instanceof CheckFailure) throw new ServiceError('timeout', `${change}已保存，但重新检查未完成（${err.message}），分数未更新`);
    throw err;
  }
  await store.transaction((tx) => reaudit(tx, reportId, withoutPeers));
}

/** Longest overall comment accepted: the 审核意见 box holds about half a page. */
const MAX_COMMENT_CHARS = 2000;

export function reviewApi(store: Store, runner: () => CheckRunner): Pick<AuditorApi, 'decideFinding' | 'correctCell' | 'saveComment'> {
  return {
    saveComment: (input) =>
      guard(async () => {
        const reviewer = required(input.reviewer, '审核人');
        const text = input.text.trim();
        if (text.length > MAX_COMMENT_CHARS) throw new ServiceError('invalid', `审核意见过长：${text.length} 字（最多 ${MAX_COMMENT_CHARS} 字）`);
        if (!(await store.reports.row(input.reportId))) throw new ServiceError('not-found', `报告不存在（编号 ${input.reportId}）`);
        // A comment does not change what the checks find or the score: no re-audit.
        await store.reviews.insertComment(input.reportId, { text, reviewer });
        return reportDetail(store, input.reportId);
      }),

    decideFinding: (input) =>
      guard(async () => {
        const reason = required(input.reason, '理由');
        const reviewer = required(input.reviewer, '审核人');
        if (input.action !== 'confirm' && input.action !== 'dismiss') throw new ServiceError('invalid', `操作只能是 confirm（${DECISION_LABELS.confirm}）或 dismiss（${DECISION_LABELS.dismiss}）`);
        const result = await auditResultOf(store, input.reportId);
        const finding = result.findings[input.findingIndex];
        if (!finding) throw new ServiceError('invalid', `问题序号无效：${input.findingIndex}（共 ${result.findings.length} 条）`);
        if (finding.status === 'pass' || finding.status === 'na') {
          throw new ServiceError('invalid', `检查项“${finding.check}”的结论是${VERDICT_LABELS[finding.status]}，无需${DECISION_LABELS.confirm}或${DECISION_LABELS.dismiss}`);
        }
        // Decisions do not change what the checks find: they run on the report as it is.
        const checked = await checkBeforeChange(store, input.reportId, runner(), '审核意见');
        // Two reviewers deciding the same finding: both decisions stay in the history, the latest in force.
        const current = await store.transaction(async (tx) => {
          await checkRevision(tx, input.reportId, input.revision);
          await tx.reviews.insertDecision(input.reportId, { findingIndex: input.findingIndex, check: finding.check, message: finding.message, action: input.action, reason, reviewer });
          return reauditChecked(tx, input.reportId, checked);
        });
        if (!current) await reauditSaved(store, input.reportId, runner(), '审核意见');
        return reportDetail(store, input.reportId);
      }),

    correctCell: (input) =>
      guard(async () => {
        const reason = required(input.reason, '更正理由');
        const reviewer = required(input.reviewer, '审核人');
        const cell = input.cell;
        if (!TABLES.includes(cell.table)) throw new ServiceError('invalid', `表格名称无效：${String(cell.table)}（应为 active、requests 或 review）`);
        if (input.value !== null && (typeof input.value !== 'number' || !Number.isFinite(input.value))) {
          throw new ServiceError('invalid', '更正值必须是数字，或 null 表示空白');
        }
        const report = await effectiveReport(store, input.reportId);
        if (!report) throw new ServiceError('not-found', `报告不存在或无法读取（编号 ${input.reportId}）`);
        if (report.tables[cell.table] === null) throw new ServiceError('invalid', `${TABLE_TITLES[cell.table]}在报告中缺失，无法更正单元格`);
        const before = cellValueAt(report.tables, cell);
        if (before === undefined || !isCellInTemplate(cell, report.generation, report.tables.active?.length)) {
          throw new ServiceError('invalid', `单元格位置超出表格范围：${TABLE_TITLES[cell.table]} ${JSON.stringify(cellFields(cell))}`);
        }
        const valueProblem = input.value === null ? null : cellValueProblem(cell, input.value, report.generation, report.tables.active?.length);
        if (valueProblem) throw new ServiceError('invalid', `更正值无效：${valueProblem}`);
        const correction = { cell, before, value: input.value, reviewer, reason };
        const checked = await checkBeforeChange(store, input.reportId, runner(), '单元格更正', correction);
        const current = await store.transaction(async (tx) => {
          await checkRevision(tx, input.reportId, input.revision);
          await tx.reviews.insertCorrection(input.reportId, correction);
          return reauditChecked(tx, input.reportId, checked);
        });
        if (!current) await reauditSaved(store, input.reportId, runner(), '单元格更正');
        return reportDetail(store, input.reportId);
      }),
  };
}
