/**
 * The charts' data from the service, as the screens ask for it: bench reports of one county imported for 2024
 * and two of them again for 2023 (the same text with the years moved back one). yearCharts carries the printed
 * summary's numbers; regionTrend is each year's sum of the departments' cells (from the fixture answers);
 * departmentTrend is a department's own cells of each year.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturesDir, readAnswers, skipWithoutShared, type FixtureAnswer } from './helpers/shared.ts';
import { createService } from '../../src/main/service.ts';
import { loadYearFromStore } from '../../src/main/export/from-store.ts';
import { buildSummaryView } from '../../src/core/sheet/summary-view.ts';
import { TREND_CELLS } from '../../src/shared/year-charts.ts';

const bench = path.join(fixturesDir, 'bench');

const complete = (a: FixtureAnswer): boolean =>
  a.generation === '2021' && !!a.tables?.active && !!a.tables.requests && !!a.tables.review &&
  [...a.tables.active, ...a.tables.requests.flat(), ...a.tables.review].every((v) => v !== null);

const received = (a: FixtureAnswer): number => a.tables!.requests![TREND_CELLS.received.row]![TREND_CELLS.received.col]!;
const carried = (a: FixtureAnswer): number => a.tables!.requests![TREND_CELLS.carried.row]![TREND_CELLS.carried.col]!;
const reconsideration = (a: FixtureAnswer): number => a.tables!.review![TREND_CELLS.reconsideration.index]!;

test('yearCharts = the summary\'s charts; regionTrend and departmentTrend follow the tables year by year', { skip: skipWithoutShared, timeout: 300_000 }, async () => {
  const answers = readAnswers('bench');
  const picked: [string, FixtureAnswer][] = [];
  const seen = new Set<string>();
  for (const [file, a] of Object.entries(answers)) {
    if (!file.endsWith('.txt') || !a.department?.startsWith('南岭县') || seen.has(a.department) || !complete(a) || a.year !== 2024) continue;
    seen.add(a.department);
    picked.push([file, a]);
    if (picked.length === 4) break;
  }
  assert.ok(picked.length === 4, 'four complete 2024 reports of one county');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-charts-svc-'));
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(inbox);
  for (const [file] of picked) fs.copyFileSync(path.join(bench, file), path.join(inbox, file));
  // The first two again for 2023: every year moved back one (title, period, signing date).
  const earlier = picked.slice(0, 2);
  for (const [file] of earlier) {
    const text = fs.readFileSync(path.join(bench, file), 'utf8').replaceAll('2024', '2023').replaceAll('2025', '2024');
    fs.writeFileSync(path.join(inbox, `2023-${file}`), text);
  }
  const service = createService({ dbPath: path.join(dir, 'charts.db'), poolSize: 1 });
  try {
    const job = await service.importPaths({ paths: [inbox] });
    await service.waitForImport(job.jobId);
    assert.deepEqual((await service.listYears()).sort(), [2023, 2024]);

    const charts = await service.yearCharts({ year: 2024 });
    const stored = await loadYearFromStore(service.store, 2024);
    const summary = buildSummaryView({ year: 2024, results: stored.results, missing: stored.missing, generatedAt: '' });
    assert.deepEqual(charts, summary.charts, 'the overview shows the printed summary\'s numbers');
    assert.equal(charts.grades.bars.reduce((n, b) => n + b.value, 0), picked.length);

    const region = await service.regionTrend();
    assert.deepEqual(region.points.map((p) => [p.year, p.departments]), [[2023, 2], [2024, 4]]);
    const sum = (list: [string, FixtureAnswer][], cell: (a: FixtureAnswer) => number): number => list.reduce((n, [, a]) => n + cell(a), 0);
    for (const [point, list] of [[region.points[0]!, earlier], [region.points[1]!, picked]] as const) {
      assert.equal(point.received, sum(list, received), `${point.year} 本年新收`);
      assert.equal(point.carried, sum(list, carried), `${point.year} 结转`);
      assert.equal(point.reconsideration, sum(list, reconsideration), `${point.year} 行政复议`);
    }

    const [, first] = earlier[0]!;
    const row = (await service.overview({ year: 2024 })).find((r) => r.department === first.department)!;
    const own = await service.departmentTrend({ departmentId: row.departmentId });
    assert.equal(own.department, first.department);
    assert.deepEqual(own.points, [2023, 2024].map((year) => ({ year, received: received(first), carried: carried(first), reconsideration: reconsideration(first) })));
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
