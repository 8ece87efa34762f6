/**
 * Batch exports started from the UI run as jobs (they take a minute for a year of sheets): progress is
 * polled with exportStatus; in browser mode the result is one zip served by the web adapter.
 */
import crypto from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExportProgress } from '../shared/api.ts';
import type { Store } from './store/store.ts';
import { exportYear, zipFolder } from './export/batch-export.ts';

export interface ExportJobOptions {
  store: Store;
  year: number;
  /** Desktop: write here; otherwise a temporary folder that is zipped for download. */
  folder?: string;
  office: string | undefined;
  engineVersion: string;
}

export class ExportJobs {
  private readonly jobs = new Map<string, ExportProgress>();
  private readonly archives = new Map<string, string>();
  private readonly temporary: string[] = [];
  /** One export at a time: each starts a Chromium; two at once would only share the same two cores. */
  private chain: Promise<unknown> = Promise.resolve();

  start(options: ExportJobOptions): { jobId: string } {
    const jobId = crypto.randomUUID();
    const folder = options.folder ?? null;
    const progress: ExportProgress = {
      jobId, year: options.year, total: 0, done: 0, current: '排队中', finished: false, error: null, folder, files: [], download: null, sheets: 0, notices: 0,
    };
    this.jobs.set(jobId, progress);
    const update = (patch: Partial<ExportProgress>): void => {
      this.jobs.set(jobId, { ...this.jobs.get(jobId)!, ...patch });
    };
    this.chain = this.chain.then(async () => {
      try {
        const dir = folder ? path.join(folder, `${options.year}年度年报审核材料`) : this.tempDir();
        const result = await exportYear(options.store, dir, {
          year: options.year,
          engineVersion: options.engineVersion,
          ...(options.office ? { office: options.office } : {}),
          onProgress: (done, total, current) => update({ done, total, current }),
        });
        let download: string | null = null;
        if (!folder) {
          download = `${options.year}年度年报审核材料.zip`;
          const archive = path.join(dir, download);
          await writeFile(archive, await zipFolder(dir, result.files));
          this.archives.set(jobId, archive);
        }
        update({ finished: true, current: null, files: result.files, download, folder: folder ? dir : null, sheets: result.sheets, notices: result.notices });
      } catch (err) {
        update({ finished: true, current: null, error: `导出失败：${(err as Error).message}` });
      }
    });
    return { jobId };
  }

  status(jobId: string): ExportProgress | null {
    return this.jobs.get(jobId) ?? null;
  }

  /** The zip of a finished browser-mode export. */
  archive(jobId: string): { file: string; name: string } | null {
    const file = this.archives.get(jobId);
    return file ? { file, name: path.basename(file) } : null;
  }

  private tempDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-export-'));
    this.temporary.push(dir);
    return dir;
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
    await Promise.all(this.temporary.map((d) => rm(d, { recursive: true, force: true })));
  }
}
