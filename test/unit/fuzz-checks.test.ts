/**
 * Fuzz: every check gets a report whose every part holds one very long line (100,000 characters, ~200 KB in
 * UTF-8) of one character class, alone, behind an opening like `中(`, or interleaved with ideographs. A regex
 * that backtracks polynomially takes minutes on such a line (INLINE_PINYIN took 75 s on `中(` + 100,000 × ā);
 * each check must finish within a generous bound and must not throw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_CHECKS, runCheck } from '../../src/core/checks/index.ts';
import type { CheckContext, RelatedReport } from '../../src/core/checks/types.ts';
import { judgeReport, readReport } from '../../src/core/audit.ts';
import { defaultRubric } from '../../src/core/score/index.ts';
import type { Report } from '../../src/shared/model.ts';
import { normalizeText } from '../../src/core/text/normalize.ts';
import { buildReport, DEFAULT_TEXT } from './helpers/report-builder.ts';

const LINE_CHARS = 100_000;
const BOUND_MS = 2_000;

/** CPU time of this thread's process in ms: on a loaded machine wall time measures the neighbours. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** One representative (or a short unit) per character class the checks' patterns care about. */
const CLASSES: readonly string[] = [
  'a', 'X', 'ā', '1', '.', ',', '%', '-', '_', '*', '?', '<', '/',
  '(', ')', '[', ' ', '\t', '\n',
  '中', '年', '等', '第', '共', '件', '万', '一', '某',
  '（', '【', '，', '。', '；', '、', '“', '１', '×', '○', '\u3000',
  '\ufffd', '\ue000', 'Ã', '\u0085', '\u200b', '\u202e', '\u0301', '😀', '锟斤拷',
  '1,', '1.', '12%', '中 ', '1件', '(a)', '第1', 'jù',
];
const OPENINGS: readonly string[] = ['', '中('];

function longLine(unit: string, opening: string, interleave: boolean): string {
  const body = interleave ? `${unit}中` : unit;
  return opening + body.repeat(Math.ceil(LINE_CHARS / body.length)).slice(0, LINE_CHARS);
}

const PLACEHOLDER = '〔长行〕';

/** A complete report whose every part (and the preface) also holds `line`; normalised once, as parsing would. */
function reportWith(line: string, normalized: string): Report {
  const text: Record<number, string[]> = {};
  for (let part = 0; part <= 6; part++) text[part] = [...(DEFAULT_TEXT[part] ?? []), PLACEHOLDER];
  const report = buildReport({ text, department: '临江市测试局', year: 2024 });
  report.paragraphs = report.paragraphs.map((p) => (p.original === PLACEHOLDER ? { ...p, original: line, text: normalized } : p));
  return report;
}

/** The same report as another department's (a peer) or the previous year's: the comparing checks run on it too. */
function related(report: Report, department: string, year: number): RelatedReport {
  return { file: `${department}${year}.txt`, department, year, report: { ...report, department, year } };
}

const cases: { name: string; line: string }[] = [];
for (const unit of CLASSES) {
  for (const opening of OPENINGS) cases.push({ name: `${JSON.stringify(opening)} + ${JSON.stringify(unit)} × n`, line: longLine(unit, opening, false) });
  cases.push({ name: `(${JSON.stringify(unit)} 中) × n`, line: longLine(unit, '', true) });
}

test(`every check finishes within ${BOUND_MS} ms on a report with a long line of each character class`, () => {
  const slowest = new Map<string, { ms: number; name: string }>();
  const begun = process.cpuUsage();
  for (const { name, line } of cases) {
    // Building the report normalises the line (as parsing does): bounded like a check.
    const started = process.cpuUsage();
    const normalized = normalizeText(line, { simplified: true });
    const normalizeMs = cpuMs(started);
    assert.ok(normalizeMs < BOUND_MS, `normalizeText took ${Math.round(normalizeMs)} ms of CPU on ${name}`);
    const report = reportWith(line, normalized);
    const context: CheckContext = {
      previous: related(report, '临江市测试局', 2023),
      peers: [related(report, '临江市另一局', 2024)],
      options: { localItems: ['建议提案办理', '政务公开'] },
    };
    for (const check of ALL_CHECKS) {
      const started = process.cpuUsage();
      const findings = runCheck(check, report, context);
      const ms = cpuMs(started);
      assert.ok(ms < BOUND_MS, `${check.meta.id} took ${Math.round(ms)} ms of CPU on ${name}`);
      const crashed = findings.find((f) => f.message.startsWith('检查程序内部出错'));
      assert.equal(crashed, undefined, `${check.meta.id} threw on ${name}: ${crashed?.message}`);
      const worst = slowest.get(check.meta.id);
      if (!worst || ms > worst.ms) slowest.set(check.meta.id, { ms, name });
    }
  }
  const top = [...slowest].sort((a, b) => b[1].ms - a[1].ms).slice(0, 3);
  console.log(`${cases.length} reports in ${Math.round(cpuMs(begun) / 1000)} s of CPU; slowest checks: ${top.map(([id, s]) => `${id} ${Math.round(s.ms)} ms (${s.name})`).join('; ')}`);
});

test('the reproduction of issue 14: `中(` + 100,000 × ā in a real report is read, checked and scored within seconds', async () => {
  const file = new URL('../../assets/samples/p04-blank-cells.txt', import.meta.url);
  const original = readFileSync(file, 'utf8');
  const cut = original.indexOf('\n', Math.floor(original.length / 2));
  const hostile = `${original.slice(0, cut)}\n中(${'ā'.repeat(100_000)}\n${original.slice(cut + 1)}`;
  const started = process.cpuUsage();
  const read = await readReport('p04-long-line.txt', new TextEncoder().encode(hostile));
  assert.ok(read.report, `not read: ${read.error}`);
  const judged = judgeReport(read.report, { previous: null, peers: [], options: {} }, defaultRubric());
  const ms = cpuMs(started);
  assert.ok(judged.findings.length >= ALL_CHECKS.length);
  assert.ok(ms < 10_000, `reading and judging took ${Math.round(ms)} ms`);
});
