/**
 * The report template (src/shared/template) against ../shared/spec/DOMAIN.md: the spec's table text is
 * parsed here and compared label by label (NFKC, so full- and half-width brackets compare equal), and every
 * official label is written in one source file only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ACTIVE_2019,
  ACTIVE_2021,
  activeCells,
  cellAddress,
  cellFields,
  cellLabel,
  isCellInTemplate,
  PART_TITLES,
  REQUEST_COLUMNS,
  REQUEST_HEADER,
  REQUEST_HEADINGS,
  REQUEST_ROW,
  REQUEST_ROWS,
  REQUEST_ROWS_ABSENT_IN_2019,
  REQUESTS_SIZE,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  REVIEW_SIZE,
  withoutNumbering,
  type ActiveTemplate,
} from '../../src/shared/template/index.ts';
import { sharedDir } from './helpers/shared.ts';

const domainPath = path.join(sharedDir, 'spec', 'DOMAIN.md');
const skipWithoutSpec = existsSync(domainPath) ? false : `../shared/spec/DOMAIN.md not found beside the checkout (${domainPath})`;
const nfkc = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

function domain(): string {
  return readFileSync(domainPath, 'utf8');
}

/** The text of one "## " section of DOMAIN.md. */
function section(title: string): string {
  const text = domain();
  const start = text.indexOf(`## ${title}`);
  assert.ok(start >= 0, `DOMAIN.md has a section "${title}"`);
  const end = text.indexOf('\n## ', start + 3);
  return text.slice(start, end < 0 ? undefined : end);
}

function codeBlock(text: string): string[] {
  const m = /```\n([\s\S]*?)```/.exec(text);
  assert.ok(m, 'a code block');
  return m[1]!.split('\n').filter((l) => l.trim() !== '');
}

test('the six part titles are those of DOMAIN.md', { skip: skipWithoutSpec }, () => {
  const rows = section('The six parts').split('\n').filter((l) => /^\| [一二三四五六] \|/.test(l));
  assert.deepEqual(rows.map((l) => nfkc(l.split('|')[2]!)), PART_TITLES.map((t) => nfkc(withoutNumbering(t))));
});

function activeSpecOf(template: ActiveTemplate): { index: number; group: string; row: string; column: string }[] {
  return template.rows.flatMap((r) => r.cells.map((c) => ({ index: c.index, group: nfkc(r.group), row: nfkc(r.label), column: nfkc(c.column) })));
}

test('table 二 (2021 and the 2019 trial format) is that of DOMAIN.md', { skip: skipWithoutSpec }, () => {
  const text = section('Table 二');
  assert.match(text, new RegExp(`canonical \`active\`, ${ACTIVE_2021.size} values`));
  assert.match(text, new RegExp(`\\*\\*${ACTIVE_2019.size} values\\*\\*`));
  const spec2021 = text
    .split('\n')
    .filter((l) => /^\| \d/.test(l))
    .flatMap((l) => {
      const [, indexes, group, row, columns] = l.split('|').map((c) => c.trim());
      const names = columns!.replace(/ — .*$/, '').split(/,\s*/);
      return indexes!.split(',').map((i, k) => ({ index: Number(i), group: nfkc(group!), row: nfkc(row!), column: nfkc(names[k]!) }));
    });
  assert.deepEqual(spec2021, activeSpecOf(ACTIVE_2021));
  const spec2019 = codeBlock(text).flatMap((l) => {
    // "group  rows × columns  (from–to)", read by its separators (no backtracking patterns).
    const [left, right] = l.trim().split('×').map((s) => s.trim());
    assert.ok(left && right, `a 2019 line: ${l}`);
    const groupEnd = left.search(/\s/);
    const group = left.slice(0, groupEnd);
    const rows = left.slice(groupEnd).trim().split(/,\s*/);
    const rangeAt = right.lastIndexOf('(');
    const columns = right.slice(0, rangeAt).trim().split(/,\s*/);
    const [from, to] = right.slice(rangeAt + 1, -1).split('–').map(Number);
    let index = from!;
    const cells = rows.flatMap((row) => columns.map((column) => ({ index: index++, group: nfkc(group), row: nfkc(row), column: nfkc(column) })));
    assert.equal(index - 1, to, `index range of ${l}`);
    return cells;
  });
  assert.deepEqual(spec2019, activeSpecOf(ACTIVE_2019));
});

test('table 三 rows, headings, columns and the 2019 rows are those of DOMAIN.md', { skip: skipWithoutSpec }, () => {
  const text = section('Table 三');
  assert.match(text, new RegExp(`${REQUESTS_SIZE.rows} rows × ${REQUESTS_SIZE.cols} columns`));
  const columnsLine = /Columns, in order: (.+)\./.exec(text)![1]!;
  assert.deepEqual([...columnsLine.matchAll(/(\d) ([^\s,·]+)/g)].map((m) => [Number(m[1]), m[2]]), REQUEST_COLUMNS.map((c, i) => [i, c]));
  assert.ok(columnsLine.includes(`${REQUEST_HEADER.legalPersons}:`), 'the 法人或其他组织 header over columns 1–5');

  const lines = codeBlock(text);
  const rows = lines.filter((l) => /^\s*\d+ /.test(l)).map((l) => {
    const index = /^\s*(\d+)/.exec(l)!;
    return { line: l, index: Number(index[1]), label: l.slice(index[0].length).trim() };
  });
  assert.deepEqual(rows.map((r) => [r.index, nfkc(r.label)]), REQUEST_ROWS.map((r) => [r.index, nfkc(r.label)]));
  // Headings are the lines without an index; each stands right before the row the template puts it before.
  const headingsBefore: [string, number][] = [];
  lines.forEach((l, i) => {
    if (/^\s*\d+ /.test(l)) return;
    const next = lines.slice(i + 1).find((n) => /^\s*\d+ /.test(n))!;
    headingsBefore.push([nfkc(l), Number(/^\s*(\d+)/.exec(next)![1])]);
  });
  const templateHeadings = REQUEST_ROWS.flatMap((r) => r.before.map((h): [string, number] => [nfkc(h.label), r.index]));
  assert.deepEqual(headingsBefore, templateHeadings);
  assert.deepEqual(REQUEST_HEADINGS.map((h) => nfkc(h.label)), templateHeadings.map(([h]) => h));
  // Indentation: the spec indents two spaces per level (after the index column).
  const indentOf = (l: string): number => (/^(\s*)(\d+\s+)?/.exec(l)![0].length - 3) / 2;
  assert.deepEqual(rows.map((r) => indentOf(r.line)), REQUEST_ROWS.map((r) => r.indent));

  const m2019 = /map it to row (\d+) and set rows (\d+)–(\d+) to 0/.exec(text.replace(/\s+/g, ' '));
  assert.ok(m2019, 'the 2019 rule');
  assert.equal(Number(m2019[1]), REQUEST_ROW.lastResult);
  assert.deepEqual([Number(m2019[2]), Number(m2019[3])], REQUEST_ROWS_ABSENT_IN_2019);
});

test('table 四 blocks and columns are those of DOMAIN.md', { skip: skipWithoutSpec }, () => {
  const text = section('Table 四');
  assert.match(text, new RegExp(`canonical \`review\`, ${REVIEW_SIZE} values`));
  // "name (from–to):   columns", read by its separators.
  const blocks = codeBlock(text).map((l) => {
    const open = l.indexOf(' (');
    const close = l.indexOf('):');
    const [from, to] = l.slice(open + 2, close).split('–').map(Number);
    return [l.slice(0, open).trim().replace(/\s+/g, ' '), from, to, l.slice(close + 2).trim().split(/,\s*/)];
  });
  assert.deepEqual(
    blocks,
    REVIEW_BLOCKS.map((b, i) => [b.sub ? `${b.label} ${b.sub}` : b.label, i * REVIEW_COLUMNS.length, (i + 1) * REVIEW_COLUMNS.length - 1, [...REVIEW_COLUMNS]]),
  );
});

test('cell addresses round-trip through row/col fields; addresses outside the template are refused', () => {
  for (const address of [{ table: 'requests', row: 23, col: 6 }, { table: 'active', index: 9 }, { table: 'review', index: 7 }] as const) {
    const f = cellFields(address);
    assert.deepEqual(cellAddress(f.table, f.row, f.col), address);
  }
  assert.deepEqual(cellFields({ table: 'review', index: 7 }), { table: 'review', row: 7, col: 0 });
  assert.equal(isCellInTemplate({ table: 'active', index: 21 }, '2019'), true);
  assert.equal(isCellInTemplate({ table: 'active', index: 10 }, '2021'), false);
  assert.equal(isCellInTemplate({ table: 'review', index: REVIEW_SIZE }, '2021'), false);
  assert.equal(isCellInTemplate({ table: 'requests', row: 24, col: 6 }, '2021'), true);
  assert.equal(isCellInTemplate({ table: 'requests', row: 25, col: 0 }, '2021'), false);
  assert.equal(activeCells(ACTIVE_2019).length, ACTIVE_2019.size);
  assert.equal(cellLabel({ table: 'requests', row: 4, col: 0 }, '2021'), '表三 （三）不予公开 1.属于国家秘密 · 自然人列');
  assert.equal(cellLabel({ table: 'active', index: 7 }, '2019'), '表二 行政许可·本年增/减');
  assert.equal(cellLabel({ table: 'review', index: 9 }, '2021'), '表四 行政诉讼（未经复议直接起诉）·总计');
});
