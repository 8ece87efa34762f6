/**
 * Charts (src/shared/charts.ts, src/shared/year-charts.ts): the summary's charts carry its own counts — the
 * grades of the results and the failed checks per dimension counted independently here from the findings —
 * the SVG names its title, labels and numbers (and escapes text), and the printed summary PDF shows them
 * (pdftotext finds the chart titles and the bar labels with their numbers).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { barChartSvg, chartTable, lineChartSvg } from '../../src/shared/charts.ts';
import { trendChart, trendValues, TREND_NAMES } from '../../src/shared/year-charts.ts';
import { dimensionOf } from '../../src/shared/check-catalogue.ts';
import { buildSummaryView, renderSummaryHtml } from '../../src/core/sheet/index.ts';
import { PdfPrinter } from '../../src/main/print/pdf.ts';
import { fixtureResults, fixturesMissing } from './sheet-fixtures.ts';

const FILES = ['p01-clean.docx', 'p03-result-total.pdf', 'p05-no-review-table.txt', 'p08-no-fee-statement.docx'];
const missing = fixturesMissing();
const noTools = !existsSync(process.env.OGI_CHROMIUM ?? '/usr/bin/chromium')
  ? '未安装 Chromium'
  : (() => {
      try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
        return false;
      } catch {
        return '未安装 pdftotext（poppler-utils）';
      }
    })();
if (missing) console.log(`跳过：${missing}`);

test("the summary's charts are its counts: grades of the results, failed checks per dimension", { skip: missing ?? false }, async () => {
  const results = await fixtureResults(FILES);
  const view = buildSummaryView({ year: 2024, results, generatedAt: '2025-02-10T09:00:00Z' });
  const { grades, dimensions } = view.charts;
  assert.deepEqual(grades.bars.map((b) => b.label), ['优秀', '良好', '合格', '不合格']);
  for (const bar of grades.bars) assert.equal(bar.value, results.filter((r) => r.score?.grade === bar.label).length, bar.label);
  assert.equal(grades.bars.reduce((n, b) => n + b.value, 0), view.counts.scored);
  // Each department's failed checks, each check once, grouped by the shared dimension grouping.
  const expected = new Map<string, number>();
  for (const r of results) {
    for (const check of new Set(r.findings.filter((f) => f.status === 'fail').map((f) => f.check))) {
      const d = dimensionOf(check, r.score);
      expected.set(d, (expected.get(d) ?? 0) + 1);
    }
  }
  assert.ok(expected.size > 1, 'the fixtures fail checks of several dimensions');
  assert.deepEqual(new Map(dimensions.bars.map((b) => [b.label, b.value])), new Map(view.dimensions.map((d) => [d, expected.get(d) ?? 0])));
  assert.equal(dimensions.bars.reduce((n, b) => n + b.value, 0), view.rows.reduce((n, r) => n + r.failedTotal, 0));
});

test('SVG: title, labels and numbers as text, an accessible name, text escaped; trends break at a missing year', () => {
  const svg = barChartSvg({ kind: 'bar', title: '2024年度审核等级分布', unit: '家', bars: [{ label: '优秀', value: 3 }, { label: '<良好>', value: 12 }] });
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.match(svg, /<title id="[^"]+">2024年度审核等级分布<\/title>/);
  assert.match(svg, /<desc [^>]*>优秀 3 家；&lt;良好&gt; 12 家<\/desc>/);
  assert.ok(svg.includes('>12 家</text>') && !svg.includes('<良好>'));
  const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.ok(widths[1]! > widths[0]! * 3.5 && widths[1]! < widths[0]! * 4.5, `bars in proportion: ${widths.join(', ')}`);

  const requests = Array.from({ length: 25 }, () => [0, 0, 0, 0, 0, 0, 0]);
  requests[0]![6] = 40;
  requests[24]![6] = 5;
  const review = Array.from({ length: 15 }, () => 0);
  review[4] = 2;
  assert.deepEqual(trendValues({ requests, review }), { received: 40, carried: 5, reconsideration: 2 });
  const chart = trendChart('南岭县 历年收到申请、结转和行政复议', [
    { year: 2024, ...trendValues({ requests, review }) },
    { year: 2022, received: 30, carried: 3, reconsideration: 1 },
    { year: 2023, received: null, carried: null, reconsideration: null },
  ]);
  assert.deepEqual(chart.categories, ['2022年', '2023年', '2024年']);
  assert.deepEqual(chart.series.map((s) => s.name), [TREND_NAMES.received, TREND_NAMES.carried, TREND_NAMES.reconsideration]);
  assert.match(TREND_NAMES.received, /本年新收/);
  assert.match(TREND_NAMES.reconsideration, /行政复议/);
  const line = lineChartSvg(chart);
  // 2023 has no value: each line is two pieces (M … M …), never drawn through a zero.
  for (const d of [...line.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!)) assert.equal((d.match(/M/g) ?? []).length, 2, d);
  assert.ok(line.includes('>40</text>') && line.includes('>2024年</text>'));
  assert.deepEqual(chartTable(chart).rows[0], [TREND_NAMES.received, '30', '—', '40']);
});

test('the printed summary PDF shows the charts: titles, grade and dimension labels with their numbers', { skip: missing ?? noTools }, async () => {
  const results = await fixtureResults(FILES);
  const input = { year: 2024, results, generatedAt: '2025-02-10T09:00:00Z' };
  const view = buildSummaryView(input);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ogi-charts-'));
  const printer = await PdfPrinter.launch();
  try {
    const pdf = path.join(dir, 'summary.pdf');
    await writeFile(pdf, await printer.toPdf(renderSummaryHtml(input).html));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const chart of [view.charts.grades, view.charts.dimensions]) {
      assert.ok(text.includes(chart.title), `${chart.title} in the PDF`);
      // The caption line under each chart writes every bar with its number (the picture's text may be split by pdftotext).
      for (const bar of chart.bars) assert.ok(text.includes(`${bar.label}${bar.value}${chart.unit}`), `${bar.label} ${bar.value} in the PDF`);
    }
    // The SVG's own text is in the PDF too (drawn as text, not pictures): the value labels at the bars' ends.
    const svgText = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    assert.ok((svgText.match(/\b\d+ 家/g) ?? []).length >= 4, 'bar value labels drawn as text');
  } finally {
    await printer.close();
    await rm(dir, { recursive: true, force: true });
  }
});
