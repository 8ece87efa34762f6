/**
 * The draft circular as the office gets it from the CLI: bench reports of distinct departments imported,
 * `export --rollup-only` writes circular.docx, read back with mammoth: the title, every department of the
 * ranking, and the common problems with the counts the summary ranking shows for the same database.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { fixturesDir, readAnswers, skipWithoutShared } from './helpers/shared.ts';
import { runCli } from './helpers/run-cli.ts';
import { buildSummaryView } from '../../src/core/sheet/summary-view.ts';
import { loadYearFromStore } from '../../src/main/export/from-store.ts';
import { openStore } from '../../src/main/store/open.ts';

const bench = path.join(fixturesDir, 'bench');
let tmp = '';
before(() => {
  if (!skipWithoutShared) tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-circular-'));
});
after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const ogi = runCli;

async function docxText(file: string): Promise<string> {
  return (await mammoth.extractRawText({ path: file })).value;
}

test('export writes circular.docx with the title, the whole ranking and the summary\'s problem counts; --anonymise hides names', { skip: skipWithoutShared, timeout: 300_000 }, async () => {
  const answers = readAnswers('bench');
  const picked: [string, string][] = [];
  const seen = new Set<string>();
  for (const [file, a] of Object.entries(answers)) {
    if (!file.endsWith('.txt') || !a.department || a.year !== 2024 || seen.has(a.department)) continue;
    seen.add(a.department);
    picked.push([file, a.department]);
    if (picked.length === 8) break;
  }
  assert.ok(picked.length >= 5, 'enough distinct departments in the bench');
  const folder = path.join(tmp, 'reports');
  fs.mkdirSync(folder);
  for (const [file] of picked) fs.copyFileSync(path.join(bench, file), path.join(folder, file));
  const db = path.join(tmp, 'office.db');
  const imported = await ogi(['import', folder, '--db', db, '--no-progress']);
  assert.equal(imported.code, 0, imported.stderr);

  const out = path.join(tmp, 'out');
  const exported = await ogi(['export', '--db', db, '--year', '2024', '--out', out, '--rollup-only', '--fix-by', '2025-03-31', '--office', '某县政务公开办']);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /circular\.docx/);
  const text = await docxText(path.join(out, 'circular.docx'));

  assert.match(text, /关于2024年度政府信息公开工作年度报告审核情况的通报/);
  assert.match(text, /2025年3月31日前完成整改/);
  assert.match(text, new RegExp(`应报送年度报告的单位 ${picked.length} 个，已报送 ${picked.length} 个，未报送 0 个`));
  for (const [, department] of picked) assert.ok(text.includes(department), `ranking names ${department}`);

  // The summary ranking of the same database: its departments in its order, its problem counts.
  const store = await openStore(db);
  const stored = await loadYearFromStore(store, 2024).finally(() => store.close());
  const summary = buildSummaryView({ year: 2024, results: stored.results, missing: stored.missing, generatedAt: '' });
  const ranking = text.slice(text.indexOf('二、审核结果'), text.indexOf('三、存在的主要问题'));
  const positions = summary.rows.map((r) => ranking.indexOf(r.department));
  assert.ok(positions.every((p) => p >= 0), 'every ranked department is in the table');
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in the summary\'s order');
  assert.ok(summary.common.length > 0, 'the bench reports have common problems');
  for (const p of summary.common.slice(0, 8)) {
    assert.ok(text.includes(`未通过“${p.title}”：${p.departments} 个单位，占 ${p.share}`), `${p.title}: ${p.departments}`);
  }
  const problems = text.slice(text.indexOf('三、存在的主要问题'), text.indexOf('四、工作要求'));
  assert.match(problems, /\n如[^：\n]{1,40}：[^\n]*“/, 'typical examples quote the reports');

  // The font table names fallbacks so Word/WPS substitute installed fonts for the GB ones.
  const fontTable = await (await JSZip.loadAsync(fs.readFileSync(path.join(out, 'circular.docx')))).file('word/fontTable.xml')!.async('string');
  const altNames = new Map([...fontTable.matchAll(/<w:font w:name="([^"]+)">\s*<w:altName w:val="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.split(',')]));
  assert.deepEqual(altNames.get('方正小标宋简体')?.slice(0, 2), ['华文中宋', '宋体']);
  assert.deepEqual(altNames.get('仿宋_GB2312')?.slice(0, 2), ['仿宋', 'FangSong']);
  assert.deepEqual(altNames.get('黑体'), ['SimHei']);
  const documentXml = await (await JSZip.loadAsync(fs.readFileSync(path.join(out, 'circular.docx')))).file('word/document.xml')!.async('string');
  for (const used of new Set([...documentXml.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!))) assert.ok(altNames.has(used), `font table lists ${used}`);

  const anonymousOut = path.join(tmp, 'anonymous');
  const anonymous = await ogi(['export', '--db', db, '--year', '2024', '--out', anonymousOut, '--rollup-only', '--anonymise']);
  assert.equal(anonymous.code, 0, anonymous.stderr);
  const anonymousText = await docxText(path.join(anonymousOut, 'circular.docx'));
  const anonymousProblems = anonymousText.slice(anonymousText.indexOf('三、存在的主要问题'), anonymousText.indexOf('四、工作要求'));
  assert.match(anonymousProblems, /\n如某单位：/);
  for (const [, department] of picked) {
    assert.ok(!anonymousProblems.includes(`如${department}`), `${department} not named in the examples`);
    assert.ok(anonymousText.includes(department), `${department} still in the ranking`);
  }
});
