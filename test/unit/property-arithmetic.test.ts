/**
 * Property tests for the table arithmetic checks. Random tables 三 and 四 that add up (every row total,
 * every column's results, the 一+二=三+四 balance, every 表四 block) must pass requests.row-total,
 * requests.result-total, requests.balance and review.totals; changing any single cell must make exactly
 * the checks that depend on that cell fail, each with one finding that points at the right row / column
 * / block. Fixed seed (OGI_PROPERTY_SEED to change it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CellValue, Finding } from '../../src/shared/model.ts';
import { requestColumnName, requestRowName, reviewBlockName } from '../../src/shared/template/index.ts';
import { buildReport } from './helpers/report-builder.ts';
import { check } from './helpers/run-check.ts';
import { int, prng, type Rng } from './helpers/random.ts';

const SEED = Number(process.env['OGI_PROPERTY_SEED'] ?? 7);
const TABLES = 300;
const ARITHMETIC = ['requests.row-total', 'requests.result-total', 'requests.balance', 'review.totals'] as const;
type CheckId = (typeof ARITHMETIC)[number];

/** Mostly zeros and small counts, sometimes large ones, as real tables are. */
function count(rng: Rng): number {
  const x = rng();
  if (x < 0.55) return 0;
  if (x < 0.9) return 1 + int(rng, 9);
  if (x < 0.98) return 10 + int(rng, 200);
  return 1000 + int(rng, 50_000);
}

/** Table 三 (25 rows × 7 columns) that satisfies all three table-三 checks. */
function consistentRequests(rng: Rng): number[][] {
  const grid = Array.from({ length: 25 }, () => Array.from({ length: 7 }, () => 0));
  for (let c = 0; c < 6; c++) {
    let total = 0;
    for (let r = 2; r <= 22; r++) {
      grid[r]![c] = count(rng);
      total += grid[r]![c]!;
    }
    grid[23]![c] = total;
    const carriedOut = count(rng);
    grid[24]![c] = carriedOut;
    // 一 + 二 = 三(七) + 四: split the right side between new and carried-in applications.
    const carriedIn = int(rng, total + carriedOut + 1);
    grid[1]![c] = carriedIn;
    grid[0]![c] = total + carriedOut - carriedIn;
  }
  for (const row of grid) row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);
  return grid;
}

/** Table 四 (three blocks of 维持, 纠正, 其他, 尚未审结, 总计) that adds up. */
function consistentReview(rng: Rng): number[] {
  const out: number[] = [];
  for (let b = 0; b < 3; b++) {
    const parts = [count(rng), count(rng), count(rng), count(rng)];
    out.push(...parts, parts.reduce((a, x) => a + x, 0));
  }
  return out;
}

function run(requests: CellValue[][], review: CellValue[]): Record<CheckId, { verdict: Finding['status'] | null; fails: Finding[] }> {
  const report = buildReport({ requests, review });
  const out = {} as Record<CheckId, { verdict: Finding['status'] | null; fails: Finding[] }>;
  for (const id of ARITHMETIC) {
    const r = check(id, report);
    out[id] = { verdict: r.verdict, fails: r.findings.filter((f) => f.status === 'fail') };
  }
  return out;
}

/** Change a value by a non-zero amount, keeping it a non-negative count. */
function perturb(value: number, rng: Rng): number {
  const delta = 1 + int(rng, rng() < 0.8 ? 5 : 10_000);
  return value >= delta && rng() < 0.5 ? value - delta : value + delta;
}

test(`consistent random tables pass the four arithmetic checks (${TABLES} tables, seed ${SEED})`, () => {
  const rng = prng(SEED);
  for (let i = 0; i < TABLES; i++) {
    const requests = consistentRequests(rng);
    const review = consistentReview(rng);
    const result = run(requests, review);
    for (const id of ARITHMETIC) {
      assert.equal(result[id].verdict, 'pass', `table #${i} (seed ${SEED}): ${id} → ${result[id].fails.map((f) => f.message).join(' / ')}`);
    }
  }
});

test(`any single changed cell of table 三 fails exactly the checks that use it, naming its row/column (seed ${SEED})`, () => {
  const rng = prng(SEED + 1);
  let tried = 0;
  for (let i = 0; i < TABLES; i++) {
    const requests = consistentRequests(rng);
    const review = consistentReview(rng);
    for (let k = 0; k < 4; k++) {
      // Every row and column gets its turn over the run; the rows outside (一)…(六) are drawn more often.
      const r = rng() < 0.4 ? [0, 1, 23, 24][int(rng, 4)]! : int(rng, 25);
      const c = int(rng, 7);
      const grid = requests.map((row) => [...row]);
      const before = grid[r]![c]!;
      grid[r]![c] = perturb(before, rng);
      const where = `table #${i} cell (${r},${c}) ${before}→${grid[r]![c]} (seed ${SEED})`;
      const result = run(grid, review);
      tried++;

      // Row total: only row r, evidence on that row (总计 first).
      assert.equal(result['requests.row-total'].verdict, 'fail', `${where}: row-total`);
      assert.equal(result['requests.row-total'].fails.length, 1, where);
      const rowFail = result['requests.row-total'].fails[0]!;
      assert.deepEqual({ row: rowFail.evidence[0]!.row, col: rowFail.evidence[0]!.col }, { row: r, col: 6 }, where);
      assert.ok(rowFail.evidence.every((e) => e.row === r), where);
      assert.ok(rowFail.message.includes(requestRowName(r)), `${where}: ${rowFail.message}`);

      // Result total: column c when the cell is one of the results (一)…(六) or the (七)总计 row.
      const inResults = r >= 2 && r <= 23;
      assert.equal(result['requests.result-total'].verdict, inResults ? 'fail' : 'pass', `${where}: result-total`);
      if (inResults) {
        const [f, ...rest] = result['requests.result-total'].fails;
        assert.equal(rest.length, 0, where);
        assert.deepEqual({ row: f!.evidence[0]!.row, col: f!.evidence[0]!.col }, { row: 23, col: c }, where);
        assert.ok(f!.evidence.every((e) => e.col === c), where);
        assert.ok(f!.message.includes(requestColumnName(c)), `${where}: ${f!.message}`);
      }

      // Balance: column c when the cell is 一, 二, 三(七)总计 or 四.
      const inBalance = r === 0 || r === 1 || r === 23 || r === 24;
      assert.equal(result['requests.balance'].verdict, inBalance ? 'fail' : 'pass', `${where}: balance`);
      if (inBalance) {
        const [f, ...rest] = result['requests.balance'].fails;
        assert.equal(rest.length, 0, where);
        assert.deepEqual(f!.evidence.map((e) => [e.row, e.col]), [[0, c], [1, c], [23, c], [24, c]], where);
        assert.ok(f!.message.includes(requestColumnName(c)), `${where}: ${f!.message}`);
      }
      assert.equal(result['review.totals'].verdict, 'pass', `${where}: table 四 untouched`);
    }
  }
  assert.ok(tried >= TABLES * 4);
});

test(`any single changed cell of table 四 fails review.totals for its block only (seed ${SEED})`, () => {
  const rng = prng(SEED + 2);
  for (let i = 0; i < TABLES; i++) {
    const requests = consistentRequests(rng);
    const review = consistentReview(rng);
    const index = int(rng, 15);
    const changed = [...review];
    changed[index] = perturb(review[index]!, rng);
    const block = Math.floor(index / 5);
    const where = `table #${i} 表四[${index}] ${review[index]}→${changed[index]} (seed ${SEED})`;
    const result = run(requests, changed);
    assert.equal(result['review.totals'].verdict, 'fail', where);
    assert.equal(result['review.totals'].fails.length, 1, where);
    const f = result['review.totals'].fails[0]!;
    assert.deepEqual(f.evidence.map((e) => e.row), [block * 5 + 4, block * 5, block * 5 + 1, block * 5 + 2, block * 5 + 3], where);
    assert.ok(f.message.includes(reviewBlockName(block)), `${where}: ${f.message}`);
    for (const id of ['requests.row-total', 'requests.result-total', 'requests.balance'] as const) {
      assert.equal(result[id].verdict, 'pass', `${where}: ${id}`);
    }
  }
});
