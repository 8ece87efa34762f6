/**
 * The one implementation of AuditorApi, over the SQLite store. The Electron IPC adapter and the web
 * adapter both call this; neither contains logic of its own. Each concern lives in `service/`:
 * imports (jobs and the worker pool), reports (reading), review (decisions, corrections), documents
 * (printable HTML), rubrics (and re-scoring), departments (and the roster).
 */
import type { AuditorApi, ImportProgress } from '../shared/api.ts';
import { openDatabase, type Db } from './store/db.ts';
import { importJobs, type ImportListener, type ImportOptions } from './service/imports.ts';
import { reportApi } from './service/reports.ts';
import { reviewApi } from './service/review.ts';
import { documentApi } from './service/documents.ts';
import { rubricApi } from './service/rubrics.ts';
import { departmentApi } from './service/departments.ts';

export { ServiceError } from './service/errors.ts';
export type { ImportListener } from './service/imports.ts';

export interface ServiceOptions extends ImportOptions {
  dbPath: string;
  /** The office's name, printed on sheets. */
  office?: string;
}

export interface AuditorService extends AuditorApi {
  close(): Promise<void>;
  /** Progress of every import job (for the SSE stream / IPC events). Returns the unsubscribe function. */
  onImportProgress(listener: ImportListener): () => void;
  /** Resolves when the job has finished (tests, CLI). */
  waitForImport(jobId: string): Promise<ImportProgress>;
  /** Starts the parsing workers if needed; resolves when they are ready for files. */
  workersReady(): Promise<void>;
  readonly db: Db;
}

export function createService(options: ServiceOptions): AuditorService {
  const db = openDatabase(options.dbPath);
  const imports = importJobs(db, options);
  return {
    db,
    ...imports,
    ...reportApi(db),
    ...reviewApi(db),
    ...documentApi(db, options.office),
    ...rubricApi(db),
    ...departmentApi(db),
    async close() {
      await imports.close();
      db.close();
    },
  };
}
