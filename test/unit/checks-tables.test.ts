import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, defaultRequests, withCell } from './helpers/report-builder.ts';
import { check } from './helpers/run-check.ts';

test('table.*.complete: missing table → kind missing; blank cells counted with their row/col', () => {
  for (const id of ['table.active.complete', 'table.requests.complete', 'table.review.complete']) {
    assert.equal(check(id, buildReport()).verdict, 'pass', id);
  }
  const missing = check('table.review.complete', buildReport({ review: null }));
  assert.equal(missing.verdict, 'fail');
  assert.equal(missing.findings[0]!.kind, 'missing');
  const grid = withCell(withCell(defaultRequests(), 5, 2, null), 17, 0, null);
  const blank = check('table.requests.complete', buildReport({ requests: grid }));
  assert.equal(blank.findings[0]!.kind, 'blank');
  assert.equal(blank.findings[0]!.measure, 2);
  assert.deepEqual(blank.findings[0]!.evidence.map((e) => [e.table, e.row, e.col]), [['requests', 5, 2], ['requests', 17, 0]]);
  assert.equal(blank.findings[0]!.evidence[0]!.page, 2);
  const activeBlank = check('table.active.complete', buildReport({ active: [0, 0, 0, 2, 1, null, 3, 1, 0, 0] }));
  assert.equal(activeBlank.findings[0]!.measure, 1);
  assert.equal(check('table.active.complete', buildReport({ generation: 'legacy', year: 2015 })).verdict, 'na');
});

test('requests.row-total: one finding per bad row, evidence on the total cell', () => {
  const r = check('requests.row-total', buildReport({ requests: withCell(withCell(defaultRequests(), 0, 0, 5), 2, 6, 4) }));
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings.length, 2);
  assert.deepEqual([r.findings[0]!.evidence[0]!.row, r.findings[0]!.evidence[0]!.col], [0, 6]);
  assert.match(r.findings[0]!.message, /各列之和.*=6.*总计.*5/);
  assert.equal(check('requests.row-total', buildReport({ requests: null })).verdict, 'na');
  const allBlank = defaultRequests().map((row) => row.map(() => null));
  assert.equal(check('requests.row-total', buildReport({ requests: allBlank })).verdict, 'uncertain');
});

test('requests.result-total and requests.balance: per column', () => {
  const grid = withCell(withCell(defaultRequests(), 23, 0, 5), 23, 6, 6);
  const result = check('requests.result-total', buildReport({ requests: grid }));
  assert.equal(result.findings.filter((f) => f.status === 'fail').length, 2);
  const balance = check('requests.balance', buildReport({ requests: grid }));
  assert.equal(balance.verdict, 'fail');
  assert.match(balance.findings[0]!.message, /一\+二=4\+0=4，三（七）总计\+四=5\+0=5/);
  assert.equal(check('requests.balance', buildReport()).verdict, 'pass');
});

test('review.totals: per block', () => {
  const review = Array.from({ length: 15 }, () => 0);
  review[4] = 1;
  const r = check('review.totals', buildReport({ review }));
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings[0]!.evidence[0]!.row, 4);
  assert.match(r.findings[0]!.message, /行政复议/);
  assert.equal(check('review.totals', buildReport()).verdict, 'pass');
});

test('active.values and requests.values: negative, fraction and unit-in-cell flagged; amounts may be decimal', () => {
  assert.equal(check('active.values', buildReport()).verdict, 'pass');
  const report = buildReport({ active: [0, 0, 0, 2, 1, 6, 3, 1.5, 0, 25.1] });
  report.tableSources.active![9] = { raw: '251000元', page: 1 };
  const r = check('active.values', report);
  assert.deepEqual(r.findings.map((f) => f.kind).sort(), ['fraction', 'unit']);
  const neg = check('requests.values', buildReport({ requests: withCell(defaultRequests(), 24, 5, -1) }));
  assert.equal(neg.findings[0]!.kind, 'negative');
  assert.equal(neg.findings[0]!.evidence[0]!.row, 24);
  const signed2019 = buildReport({ generation: '2019', year: 2020, active: Array.from({ length: 22 }, (_, i) => (i === 7 ? -2 : 1)) });
  assert.equal(check('active.values', signed2019).verdict, 'pass');
});

test('table.requests.labels: missing and renamed rows, subtotals accepted', () => {
  assert.equal(check('table.requests.labels', buildReport()).verdict, 'pass');
  const report = buildReport();
  report.requestsLabels = report.requestsLabels.filter((l) => l.canonical !== 16);
  report.requestsLabels.push({ canonical: null, label: '(三)不予公开（小计）', kind: 'subtotal' });
  report.requestsLabels.push({ canonical: null, label: '网上申请', kind: 'unknown' });
  const r = check('table.requests.labels', report);
  assert.deepEqual(r.findings.map((f) => f.kind).sort(), ['missing', 'renamed']);
  const empty = buildReport();
  empty.requestsLabels = [];
  assert.equal(check('table.requests.labels', empty).verdict, 'uncertain');
});
