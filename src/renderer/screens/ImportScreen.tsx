/**
 * 导入: pick folders/files (native dialogs in Electron; a server-side folder path or uploads in the browser),
 * drop files or folders anywhere on the drop zone, and watch each import job's progress and problems.
 * Imports run in the background: the reviewer can leave this screen at any time.
 */
import { useState } from 'react';
import type { DragEvent } from 'react';
import { api, desktop, errorText } from '../api/client.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { useApp } from '../store.ts';
import type { ImportJob } from '../store.ts';

/** Office lock files and hidden files are never reports; everything else goes to the backend, which says why it skips. */
const NOT_REPORT = /(^|\/)(~\$|\.)[^/]*$/;
/** Uploads are sent in batches so one request stays small. */
const BATCH_BYTES = 24 * 1024 * 1024;

export async function startImport(paths: string[], year: number | undefined): Promise<void> {
  const { trackJob, notify } = useApp.getState();
  try {
    const { jobId } = await api.importPaths(year ? { paths, year } : { paths });
    trackJob(jobId, paths.length === 1 ? paths[0]! : `${paths[0]} 等 ${paths.length} 项`);
  } catch (error) {
    notify('error', `无法开始导入：${errorText(error)}`);
  }
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function startUpload(files: File[]): Promise<void> {
  const { trackJob, notify } = useApp.getState();
  const wanted = files.filter((file) => !NOT_REPORT.test(relativeName(file)));
  if (wanted.length === 0) return notify('error', '没有可导入的文件');
  let batch: File[] = [];
  let size = 0;
  const batches: File[][] = [];
  for (const file of wanted) {
    if (batch.length > 0 && size + file.size > BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(file);
    size += file.size;
  }
  if (batch.length > 0) batches.push(batch);
  for (const group of batches) {
    try {
      const payload = await Promise.all(group.map(async (file) => ({ name: relativeName(file), base64: toBase64(await file.arrayBuffer()) })));
      const { jobId } = await api.importUploads({ files: payload });
      trackJob(jobId, group.length === 1 ? group[0]!.name : `上传的 ${group.length} 个文件`);
    } catch (error) {
      notify('error', `上传失败：${errorText(error)}`);
    }
  }
}

/** Folder name helps the backend guess the department; keep the relative path of files picked in folders. */
function relativeName(file: File): string {
  const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return relative || file.name;
}

/** Collect the files of dropped items, walking dropped folders (browser mode). */
async function droppedFiles(items: DataTransferItemList): Promise<File[]> {
  const files: File[] = [];
  const readEntry = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push(prefix ? new File([file], `${prefix}${file.name}`, { type: file.type }) : file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await readEntry(child, `${prefix}${entry.name}/`);
      }
    }
  };
  const entries = Array.from(items)
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  for (const entry of entries) await readEntry(entry, '');
  return files;
}

function JobCard({ job }: { job: ImportJob }) {
  const p = job.progress;
  const [cancelError, setCancelError] = useState<string | null>(null);
  const cancel = (): void => {
    api.cancelImport({ jobId: job.jobId }).then(
      () => setCancelError(null),
      (err: unknown) => setCancelError(errorText(err)),
    );
  };
  return (
    <section className="card job" aria-label={`导入任务 ${job.label}`}>
      <div className="job-head">
        <strong className="wrap">{job.label}</strong>
        <span className={p?.finished ? 'tag ok' : 'tag'}>
          {job.failure ? '状态未知' : p?.finished ? (p.cancelled ? '已取消' : '已完成') : p?.cancelled ? '正在取消' : '正在导入'}
        </span>
        {p && !p.finished && !p.cancelled && (
          <button type="button" className="secondary" onClick={cancel}>
            取消导入
          </button>
        )}
      </div>
      <ProgressBar value={p?.done ?? 0} max={p?.total ?? 0} label={`导入进度 ${job.label}`} />
      <p className="muted wrap">
        已导入 {p?.imported ?? 0} 份
        {p && p.skipped.length > 0 ? `，跳过 ${p.skipped.length} 个` : ''}
        {p && p.errors.length > 0 ? `，无法读取 ${p.errors.length} 个` : ''}
        {p?.current && !p.finished ? ` · 正在处理：${p.current}` : ''}
      </p>
      {p?.ocr && !p.finished && (
        <div>
          <ProgressBar value={p.ocr.done - 1} max={p.ocr.total} label={`文字识别进度 ${p.ocr.file}`} />
          <p className="muted wrap">
            扫描件文字识别：第 {p.ocr.done}/{p.ocr.total} 页（原文件第 {p.ocr.page} 页）
          </p>
        </div>
      )}
      {job.failure && <p className="error">{job.failure}</p>}
      {cancelError && <p className="error">{cancelError}</p>}
      {p && p.errors.length > 0 && (
        <details open>
          <summary>无法读取的文件（{p.errors.length}）</summary>
          <ul className="problem-list">
            {p.errors.map((item) => (
              <li key={item.file}>
                <span className="wrap file">{item.file}</span>
                <span className="reason">{item.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {p && p.skipped.length > 0 && (
        <details>
          <summary>跳过的文件（{p.skipped.length}）</summary>
          <ul className="problem-list">
            {p.skipped.map((item) => (
              <li key={item.file}>
                <span className="wrap file">{item.file}</span>
                <span className="reason">{item.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function ImportScreen() {
  const jobs = useApp((s) => s.jobs);
  const navigate = useApp((s) => s.navigate);
  const [serverPath, setServerPath] = useState('');
  const [year, setYear] = useState('');
  const [dragging, setDragging] = useState(false);
  const yearValue = /^\d{4}$/.test(year) ? Number(year) : undefined;

  async function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (desktop) {
      const paths = Array.from(event.dataTransfer.files)
        .map((file) => desktop!.pathForFile(file))
        .filter(Boolean);
      if (paths.length > 0) return startImport(paths, yearValue);
    }
    await startUpload(await droppedFiles(event.dataTransfer.items));
  }

  return (
    <div className="screen import-screen">
      <h1>导入年度报告</h1>
      <div
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => void onDrop(event)}
      >
        <p className="drop-hint">把存放报告的文件夹或文件拖到这里</p>
        <p className="muted">支持 .docx .pdf .txt .doc .html；同一文件重复导入会自动跳过。</p>
        <div className="actions">
          {desktop ? (
            <>
              <button type="button" className="primary" onClick={() => void desktop!.choosePaths({ kind: 'folder' }).then((p) => (p.length > 0 ? startImport(p, yearValue) : undefined))}>
                选择文件夹…
              </button>
              <button type="button" onClick={() => void desktop!.choosePaths({ kind: 'files' }).then((p) => (p.length > 0 ? startImport(p, yearValue) : undefined))}>
                选择文件…
              </button>
            </>
          ) : (
            <label className="button primary">
              选择文件上传…
              <input
                type="file"
                multiple
                className="visually-hidden"
                accept=".docx,.pdf,.txt,.doc,.html,.htm"
                onChange={(event) => {
                  const files = Array.from(event.target.files ?? []);
                  event.target.value = '';
                  void startUpload(files);
                }}
              />
            </label>
          )}
        </div>
      </div>
      <form
        className="card inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (serverPath.trim()) void startImport([serverPath.trim()], yearValue);
        }}
      >
        <label className="grow">
          {desktop ? '或输入文件夹路径' : '或输入服务器上的文件夹路径'}
          <input value={serverPath} placeholder="例如 D:\年报\2023 或 /data/reports/2023" onChange={(e) => setServerPath(e.target.value)} />
        </label>
        <label className="narrow">
          年度（可选）
          <input value={year} inputMode="numeric" placeholder="自动识别" maxLength={4} onChange={(e) => setYear(e.target.value.replace(/\D/g, ''))} />
        </label>
        <button type="submit" disabled={!serverPath.trim()}>
          导入该文件夹
        </button>
      </form>
      {jobs.length > 0 && (
        <div className="jobs">
          <div className="section-head">
            <h2>导入任务</h2>
            <button type="button" onClick={() => navigate({ view: 'overview' })}>
              查看总览 →
            </button>
          </div>
          {[...jobs].reverse().map((job) => (
            <JobCard key={job.jobId} job={job} />
          ))}
        </div>
      )}
    </div>
  );
}
