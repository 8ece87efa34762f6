/**
 * `ogi-audit audit <files or folders…>`: read, check and score every report without a database,
 * print one line per file and a summary, optionally write the JSON export and the printable outputs.
 * Exit code 0 when every file was read (findings are not errors), 2 when some could not be read.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { auditBatchWith, reuseFingerprint, type BatchFile, type CheckOptions, type ReadResult, type SoloOutcome } from '../engine.ts';
import type { AuditResult } from '../../shared/model.ts';
import { sha256 } from '../hash.ts';
import { walkInputs } from '../walk.ts';
import { WorkerPool, defaultPoolSize } from '../worker-pool.ts';
import { readLimits } from '../settings.ts';
import { loadRubricOption } from './rubric-option.ts';
import { formatResultLine, formatSummary } from './format.ts';
import { terminalSafe as safe } from './terminal-text.ts';
import { FileReadRefused, readFileWithin } from '../read-file.ts';

export interface AuditCommandOptions {
  json?: string;
  rubric?: string;
  out?: string;
  deadline?: string;
  quiet?: boolean;
}

/** Hook for the printable outputs (sheets, notices, summary, Excel); registered by the export module. */
export type OutputWriter = (results: AuditResult[], outDir: string) => Promise<void>;
let outputWriter: OutputWriter | null = null;
export function setOutputWriter(writer: OutputWriter): void {
  outputWriter = writer;
}

/**
 * Read every file in the worker pool (all cores), keeping only a bounded number of files in memory.
 * Results come back in input order; a file that cannot be opened or read gets its reason.
 */
async function readAll(files: string[], pool: WorkerPool, limits: ReturnType<typeof readLimits>): Promise<BatchFile[]> {
  const out: BatchFile[] = new Array<BatchFile>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      let bytes: Uint8Array;
      try {
        // Checked on the open handle, at most the limit read: a FIFO or /dev/zero link swapped in is refused at once.
        bytes = await readFileWithin(file, limits.maxFileBytes);
      } catch (e) {
        const refused = e instanceof FileReadRefused ? e : new FileReadRefused(`无法打开文件：${(e as Error).message}`, 'unreadable');
        const errorCode = refused.code === 'too-large' ? 'too-large' : 'damaged';
        out[index] = { read: { file, format: null, report: null, error: refused.message, errorCode }, sha256: '', size: refused.size };
        continue;
      }
      const hash = sha256(bytes);
      const size = bytes.byteLength;
      const outcome = await pool.run({ id: index, file, bytes });
      const read: ReadResult = { file, format: outcome.format, report: outcome.report, error: outcome.error, errorCode: outcome.errorCode };
      // The worker's narrative fingerprint serves the peer comparison here.
      if (outcome.report && outcome.fingerprint !== null) reuseFingerprint(outcome.report, outcome.fingerprint);
      out[index] = { read, sha256: hash, size };
    }
  };
  await Promise.all(Array.from({ length: Math.min(files.length, pool.size * 2) }, worker));
  return out;
}

export async function runAudit(inputs: string[], options: AuditCommandOptions): Promise<number> {
  const rubric = loadRubricOption(options.rubric);
  const walked = walkInputs(inputs);
  const { skipped } = walked;
  // A file named twice (or reached through two paths) is audited once.
  const files = [...new Map(walked.files.map((f) => [path.resolve(f), f])).values()];
  for (const s of skipped) console.log(`跳过  ${safe(s.file)}：${safe(s.reason)}`);
  if (files.length === 0) {
    console.error('没有找到可读取的报告文件（支持 .txt .docx .pdf .htm/.html .doc）。');
    return 2;
  }
  const limits = readLimits();
  // Workers start as files arrive (one file, one worker) and load only the readers their files need.
  const pool = new WorkerPool({ size: Math.min(files.length, defaultPoolSize()), timeoutMs: limits.timeoutMs, memoryMb: limits.workerMemoryMb });
  let results: AuditResult[];
  try {
    const batch = await readAll(files, pool, limits);
    const checkOptions: CheckOptions = options.deadline ? { deadline: options.deadline } : {};
    // Checks run in the workers too, under the same time limit; the peer comparison and the score here.
    results = await auditBatchWith(batch, rubric, checkOptions, (report, context): Promise<SoloOutcome> => pool.check({ file: report.file, report, context }));
  } finally {
    await pool.close();
  }
  results.forEach((r, i) => {
    if (!options.quiet) console.log(formatResultLine(r, i + 1, results.length));
  });
  console.log(formatSummary(results, skipped.length));
  if (options.json) {
    const { exportDocument } = await import('../engine-documents.ts');
    const doc = exportDocument(results, { id: rubric.id, version: rubric.version });
    writeFileSync(options.json, JSON.stringify(doc, null, 2));
    console.log(`已写入 JSON：${path.resolve(options.json)}`);
  }
  if (options.out) {
    if (!outputWriter) {
      console.error('此版本未包含打印输出模块，无法写入 --out 目录。');
      return 2;
    }
    await outputWriter(results, options.out);
  }
  return results.some((r) => r.error !== null) ? 2 : 0;
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('读取并审核报告文件或文件夹（不使用数据库）')
    .argument('<paths...>', '报告文件或文件夹（递归读取）')
    .option('--json <file>', '写出 JSON 结果（格式见 OUTPUT.md）')
    .option('--rubric <file>', '使用自定义评分规则（JSON）')
    .option('--out <dir>', '写出审核意见单、整改通知书、汇总表（PDF/Excel/CSV）')
    .option('--deadline <date>', '报送截止日期（YYYY-MM-DD），默认次年 1 月 31 日')
    .option('-q, --quiet', '只输出汇总')
    .action(async (paths: string[], opts: AuditCommandOptions) => {
      process.exitCode = await runAudit(paths, opts);
    });
}
