/** AuditorApi: the reviewer's decisions on findings and corrections of table cells, each followed by a re-audit. */
import type { AuditorApi } from '../../shared/api.ts';
import type { CellValue, TableId } from '../../shared/model.ts';
import type { Db } from '../store/db.ts';
import { createRun, insertAudit, insertCorrection, insertDecision } from '../store/reports.ts';
import { PeerCache, auditStored, effectiveReport } from '../auditing.ts';
import { ENGINE_VERSION, rubricIdentity } from '../engine.ts';
import { ServiceError, guard, required } from './errors.ts';
import { auditResultOf, reportDetail } from './reports.ts';
import { rubricInForce } from './rubrics.ts';

const TABLES: readonly TableId[] = ['active', 'requests', 'review'];

/** Re-run checks + score for one report after a reviewer's change, as a new audit in a 'review' run. */
function reaudit(db: Db, reportId: number): void {
  const { rubric: r } = rubricInForce(db);
  const { id, version } = rubricIdentity(r);
  db.transaction(() => {
    const runId = createRun(db, { kind: 'review', rubricId: id, rubricVersion: version, engineVersion: ENGINE_VERSION });
    const audit = auditStored(db, reportId, r, new PeerCache(db));
    if (audit) insertAudit(db, reportId, runId, audit);
  }).immediate();
}

export function reviewApi(db: Db): Pick<AuditorApi, 'decideFinding' | 'correctCell'> {
  return {
    decideFinding: (input) =>
      guard(() => {
        const reason = required(input.reason, '理由');
        const reviewer = required(input.reviewer, '审核人');
        if (input.action !== 'confirm' && input.action !== 'dismiss') throw new ServiceError('invalid', '操作只能是 confirm（确认）或 dismiss（撤销）');
        const result = auditResultOf(db, input.reportId);
        const finding = result.findings[input.findingIndex];
        if (!finding) throw new ServiceError('invalid', `问题序号无效：${input.findingIndex}（共 ${result.findings.length} 条）`);
        if (finding.status === 'pass' || finding.status === 'na') {
          throw new ServiceError('invalid', `检查项“${finding.check}”的结论是${finding.status === 'pass' ? '通过' : '不适用'}，无需确认或撤销`);
        }
        insertDecision(db, input.reportId, { findingIndex: input.findingIndex, check: finding.check, message: finding.message, action: input.action, reason, reviewer });
        reaudit(db, input.reportId);
        return reportDetail(db, input.reportId);
      }),

    correctCell: (input) =>
      guard(() => {
        const reason = required(input.reason, '更正理由');
        const reviewer = required(input.reviewer, '审核人');
        if (!TABLES.includes(input.table)) throw new ServiceError('invalid', `表格名称无效：${String(input.table)}（应为 active、requests 或 review）`);
        if (input.value !== null && (typeof input.value !== 'number' || !Number.isFinite(input.value))) {
          throw new ServiceError('invalid', '更正值必须是数字，或 null 表示空白');
        }
        const report = effectiveReport(db, input.reportId);
        if (!report) throw new ServiceError('not-found', `报告不存在或无法读取（编号 ${input.reportId}）`);
        let before: CellValue | undefined;
        if (input.table === 'requests') before = report.tables.requests?.[input.row]?.[input.col];
        else if (input.col === 0) before = report.tables[input.table]?.[input.row];
        if (report.tables[input.table] === null) throw new ServiceError('invalid', '该表格在报告中缺失，无法更正单元格');
        if (before === undefined) throw new ServiceError('invalid', `单元格位置超出表格范围：第 ${input.row} 行第 ${input.col} 列`);
        insertCorrection(db, input.reportId, { table: input.table, row: input.row, col: input.col, before, value: input.value, reviewer, reason });
        reaudit(db, input.reportId);
        return reportDetail(db, input.reportId);
      }),
  };
}
