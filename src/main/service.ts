/**
 * The one implementation of AuditorApi, over a Store (the SQLite file, or a shared PostgreSQL database). The Electron IPC adapter and the web
 * adapter both call this; neither contains logic of its own. Each concern lives in `service/`:
 * imports (jobs and the worker pool), reports (reading), review (decisions, corrections), documents
 * (printable HTML), rubrics (and re-scoring), departments (and the roster), exports (批量导出 jobs),
 * settings (the office's name).
 */
import type { AuditorApi, ImportProgress, ImportProgressUpdate } from '../shared/api.ts';
import { openStore } from './store/open.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';
import { importJobs, type ImportListener, type ImportOptions } from './service/imports.ts';
import { reportApi } from './service/reports.ts';
import { reviewApi } from './service/review.ts';
import { documentApi } from './service/documents.ts';
import { rubricApi } from './service/rubrics.ts';
import { departmentApi } from './service/departments.ts';
import { exportApi } from './service/exports.ts';
import { settingsApi } from './service/settings.ts';
import { rollupApi } from './service/rollup.ts';
import { chartsApi } from './service/charts.ts';
import { databaseApi, type DatabaseSettingOptions } from './service/database.ts';

export { ServiceError } from './service/errors.ts';
export type { ImportListener } from './service/imports.ts';

export interface ServiceOptions extends ImportOptions {
  /** A SQLite file (opened here); for PostgreSQL open the store first (`openService`). */
  dbPath?: string;
  /** An open store; the service closes it on close(). */
  store?: Store;
  /** The office's name, printed on sheets. */
  office?: string;
  /** The 数据库 setting's file (app and browser mode); without it the setting is read-only. */
  database?: DatabaseSettingOptions;
}

export interface AuditorService extends AuditorApi {
  close(): Promise<void>;
  /** Progress of every import job as deltas (for the SSE stream, the CLI). Returns the unsubscribe function. */
  onImportProgress(listener: ImportListener): () => void;
  /** Snapshots of the running jobs and the last finished one, for a listener that joins now. */
  currentImports(): ImportProgressUpdate[];
  /** Resolves when the job has finished (tests, CLI). */
  waitForImport(jobId: string): Promise<ImportProgress>;
  /** Starts the parsing workers if needed; resolves when they are ready for files. */
  workersReady(): Promise<void>;
  /** The zip of a finished browser-mode export (served by the web adapter as a download). */
  exportArchive(jobId: string): { file: string; name: string } | null;
  readonly store: Store;
}

export function createService(options: ServiceOptions): AuditorService {
  const store = options.store ?? openSqliteStore(options.dbPath ?? './ogi-audit.db');
  const imports = importJobs(store, options);
  const { close: closeExports, ...exports } = exportApi(store, options.office);
  return {
    store,
    ...imports,
    ...reportApi(store),
    ...reviewApi(store, () => imports.checkRunner()),
    ...documentApi(store, options.office),
    ...rubricApi(store),
    ...departmentApi(store, () => imports.checkRunner()),
    ...exports,
    ...settingsApi(store, options.office),
    ...rollupApi(store),
    ...chartsApi(store),
    ...databaseApi(store, options.database ?? {}),
    async close() {
      await imports.close();
      await closeExports();
      await store.close();
    },
  };
}

/** The service over whatever `location` names: a SQLite file path or a `postgres://` address. */
export async function openService(location: string, options: Omit<ServiceOptions, 'dbPath' | 'store'> = {}): Promise<AuditorService> {
  return createService({ ...options, store: await openStore(location) });
}
