/** Runs one check by id on a report, through the registry (profiles applied), for tests. */
import type { Finding, Report } from '../../../src/shared/model.ts';
import { findCheck, runCheck, verdictOf } from '../../../src/core/checks/index.ts';
import type { CheckContext } from '../../../src/core/checks/types.ts';

export function check(id: string, report: Report, context: Partial<CheckContext> = {}): { verdict: Finding['status'] | null; findings: Finding[] } {
  const c = findCheck(id);
  if (!c) throw new Error(`unknown check ${id}`);
  const findings = runCheck(c, report, { previous: null, peers: [], options: {}, ...context });
  return { verdict: verdictOf(findings, id), findings };
}
