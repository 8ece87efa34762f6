/** AuditorApi: the rubric (read, save a new version) and re-scoring every latest report with it. */
import type { AuditorApi, RubricDocument } from '../../shared/api.ts';
import type { Db } from '../store/db.ts';
import { currentRubric, insertRubric, nextRubricVersion } from '../store/rubrics.ts';
import { createRun, decisionsOf, findingsOfAudit, insertAudit, latestReportIds, reportRow } from '../store/reports.ts';
import { effectiveReport, summarize } from '../auditing.ts';
import {
  ENGINE_VERSION,
  defaultRubricJson,
  parseRubricJson,
  rescoreFindings,
  rubricIdentity,
  withRubricVersion,
  type Rubric,
} from '../engine.ts';
import { ServiceError, guard } from './errors.ts';

/** The rubric in force (the default one is stored on first use), parsed and as stored. */
export function rubricInForce(db: Db): { rubric: Rubric; doc: RubricDocument } {
  let row = currentRubric(db);
  if (!row) {
    const parsed = parseRubricJson(defaultRubricJson());
    const { id, version } = rubricIdentity(parsed);
    row = insertRubric(db, id, version, defaultRubricJson());
  }
  const parsed = withRubricVersion(parseRubricJson(row.json), row.id, row.version);
  return { rubric: parsed, doc: { id: row.id, version: row.version, json: row.json, createdAt: row.createdAt } };
}

export function rubricApi(db: Db): Pick<AuditorApi, 'getRubric' | 'saveRubric' | 'rescoreAll'> {
  return {
    getRubric: () => guard(() => rubricInForce(db).doc),

    saveRubric: (input) =>
      guard(() => {
        let parsed: Rubric;
        try {
          parsed = parseRubricJson(input.json);
        } catch (err) {
          throw new ServiceError('invalid', `评分规则无效：${(err as Error).message}`);
        }
        const { id } = rubricIdentity(parsed);
        const row = db.transaction(() => insertRubric(db, id, nextRubricVersion(db, id), input.json)).immediate();
        return { id: row.id, version: row.version, json: row.json, createdAt: row.createdAt };
      }),

    rescoreAll: () =>
      guard(() => {
        const started = performance.now();
        const { rubric: r } = rubricInForce(db);
        const { id, version } = rubricIdentity(r);
        const ids = latestReportIds(db);
        let n = 0;
        db.transaction(() => {
          const runId = createRun(db, { kind: 'rescore', rubricId: id, rubricVersion: version, engineVersion: ENGINE_VERSION });
          for (const reportId of ids) {
            const row = reportRow(db, reportId)!;
            if (!row.currentAuditId) continue;
            const report = effectiveReport(db, reportId);
            if (!report) continue; // unreadable: vetoed, nothing to score
            const findings = findingsOfAudit(db, row.currentAuditId);
            const decisions = decisionsOf(db, reportId);
            const rescored = rescoreFindings(report, findings, r, decisions);
            insertAudit(db, reportId, runId, { findings: rescored.findings, score: rescored.score, ...summarize(rescored.findings, decisions) });
            n++;
          }
        }).immediate();
        return { reports: n, ms: Math.round(performance.now() - started) };
      }),
  };
}
