/**
 * Each official label of the report template is written in one file under src/: its home in
 * src/shared/template. Everything else — parsing keywords aside, which are fragments — names rows, columns,
 * tables and parts through the template module, so a label cannot drift between files.
 *
 * An official label is, for every generation (2021, the 2019 trial, the 2008 legacy items): a part title,
 * a table title, a table 三 row (as printed and without its note), heading, column or column header, a
 * table 二 row, column or article group, a table 四 block (alone and with its sub-block) or column, and a
 * legacy item — each whole, with its numbering ("（七）总计", "3.其他"), and its words without the
 * numbering when they are at least 3 characters ("予以公开", "自然人"; not "其他", "总计", "规章": such
 * 1–2 character words are fragments every sentence uses). Files are compared in NFKC, so "(七)总计" written
 * with half-width brackets is the same label; code and comments alike count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ACTIVE_2019,
  ACTIVE_2021,
  LEGACY_ITEMS,
  PART_TITLES,
  REQUEST_COLUMNS,
  REQUEST_HEADER,
  REQUEST_HEADINGS,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  reviewBlockName,
  TABLE_TITLES,
  withoutNumbering,
} from '../../src/shared/template/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const TEMPLATE_DIR = 'src/shared/template/';
/** Words without numbering shorter than this are fragments, not labels. */
const MIN_WORDS = 3;

const nfkc = (text: string): string => text.normalize('NFKC');

/** Every official label of the template, NFKC, with where it comes from. */
function officialLabels(): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (label: string, what: string): void => {
    const whole = nfkc(label);
    const words = nfkc(withoutNumbering(label));
    // Numbered, the label is whole however short its words; without numbering, only its words count.
    for (const form of [whole, words]) {
      if ((form !== words || [...form].length >= MIN_WORDS) && !labels.has(form)) labels.set(form, what);
    }
  };
  PART_TITLES.forEach((t, i) => add(t, `part ${i + 1} title`));
  for (const [table, title] of Object.entries(TABLE_TITLES)) add(title, `${table} table title`);
  LEGACY_ITEMS.forEach((item, i) => add(item, `legacy item ${i}`));
  for (const r of REQUEST_ROWS) {
    add(r.label, `表三 row ${r.index}`);
    add(r.name, `表三 row ${r.index} without its note`);
  }
  for (const h of REQUEST_HEADINGS) add(h.label, '表三 heading');
  for (const h of Object.values(REQUEST_HEADER)) add(h, '表三 column header');
  for (const c of REQUEST_COLUMNS) add(c, '表三 column');
  for (const template of [ACTIVE_2021, ACTIVE_2019]) {
    for (const r of template.rows) {
      add(r.label, `表二 (${template.generation}) row`);
      add(r.group, `表二 (${template.generation}) article`);
      for (const c of r.cells) add(c.column, `表二 (${template.generation}) column`);
    }
  }
  REVIEW_BLOCKS.forEach((b, i) => {
    add(b.label, '表四 block');
    if (b.sub) add(b.sub, '表四 sub-block');
    add(reviewBlockName(i), '表四 block name');
  });
  for (const c of REVIEW_COLUMNS) add(c, '表四 column');
  return labels;
}

/** Text files under a folder, relative to the repository (binary files, e.g. fonts, have NUL bytes). */
function textFiles(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(repoRoot, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const bytes = readFileSync(full);
    if (bytes.includes(0)) continue;
    files.set(path.relative(repoRoot, full).split(path.sep).join('/'), nfkc(bytes.toString('utf8')));
  }
  return files;
}

/** "file: “label” (what)" for each label written outside its one home file in the template module. */
function strayLabels(labels: Map<string, string>, files: Map<string, string>): string[] {
  const stray: string[] = [];
  for (const [label, what] of labels) {
    const holders = [...files].filter(([, text]) => text.includes(label)).map(([file]) => file);
    const homes = holders.filter((f) => f.startsWith(TEMPLATE_DIR));
    for (const file of holders.filter((f) => !f.startsWith(TEMPLATE_DIR))) stray.push(`${file}: “${label}” (${what})`);
    if (homes.length > 1) stray.push(`${homes.join(', ')}: “${label}” (${what}) is written in ${homes.length} files of the template module`);
  }
  return stray.sort();
}

test('the label list is the whole template: every generation, no 1–2 character fragments', () => {
  const labels = officialLabels();
  assert.ok(labels.size >= 100, `only ${labels.size} labels collected`);
  for (const expected of ['一、总体情况', '(七)总计', '3.其他', '予以公开', '自然人', '本年新制作数量', '行政诉讼(复议后起诉)', '第二十条第(九)项', '表四 政府信息公开行政复议、行政诉讼情况']) {
    assert.ok(labels.has(expected), `${expected} is an official label`);
  }
  for (const fragment of ['其他', '总计', '规章']) assert.ok(!labels.has(fragment), `${fragment} is a fragment`);
});

test('the scan finds a label written outside the template, in code or a comment, in either bracket width', () => {
  const labels = officialLabels();
  const planted = new Map([
    ['src/shared/template/tables.ts', nfkc("['（七）总计', 1, null]")],
    ['src/core/checks/x.ts', nfkc('// sums the (七)总计 row')],
    ['src/core/checks/y.ts', nfkc("fail('表三“予以公开”行')")],
  ]);
  assert.deepEqual(strayLabels(labels, planted), [
    'src/core/checks/x.ts: “(七)总计” (表三 row 23)',
    'src/core/checks/y.ts: “予以公开” (表三 row 2)',
  ]);
});

test('each official template label is written in exactly one file under src/ (its home in src/shared/template)', () => {
  const files = textFiles('src');
  assert.ok(files.size > 100, `only ${files.size} files read under src/`);
  const stray = strayLabels(officialLabels(), files);
  assert.deepEqual(stray, [], `official labels outside their home file (use the template module's names instead):\n${stray.join('\n')}`);
});
