/** AuditorApi: batch exports of a year's documents (批量导出), run as jobs. */
import type { AuditorApi } from '../../shared/api.ts';
import type { Store } from '../store/store.ts';
import { ENGINE_VERSION } from '../engine.ts';
import { ExportJobs } from '../export-jobs.ts';
import { ServiceError, guard } from './errors.ts';
import { officeName } from './settings.ts';

export interface ExportApi extends Pick<AuditorApi, 'exportYear' | 'exportStatus'> {
  /** The zip of a finished browser-mode export (served by the web adapter as a download). */
  exportArchive(jobId: string): { file: string; name: string } | null;
  close(): Promise<void>;
}

export function exportApi(store: Store, fallbackOffice: string | undefined): ExportApi {
  const jobs = new ExportJobs();
  return {
    exportYear: (input) =>
      guard(async () => {
        if ((await store.reports.summaries({ year: input.year, latestOnly: true })).length === 0) throw new ServiceError('invalid', `${input.year} 年度没有已导入的报告`);
        const folder = input.folder?.trim();
        return jobs.start({ store, year: input.year, office: await officeName(store, fallbackOffice), engineVersion: ENGINE_VERSION, ...(folder ? { folder } : {}) });
      }),
    exportStatus: (input) =>
      guard(() => {
        const job = jobs.status(input.jobId);
        if (!job) throw new ServiceError('not-found', `导出任务不存在：${input.jobId}`);
        return job;
      }),
    exportArchive: (jobId) => jobs.archive(jobId),
    close: () => jobs.close(),
  };
}
