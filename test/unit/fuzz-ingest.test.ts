/**
 * Fuzzing the reader: thousands of mutated .txt/.docx/.pdf/.html/.doc files (bytes flipped, ranges zeroed,
 * truncated, length fields overwritten, zip entries corrupted and re-zipped, PDF numbers rewritten), made
 * from the sample reports with a fixed seed, go through `readReport` in a worker thread. Each input must end
 * within a time limit (else the worker is killed and the input reported with its seed and index) with a
 * report or a Chinese error, and no exception may escape. Inputs that once broke the reader are kept in
 * test/fixtures/fuzz/ and replayed first.
 *
 * OGI_FUZZ_SEED=<n> picks another seed, OGI_FUZZ_SCALE=<k> multiplies the number of inputs (deeper local runs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import JSZip from 'jszip';
import type { FuzzInput, FuzzOutcome } from './helpers/fuzz-worker.ts';
import { readReport } from '../../src/core/audit.ts';
import { fixturesDir, hasShared, repoRoot } from './helpers/shared.ts';
import { int, pick, prng, type Rng } from './helpers/random.ts';

const SEED = Number(process.env['OGI_FUZZ_SEED'] ?? 20240607);
const SCALE = Number(process.env['OGI_FUZZ_SCALE'] ?? 1);
/** OGI_FUZZ_ONLY=<id>: rebuild and run one input (to reproduce a failure); OGI_FUZZ_SAVE=<dir> keeps it there. */
const ONLY = process.env['OGI_FUZZ_ONLY'] !== undefined ? Number(process.env['OGI_FUZZ_ONLY']) : null;
/** Longest a single input may take (a healthy worst case is ~2 s for a 150 KB PDF on a loaded machine). */
const PER_INPUT_MS = 30_000;
const regressionDir = path.join(repoRoot, 'test', 'fixtures', 'fuzz');

// ---------- seeded randomness ----------

// prng, int, pick: test/unit/helpers/random.ts

// ---------- byte mutators ----------

type Mutator = (bytes: Uint8Array, rng: Rng) => Uint8Array;

const flipBytes: Mutator = (bytes, rng) => {
  const out = new Uint8Array(bytes);
  const n = 1 + int(rng, 16);
  for (let i = 0; i < n && out.length > 0; i++) out[int(rng, out.length)] ^= 1 + int(rng, 255);
  return out;
};

const truncate: Mutator = (bytes, rng) => bytes.slice(0, int(rng, bytes.length));

const zeroRange: Mutator = (bytes, rng) => {
  const out = new Uint8Array(bytes);
  const start = int(rng, out.length);
  out.fill(0, start, start + 1 + int(rng, 2048));
  return out;
};

/** Length and offset fields are where parsers trust the file: write extreme values at a random place. */
const extremeValue: Mutator = (bytes, rng) => {
  const out = new Uint8Array(bytes);
  const value = pick(rng, [[0xff, 0xff, 0xff, 0xff], [0, 0, 0, 0], [0xff, 0xff, 0xff, 0x7f], [0, 0, 0, 0x80], [0xfe, 0xff]]);
  const at = int(rng, Math.max(1, out.length - value.length));
  out.set(value.slice(0, out.length - at), at);
  return out;
};

const duplicateChunk: Mutator = (bytes, rng) => {
  const start = int(rng, bytes.length);
  const chunk = bytes.slice(start, start + 1 + int(rng, 4096));
  const at = int(rng, bytes.length + 1);
  const out = new Uint8Array(bytes.length + chunk.length);
  out.set(bytes.subarray(0, at));
  out.set(chunk, at);
  out.set(bytes.subarray(at), at + chunk.length);
  return out;
};

const BYTE_MUTATORS: Record<string, Mutator> = { flipBytes, truncate, zeroRange, extremeValue, duplicateChunk };

/** Positions of a 4-byte signature (zip headers). */
function signatureOffsets(bytes: Uint8Array, sig: number[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + sig.length <= bytes.length; i++) if (sig.every((b, k) => bytes[i + k] === b)) found.push(i);
  return found;
}

/** Corrupt one field of a zip local or central header (sizes, offsets, name lengths, method). */
const zipHeader: Mutator = (bytes, rng) => {
  const headers = [...signatureOffsets(bytes, [0x50, 0x4b, 0x03, 0x04]), ...signatureOffsets(bytes, [0x50, 0x4b, 0x01, 0x02]), ...signatureOffsets(bytes, [0x50, 0x4b, 0x05, 0x06])];
  if (headers.length === 0) return flipBytes(bytes, rng);
  const out = new Uint8Array(bytes);
  const at = pick(rng, headers) + 4 + int(rng, 42);
  const value = pick(rng, [[0xff, 0xff, 0xff, 0xff], [0, 0, 0, 0], [0x08, 0x00], [0x63, 0x00], [int(rng, 256), int(rng, 256)]]);
  out.set(value.slice(0, Math.max(0, out.length - at)), Math.min(at, out.length));
  return out;
};

/** Mutate the uncompressed content of one zip entry (mostly word/document.xml) and zip it again. */
async function zipEntry(bytes: Uint8Array, rng: Rng): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const name = rng() < 0.6 && names.includes('word/document.xml') ? 'word/document.xml' : pick(rng, names);
  const content = await zip.file(name)!.async('uint8array');
  const mutate = pick(rng, [flipBytes, truncate, zeroRange, duplicateChunk, xmlTags]);
  zip.file(name, mutate(content, rng));
  if (rng() < 0.1) zip.remove(pick(rng, names));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** XML-aware damage: drop or duplicate a tag, or cut inside one. */
const xmlTags: Mutator = (bytes, rng) => {
  const text = new TextDecoder().decode(bytes);
  const tags = [...text.matchAll(/<[^>]{1,200}>/g)];
  if (tags.length === 0) return flipBytes(bytes, rng);
  const tag = pick(rng, tags);
  const at = tag.index;
  const choice = int(rng, 3);
  const next = choice === 0 ? text.slice(0, at) + text.slice(at + tag[0].length) : choice === 1 ? text.slice(0, at) + tag[0] + tag[0] + text.slice(at) : text.slice(0, at + 1 + int(rng, tag[0].length));
  return new TextEncoder().encode(next);
};

/** Rewrite a number in the PDF's object syntax (lengths, xref offsets, object numbers, /Count, /W). */
const pdfNumber: Mutator = (bytes, rng) => {
  const latin = Buffer.from(bytes).toString('latin1');
  const numbers = [...latin.matchAll(/(?<=[\s/\[<])\d{1,10}(?=[\s\]>/])/g)].filter((m) => {
    // Stay out of binary stream data: keep matches whose neighbourhood is printable.
    const around = latin.slice(Math.max(0, m.index - 8), m.index + 8);
    return /^[\x20-\x7e\r\n]*$/.test(around);
  });
  if (numbers.length === 0) return flipBytes(bytes, rng);
  const m = pick(rng, numbers);
  const replacement = pick(rng, ['0', '-1', '1', '99999999', '2147483648', String(int(rng, 100000)), '1e9', '']);
  return new Uint8Array(Buffer.from(latin.slice(0, m.index) + replacement + latin.slice(m.index + m[0].length), 'latin1'));
};

// ---------- inputs ----------

interface Seed {
  name: string;
  bytes: Uint8Array;
  kind: 'txt' | 'docx' | 'pdf' | 'html' | 'doc';
}

function seeds(): Seed[] {
  const files: string[] = [];
  const samples = path.join(repoRoot, 'assets', 'samples');
  for (const f of fs.readdirSync(samples)) files.push(path.join(samples, f));
  if (hasShared) {
    const cases = path.join(fixturesDir, 'cases');
    for (const f of fs.readdirSync(cases)) if (!f.endsWith('.json')) files.push(path.join(cases, f));
  }
  files.push(path.join(repoRoot, 'test', 'fixtures', 'doc', 'p01-clean.doc'));
  const out: Seed[] = [];
  const seen = new Set<string>();
  for (const file of files.sort()) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const key = Buffer.from(bytes).toString('base64');
    if (seen.has(key)) continue;
    seen.add(key);
    const ext = path.extname(file).slice(1) as Seed['kind'];
    out.push({ name: path.basename(file), bytes, kind: ext });
  }
  // An HTML report (portal page layout) made from a text sample.
  const txt = out.find((s) => s.kind === 'txt')!;
  const lines = new TextDecoder().decode(txt.bytes).split(/\r?\n/);
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body><div class="nav">首页 | 信息公开</div><div class="article">${lines
    .map((l) => (l.includes('|') ? `<table><tr>${l.split('|').map((c) => `<td>${c}</td>`).join('')}</tr></table>` : `<p>${l}</p>`))
    .join('\n')}</div></body></html>`;
  out.push({ name: 'from-text.html', bytes: new TextEncoder().encode(html), kind: 'html' });
  return out;
}

/** How many mutants per kind (PDFs are ~100× slower to read than text). */
const PER_KIND: Record<Seed['kind'], number> = { txt: 1500, html: 300, docx: 400, doc: 300, pdf: 80 };

interface Planned {
  id: number;
  name: string;
  how: string;
  make: () => Promise<Uint8Array>;
}

function plan(seedList: Seed[], seed: number): Planned[] {
  const rng = prng(seed);
  const planned: Planned[] = [];
  for (const kind of Object.keys(PER_KIND) as Seed['kind'][]) {
    const pool = seedList.filter((s) => s.kind === kind);
    if (pool.length === 0) continue;
    const count = Math.round(PER_KIND[kind] * SCALE);
    for (let i = 0; i < count; i++) {
      const source = pick(rng, pool);
      const ops = Object.keys(BYTE_MUTATORS);
      if (kind === 'docx') ops.push('zipHeader', 'zipEntry', 'zipEntry', 'zipEntry');
      if (kind === 'pdf') ops.push('pdfNumber', 'pdfNumber');
      if (kind === 'html') ops.push('xmlTags');
      const op = pick(rng, ops);
      // Each input gets its own sub-seed so it can be rebuilt alone from (seed, id).
      const subSeed = int(rng, 2 ** 31);
      const id = planned.length;
      // Sometimes the extension lies too (content decides the format).
      const renamed = rng() < 0.1 ? source.name.replace(/\.\w+$/, `.${pick(rng, ['docx', 'pdf', 'txt', 'doc', 'html'])}`) : source.name;
      planned.push({
        id,
        name: renamed,
        how: `${op}(${source.name}) sub-seed ${subSeed}`,
        make: async () => {
          const r = prng(subSeed);
          if (op === 'zipEntry') return zipEntry(source.bytes, r);
          if (op === 'zipHeader') return zipHeader(source.bytes, r);
          if (op === 'pdfNumber') return pdfNumber(source.bytes, r);
          if (op === 'xmlTags') return xmlTags(source.bytes, r);
          // One to three stacked byte mutations.
          let bytes = source.bytes;
          const rounds = 1 + int(r, 3);
          for (let k = 0; k < rounds; k++) bytes = BYTE_MUTATORS[pick(r, Object.keys(BYTE_MUTATORS))]!(bytes, r);
          return bytes;
        },
      });
    }
  }
  return planned;
}

// ---------- running in a killable worker ----------
// (The fuzz worker reads one input at a time and is replaced when it hangs or dies.)

class FuzzRunner {
  private worker: Worker | null = null;
  restarts = 0;

  private start(): Worker {
    const worker = new Worker(new URL('./helpers/fuzz-worker.ts', import.meta.url), { execArgv: ['--import', import.meta.resolve('tsx')], resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    worker.unref();
    return worker;
  }

  /** The outcome, or 'hang' / 'died: …' when the worker had to be killed or stopped by itself. */
  run(input: FuzzInput, limitMs: number): Promise<FuzzOutcome | string> {
    this.worker ??= this.start();
    const worker = this.worker;
    return new Promise((resolve) => {
      const done = (value: FuzzOutcome | string): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (typeof value === 'string') {
          void worker.terminate();
          this.worker = null;
          this.restarts++;
        }
        resolve(value);
      };
      const onMessage = (outcome: FuzzOutcome): void => {
        if (outcome.id === input.id) done(outcome);
      };
      const onError = (err: Error): void => done(`died: ${err.message}`);
      const onExit = (code: number): void => done(`died: exit ${code}`);
      const timer = setTimeout(() => done('hang'), limitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(input);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** What is wrong with an outcome, or null when it is a report or a proper Chinese error. */
function problemOf(outcome: FuzzOutcome | string): string | null {
  if (typeof outcome === 'string') return outcome === 'hang' ? `no answer within ${PER_INPUT_MS / 1000} s (hang)` : `worker ${outcome}`;
  if (outcome.escaped) return `exception escaped: ${outcome.escaped}`;
  if (outcome.hasReport) return outcome.error === null ? null : 'report and error at once';
  if (!outcome.error || !outcome.errorCode) return 'no report and no error';
  if (!/[\u4e00-\u9fff]/.test(outcome.error)) return `error not in Chinese: ${outcome.error}`;
  return null;
}

function saveForReplay(name: string, bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-fuzz-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

test('a UTF-8 report with a few corrupt bytes is still read as UTF-8, not as GB18030 nonsense', async () => {
  // test/fixtures/fuzz/utf8-three-bad-bytes.report.txt = the first .txt sample with 3 bytes set to 0xFF.
  const samples = path.join(repoRoot, 'assets', 'samples');
  const name = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort()[0]!;
  const good = await readReport(name, new Uint8Array(fs.readFileSync(path.join(samples, name))));
  assert.ok(good.report, good.error ?? '');
  const damaged = new Uint8Array(fs.readFileSync(path.join(regressionDir, 'utf8-three-bad-bytes.report.txt')));
  const read = await readReport(name, damaged);
  assert.ok(read.report, `damaged copy: ${read.error}`);
  assert.equal(read.report.department, good.report.department);
  assert.deepEqual(read.report.tables, good.report.tables);
});

test('a .docx whose document.xml was cut short is refused at once (xmldom needed minutes on large ones)', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(repoRoot, 'assets', 'samples', 'p01-clean.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)![1]!;
  // ~1.5 MB of paragraphs and tables, cut 1 KB before the end: 110 s before the fix.
  zip.file('word/document.xml', xml.replace(body, body.repeat(8)).slice(0, -1000));
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  // CPU time, not wall time: the bound is about work done (110 s before the fix), not the machine's load.
  const started = process.cpuUsage();
  const read = await readReport('cut.docx', bytes);
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  assert.equal(read.errorCode, 'damaged');
  assert.match(read.error ?? '', /“word\/document\.xml”的内容不完整/);
  assert.ok(ms < 3000, `${Math.round(ms)} ms of CPU`);
});

test('regression inputs from earlier fuzzing are read without crash or hang', async (t) => {
  const files = fs.existsSync(regressionDir) ? fs.readdirSync(regressionDir).filter((f) => !f.endsWith('.md')).sort() : [];
  if (files.length === 0) return t.skip('no regression inputs');
  const runner = new FuzzRunner();
  try {
    for (const [i, file] of files.entries()) {
      // The kept name says which extension the input had when it failed: "<case>.<ext>".
      const outcome = await runner.run({ id: i, name: file, bytes: new Uint8Array(fs.readFileSync(path.join(regressionDir, file))) }, PER_INPUT_MS);
      assert.equal(problemOf(outcome), null, `${file}: ${problemOf(outcome)}`);
      // "<case>.report.<ext>": the damage is small enough that the file must still be read as a report.
      if (/\.report\.\w+$/.test(file)) assert.equal(typeof outcome !== 'string' && outcome.hasReport, true, `${file} is read as a report`);
    }
  } finally {
    await runner.close();
  }
});

// 45–120 s on this shared 2-core machine at scale 1 (2580 inputs); the limit makes a slow-down visible instead of eating CI time.
test(`fuzz: mutated report files through readReport (seed ${SEED}, scale ${SCALE})`, { timeout: 175_000 * Math.max(1, SCALE) }, async (t) => {
  const seedList = seeds();
  const planned = plan(seedList, SEED);
  const runner = new FuzzRunner();
  const failures: string[] = [];
  const byKind = new Map<string, { n: number; ms: number; reports: number; codes: Map<string, number> }>();
  const slowest: { ms: number; what: string }[] = [];
  const heap: number[] = [];
  const started = Date.now();
  try {
    for (const p of planned) {
      if (ONLY !== null && p.id !== ONLY) continue;
      const bytes = await p.make();
      if (ONLY !== null && process.env['OGI_FUZZ_SAVE']) fs.writeFileSync(path.join(process.env['OGI_FUZZ_SAVE'], `${p.id}-${p.name}`), bytes);
      const outcome = await runner.run({ id: p.id, name: p.name, bytes }, PER_INPUT_MS);
      const problem = problemOf(outcome);
      if (problem) {
        const saved = saveForReplay(`${p.id}-${p.name}`, bytes);
        failures.push(`#${p.id} ${p.name} [${p.how}] (seed ${SEED}) → ${problem}\n    input saved as ${saved}`);
        if (failures.length >= 20) break;
      }
      const ext = path.extname(p.how.match(/\(([^()]*)\)/)?.[1] ?? '').slice(1);
      const stats = byKind.get(ext) ?? { n: 0, ms: 0, reports: 0, codes: new Map() };
      stats.n++;
      if (typeof outcome !== 'string') {
        stats.ms += outcome.ms;
        slowest.push({ ms: outcome.ms, what: `#${p.id} ${p.how}` });
        heap.push(outcome.heapMb);
        slowest.sort((a, b) => b.ms - a.ms).splice(5);
        if (outcome.hasReport) stats.reports++;
        else stats.codes.set(outcome.errorCode ?? '?', (stats.codes.get(outcome.errorCode ?? '?') ?? 0) + 1);
      }
      byKind.set(ext, stats);
    }
  } finally {
    await runner.close();
  }
  for (const [kind, s] of byKind) {
    const codes = [...s.codes].map(([c, n]) => `${c} ${n}`).join(', ');
    t.diagnostic(`${kind}: ${s.n} inputs, ${s.reports} still read as reports, errors: ${codes}; avg ${(s.ms / s.n).toFixed(1)} ms`);
  }
  const tenth = Math.max(1, Math.floor(heap.length / 10));
  t.diagnostic(`worker heap MB at each tenth of the run: ${heap.filter((_, i) => i % tenth === tenth - 1).join(' ')} (max ${Math.max(...heap)})`);
  t.diagnostic(`slowest: ${slowest.map((s) => `${s.what} ${Math.round(s.ms)} ms`).join('; ')}`);
  t.diagnostic(`${ONLY !== null ? 1 : planned.length} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s, worker restarts ${runner.restarts}`);
  assert.deepEqual(failures, [], `fuzz failures:\n${failures.join('\n')}`);
});
