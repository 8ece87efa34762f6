/**
 * 003: reports whose cross-report checks are still to be re-run. An import marks each report it writes (in
 * the report's own transaction) and clears the marks once its closing refresh has compared them with the
 * whole batch; a report still marked was written by an import that died before that (kill -9, power loss),
 * and the next import finishes it.
 */
import type { Migration } from './index.ts';

export const migration003: Migration = {
  version: 3,
  name: 'pending-refresh',
  sqlite: `
CREATE TABLE pending_refresh (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id)
);
`,
  postgres: `
CREATE TABLE pending_refresh (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id)
);
`,
};
