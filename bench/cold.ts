/**
 * `npm run bench -- --cold`: the CLI as a user runs it — a fresh process per run, nothing warm — next to
 * `pdftotext -layout` on the bench's PDFs in the same run, alternating, so the machine's drift hits both:
 *   audit of one .txt   `node bin/ogi-audit.mjs audit FILE` and `npm run ogi -- audit FILE`
 *   cold import         `node bin/ogi-audit.mjs import DIR --db NEW` (fresh database each run)
 * Wall time and CPU time (user + system of the child and its threads, from /proc) per run; medians.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'bin/ogi-audit.mjs');

/** CPU time (ms) of this process's waited-for children so far (Linux /proc; NaN elsewhere). */
function childrenCpuMs(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3; cutime and cstime are fields 16 and 17 (clock ticks, 100 per second).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed(command: string, args: string[], options: { cwd?: string } = {}): Timing {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: options.cwd ?? repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`${command} ${args.join(' ')} 失败（${r.status}）：${r.stderr}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpu0 };
}

function pdftotext(pdfs: string[]): Timing | null {
  if (spawnSync('pdftotext', ['-v']).error) return null;
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  for (const f of pdfs) {
    const r = spawnSync('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`pdftotext 读取 ${f} 失败`);
  }
  return { wallMs: performance.now() - t0, cpuMs: childrenCpuMs() - cpu0 };
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function coldBench(dir: string, runs: number): Promise<void> {
  const files = fs.readdirSync(dir).sort();
  const txt = files.find((f) => f.endsWith('.txt'));
  const pdfs = files.filter((f) => f.endsWith('.pdf')).map((f) => path.join(dir, f));
  if (!txt) throw new Error(`${dir} 中没有 .txt 文件`);
  const one = path.join(dir, txt);
  console.log(`cold CLI runs (fresh process each), ${runs} rounds alternating; one-file audit: ${txt}; import: ${files.length} entries in ${dir}`);
  // Build once first (as npm install's prepare does), so no round pays for a rebuild.
  timed(process.execPath, [cli, '--version']);
  const rows = { audit: [] as Timing[], npmAudit: [] as Timing[], importRun: [] as Timing[], poppler: [] as Timing[] };
  for (let round = 0; round < runs; round++) {
    rows.audit.push(timed(process.execPath, [cli, 'audit', one]));
    rows.npmAudit.push(timed('npm', ['run', '--silent', 'ogi', '--', 'audit', one]));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-cold-'));
    try {
      rows.importRun.push(timed(process.execPath, [cli, 'import', dir, '--db', path.join(tmp, 'audit.db'), '--no-progress']));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    const p = pdftotext(pdfs);
    if (p) rows.poppler.push(p);
    const last = (t: Timing[]): string => (t.length ? `${sec(t.at(-1)!.wallMs)} (CPU ${sec(t.at(-1)!.cpuMs)})` : '—');
    console.log(`round ${round + 1}: audit ${last(rows.audit)} · npm run ogi audit ${last(rows.npmAudit)} · import ${last(rows.importRun)} · pdftotext ${last(rows.poppler)}`);
  }
  const line = (label: string, t: Timing[]): string => `${label.padEnd(44)} wall median ${sec(median(t.map((x) => x.wallMs)))} [${sec(Math.min(...t.map((x) => x.wallMs)))}–${sec(Math.max(...t.map((x) => x.wallMs)))}]  CPU median ${sec(median(t.map((x) => x.cpuMs)))}`;
  console.log('\nCold CLI (medians of the rounds)');
  console.log(line('node bin/ogi-audit.mjs audit <one .txt>', rows.audit));
  console.log(line('npm run ogi -- audit <one .txt>', rows.npmAudit));
  console.log(line(`ogi import (${files.length} entries, fresh DB)`, rows.importRun));
  if (rows.poppler.length) {
    console.log(line(`pdftotext -layout, ${pdfs.length} PDFs sequentially`, rows.poppler));
    const ratios = rows.importRun.map((r, i) => r.wallMs / rows.poppler[i]!.wallMs);
    console.log(`cold import / pdftotext in the same round: median ${median(ratios).toFixed(2)}× [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]`);
  }
}
