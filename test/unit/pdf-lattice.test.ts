/**
 * The ruled-table grid (pdf-lattice.ts) at a table's open edge: column rules running past the last
 * horizontal rule close the grid there only when most columns do (a table cut by a page break), not when
 * one column rule runs into a stroke of the heading under the table (a scanned page).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLatticeCells } from '../../src/core/ingest/pdf-lattice.ts';
import type { Rule } from '../../src/core/ingest/pdf-page.ts';

// A table of 3 columns × 2 rows between y 100 and 160.
const horizontal: Rule[] = [100, 130, 160].map((at) => ({ at, from: 50, to: 350 }));
const columns = [50, 150, 250, 350];

test('one column rule running on under the table does not add a row (the heading below stays text)', () => {
  const vertical: Rule[] = columns.map((at) => ({ at, from: 100, to: at === 150 ? 185 : 160 }));
  const [table] = findLatticeCells(horizontal, vertical);
  assert.equal(table!.box.bottom, 160);
  assert.equal(table!.cells.length, 6);
});

test('every column rule running on (a table cut by the page end) closes the grid at their end', () => {
  const vertical: Rule[] = columns.map((at) => ({ at, from: 100, to: 190 }));
  const [table] = findLatticeCells(horizontal, vertical);
  assert.equal(table!.box.bottom, 190);
  assert.equal(table!.cells.length, 9);
});

test('column rules starting above the first horizontal rule (the cut top of a continued table) add the first row', () => {
  const vertical: Rule[] = columns.map((at) => ({ at, from: 70, to: 160 }));
  const [table] = findLatticeCells(horizontal, vertical);
  assert.equal(table!.box.top, 70);
  assert.equal(table!.cells.length, 9);
});
