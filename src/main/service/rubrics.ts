/** AuditorApi: the rubric (read, save a new version) and re-scoring every latest report with it. */
import type { AuditorApi, RubricDocument } from '../../shared/api.ts';
import type { Store } from '../store/store.ts';
import { effectiveReport, summarize } from '../auditing.ts';
import { NO_FAILED } from '../../shared/problem-counts.ts';
import {
  ENGINE_VERSION,
  defaultRubricJson,
  parseRubricJson,
  rescoreFindings,
  rubricIdentity,
  vetoScoreFor,
  withRubricVersion,
  type Rubric,
} from '../engine.ts';
import { ServiceError, guard } from './errors.ts';

/**
 * The rubric as shown: its JSON says the version the store gave it (a saved JSON still carries the number
 * it was edited from), so the screen's header and the rubric agree.
 */
function shownDoc(row: { id: string; version: number; json: string; createdAt: string }): RubricDocument {
  let json = row.json;
  try {
    const data = JSON.parse(row.json) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) json = JSON.stringify({ ...data, version: row.version }, null, 2);
  } catch {
    // Stored rubrics are validated on save; an unreadable one is shown as it is.
  }
  return { id: row.id, version: row.version, json, createdAt: row.createdAt };
}

/** The rubric in force (the default one is stored on first use), parsed and as stored. */
export async function rubricInForce(store: Store): Promise<{ rubric: Rubric; doc: RubricDocument }> {
  let row = await store.rubrics.current();
  if (!row) {
    const parsed = parseRubricJson(defaultRubricJson());
    const { id, version } = rubricIdentity(parsed);
    row = await store.rubrics.insert(id, defaultRubricJson(), version);
  }
  const parsed = withRubricVersion(parseRubricJson(row.json), row.id, row.version);
  return { rubric: parsed, doc: shownDoc(row) };
}

/**
 * Reads the rubric in force on each call (an import asks before every report it scores, so a version
 * saved meanwhile applies at once), parsing its JSON only when the stored version changed.
 */
export function rubricInForceReader(): (store: Store) => Promise<Rubric> {
  let cached: { key: string; rubric: Rubric } | null = null;
  return async (store) => {
    const row = await store.rubrics.current();
    const key = row ? `${row.id}@${row.version}@${row.createdAt}` : '';
    if (cached?.key === key) return cached.rubric;
    const { rubric } = await rubricInForce(store);
    cached = { key: row ? key : '', rubric };
    return rubric;
  };
}

export function rubricApi(store: Store): Pick<AuditorApi, 'getRubric' | 'saveRubric' | 'rescoreAll'> {
  return {
    getRubric: () => guard(async () => (await rubricInForce(store)).doc),

    saveRubric: (input) =>
      guard(async () => {
        let parsed: Rubric;
        try {
          parsed = parseRubricJson(input.json);
        } catch (err) {
          throw new ServiceError('invalid', `评分规则无效：${(err as Error).message}`);
        }
        const { id } = rubricIdentity(parsed);
        const row = await store.rubrics.insert(id, input.json);
        return shownDoc(row);
      }),

    rescoreAll: () =>
      guard(async () => {
        const started = performance.now();
        let n = 0;
        await store.transaction(async (tx) => {
          n = 0;
          // Read inside the transaction: a report an import writes meanwhile is either here or scored by the
          // import itself with the rubric in force (importer.ts), never left on the old version.
          const { rubric: r } = await rubricInForce(tx);
          const { id, version } = rubricIdentity(r);
          const ids = await tx.reports.latestIds();
          const runId = await tx.audits.createRun({ kind: 'rescore', rubricId: id, rubricVersion: version, engineVersion: ENGINE_VERSION });
          for (const reportId of ids) {
            const row = (await tx.reports.row(reportId))!;
            if (!row.currentAuditId) continue;
            const report = await effectiveReport(tx, reportId);
            if (!report) {
              // Unreadable: still vetoed, but under the new rubric's version like every other audit.
              const file = await tx.files.byId(row.fileId);
              await tx.audits.insert(reportId, runId, { findings: [], score: vetoScoreFor(file?.error ?? '无法读取', r), late: null, failed: 0, uncertain: 0, failedCounts: NO_FAILED });
              n++;
              continue;
            }
            const findings = await tx.audits.findings(row.currentAuditId);
            const decisions = await tx.reviews.decisions(reportId);
            const rescored = rescoreFindings(report, findings, r, decisions);
            await tx.audits.insert(reportId, runId, { findings: rescored.findings, score: rescored.score, ...summarize(rescored.findings, decisions, rescored.score) });
            n++;
          }
        });
        return { reports: n, ms: Math.round(performance.now() - started) };
      }),
  };
}
