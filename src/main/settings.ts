/**
 * Resource limits for reading submitted files, in one place. Offices receive whatever departments send
 * (200 MB photo PDFs, zip bombs, files that make a parser loop): every importer takes its limits from here.
 *
 * Defaults can be changed per machine with environment variables (whole numbers):
 *   OGI_MAX_FILE_MB        largest file read at all (default 100)
 *   OGI_PARSE_TIMEOUT_S    longest time one file may take to read and parse (default 120)
 *   OGI_WORKER_MEMORY_MB   heap of one parsing worker; over it the worker is killed, the file fails (default 2048)
 *   OGI_MAX_TEXT_CHARS     most characters of text one report may hold (default 1,000,000; see maxReportChars)
 * The .docx decompression limits live with the zip reader (src/core/ingest/zip-guard.ts, DOCX_ZIP_LIMITS).
 */

export interface ReadLimits {
  /** Files larger than this are not read (errorCode `too-large`). */
  maxFileBytes: number;
  /** Per-file read + parse time in a worker; over it the worker is terminated (errorCode `timeout`). */
  timeoutMs: number;
  /** V8 old-generation limit of each parsing worker (errorCode `out-of-memory` when exceeded). */
  workerMemoryMb: number;
}

const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * MB,
  timeoutMs: 120_000,
  workerMemoryMb: 2048,
});

function positiveInt(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Defaults, then environment overrides, then explicit overrides (tests, CLI options). */
export function readLimits(overrides: Partial<ReadLimits> = {}, env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const fromEnv: Partial<ReadLimits> = {};
  const maxMb = positiveInt(env['OGI_MAX_FILE_MB']);
  if (maxMb !== null) fromEnv.maxFileBytes = maxMb * MB;
  const timeoutS = positiveInt(env['OGI_PARSE_TIMEOUT_S']);
  if (timeoutS !== null) fromEnv.timeoutMs = timeoutS * 1000;
  const memoryMb = positiveInt(env['OGI_WORKER_MEMORY_MB']);
  if (memoryMb !== null) fromEnv.workerMemoryMb = memoryMb;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<ReadLimits>;
  return { ...DEFAULT_READ_LIMITS, ...fromEnv, ...defined };
}

/** "12.3 MB" for messages. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** The reason shown for a file over the size limit (names the size and the limit). */
export function tooLargeReason(size: number, limit: number): string {
  return `文件过大（${formatMegabytes(size)}），超过单个文件 ${formatMegabytes(limit)} 的上限，未读取；请人工审核，或请报送单位压缩后重新报送`;
}

/**
 * Most characters of text one report may hold. A real annual report has 10,000–100,000; a file with millions
 * (a 40 MB .txt) would be refused anyway by any reviewer, and storing and re-reading its model happens in the
 * thread that serves the UI (one SQLite write of ~3× its text): the worker refuses it instead.
 */
export function maxReportChars(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInt(env['OGI_MAX_TEXT_CHARS']) ?? 1_000_000;
}

/** The reason shown for a report over the text limit. */
export function tooLongReason(chars: number, limit: number): string {
  const wan = (n: number): string => `${Math.round(n / 10_000).toLocaleString('zh-CN')} 万字`;
  return `正文过长（约 ${wan(chars)}），超过一份年报 ${wan(limit)} 的上限，未导入；请人工审核，或请报送单位核对文件后重新报送`;
}
