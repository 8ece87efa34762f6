/**
 * The store test suite, run unchanged against every backend (store-sqlite.test.ts, store-postgres.test.ts):
 * what the rest of the program relies on the `Store` interface for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { SqlStore } from '../../../src/main/store/sql-store.ts';
import type { AuditInput, FileInput, ReportInput, Store } from '../../../src/main/store/store.ts';
import type { Finding, Report } from '../../../src/shared/model.ts';

export type OpenStore = () => Promise<Store>;

function fileInput(text: string, name = `${text}.txt`): FileInput {
  const bytes = new TextEncoder().encode(text);
  return {
    path: `/in/${name}`,
    name,
    size: bytes.byteLength,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    format: 'txt',
    error: null,
    errorCode: null,
    pages: null,
    bytes,
  };
}

const finding = (check: string, status: Finding['status'], message = `${check} 的结论`): Finding => ({
  check,
  status,
  severity: 'error',
  message,
  evidence: [{ table: 'requests', row: 3, col: 1, text: '第三行' }] as Finding['evidence'],
  deduction: status === 'fail' ? 2.5 : 0,
});

const auditOf = (findings: Finding[]): AuditInput => ({
  findings,
  score: null,
  late: false,
  failed: findings.filter((f) => f.status === 'fail').length,
  uncertain: findings.filter((f) => f.status === 'uncertain').length,
  failedCounts: { byCheck: { 'requests.row-total': findings.filter((f) => f.status === 'fail').length }, byDimension: { 数据准确: findings.filter((f) => f.status === 'fail').length } },
});

/** Import one made-up report of `department` for `year` the way the importer does. */
async function importReport(store: Store, text: string, department: string | null, year: number | null, findings: Finding[] = []) {
  const runId = await store.audits.createRun({ kind: 'import', rubricId: 'default', rubricVersion: 1, engineVersion: 'test' });
  return store.reports.writeImported({
    file: fileInput(text),
    runId,
    report: async (tx): Promise<ReportInput> => ({
      departmentId: department ? (await tx.departments.resolve(department)).id : null,
      departmentText: department,
      year,
      generation: '2021',
      signedOn: null,
      report: { file: `${text}.txt`, department, year } as unknown as Report,
      fingerprint: { words: [1, 2, 3] },
    }),
    audit: async () => auditOf(findings),
  });
}

export function storeSuite(backend: string, open: OpenStore, skip: string | false = false): void {
  const it = (name: string, fn: (store: Store) => Promise<void>): void => {
    test(`${backend}: ${name}`, { skip }, async () => {
      const store = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });
  };

  it('department identity: prefix match when unique, aliases survive rename and merge', async (store) => {
    const d = store.departments;
    const a = await d.resolve('科工商务局');
    assert.equal(a.created, true);
    const b = await d.resolve('开平市科工商务局');
    assert.equal(b.id, a.id, 'place prefix matched the unique bare name');
    assert.equal((await d.resolve('開平市科工商務局')).id, a.id, 'traditional script');
    const x = await d.resolve('北湖县审计局');
    const y = await d.resolve('东平市审计局');
    assert.notEqual(x.id, y.id);
    const bare = await d.resolve('审计局');
    assert.equal(bare.created, true, 'a bare 审计局 is ambiguous and becomes a new proposed department');
    const renamed = await d.rename(a.id, '开平市科学技术工业商务局');
    assert.ok(renamed.aliases.includes('科工商务局'));
    assert.equal((await d.match('科工商务局'))?.id, a.id);
    await assert.rejects(d.rename(a.id, '北湖县审计局'), /已有同名部门/);
    const merged = await d.merge(bare.id, x.id);
    assert.ok(merged.aliases.includes('审计局'));
    assert.equal((await d.match('审计局'))?.id, x.id);
    assert.equal(await d.get(bare.id), null);
    const names = (await d.list()).map((r) => r.name);
    assert.deepEqual(names, [...names].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0)), 'listed in code-point order');
  });

  it('an imported report: bytes kept exactly, versions per department and year, one copy per content', async (store) => {
    const first = await importReport(store, '甲局2024年报', '甲局', 2024, [finding('table-sum', 'fail'), finding('deadline', 'pass')]);
    assert.equal(first.duplicate, false);
    if (first.duplicate) return;
    assert.equal(first.version, 1);
    const again = await importReport(store, '甲局2024年报', '甲局', 2024);
    assert.equal(again.duplicate, true, 'the same bytes are stored once');
    const second = await importReport(store, '甲局2024年报（修改稿）', '甲局', 2024, [finding('table-sum', 'pass')]);
    assert.ok(!second.duplicate && second.version === 2, 'a resubmission is version 2');
    const other = await importReport(store, '乙局2023年报', '乙局', 2023);
    const unnamed = await importReport(store, '无名报告', null, null);
    assert.ok(!other.duplicate && !unnamed.duplicate);

    const file = await store.files.bySha(fileInput('甲局2024年报').sha256);
    assert.equal(file?.name, '甲局2024年报.txt');
    assert.deepEqual(Buffer.from((await store.files.blob(file!.sha256))!), Buffer.from('甲局2024年报'));
    const row = (await store.reports.row(first.reportId))!;
    assert.equal(row.fileId, file!.id);
    assert.equal(row.year, 2024);
    assert.deepEqual(await store.reports.fingerprint(first.reportId), { words: [1, 2, 3] });
    assert.equal((await store.reports.model(first.reportId))?.file, '甲局2024年报.txt');
    const findings = await store.audits.findings(row.currentAuditId!);
    assert.deepEqual(findings.map((f) => [f.check, f.status, f.deduction]), [['table-sum', 'fail', 2.5], ['deadline', 'pass', 0]]);
    assert.deepEqual(findings[0]!.evidence, [{ table: 'requests', row: 3, col: 1, text: '第三行' }]);

    const all = await store.reports.summaries();
    assert.deepEqual(
      all.map((s) => [s.department, s.year, s.version, s.latest]),
      [['甲局', 2024, 1, false], ['甲局', 2024, 2, true], ['乙局', 2023, 1, true], [null, null, 1, true]],
      'newest year first, names in order, versions in order, undated last',
    );
    const latest2024 = await store.reports.summaries({ year: 2024, latestOnly: true });
    assert.deepEqual(latest2024.map((s) => s.reportId), [second.reportId]);
    assert.equal(latest2024[0]!.failed, 0);
    assert.deepEqual(all[0]!.failedCounts, { byCheck: { 'requests.row-total': 1 }, byDimension: { 数据准确: 1 } });
    assert.equal(all[0]!.late, false);
    assert.deepEqual(await store.reports.years(), [2024, 2023]);
    const departmentId = row.departmentId!;
    assert.equal(await store.reports.latestId(departmentId, 2024), second.reportId);
    assert.deepEqual((await store.reports.versions(departmentId, 2024, first.reportId)).map((v) => v.version), [1, 2]);
    assert.deepEqual((await store.reports.latestIdsForYear(2024)).map((r) => r.id), [second.reportId]);
    assert.deepEqual(await store.reports.latestIds(), [second.reportId, other.reportId, unnamed.reportId].sort((p, q) => p - q));
    const counts = await store.counts();
    assert.equal(counts.files, 4);
    assert.equal(counts.blobs, 4);
    assert.equal(counts.reports, 4);
    assert.equal(counts.findings, 3);
  });

  it('a failed write leaves nothing behind; a nested failure rolls back alone', async (store) => {
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.settings.set('a', 1);
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await store.settings.get('a'), null);
    await store.transaction(async (tx) => {
      await tx.settings.set('b', 2);
      await assert.rejects(tx.transaction(async (inner) => {
        await inner.settings.set('c', 3);
        throw new Error('inner');
      }));
    });
    assert.equal(await store.settings.get('b'), 2);
    assert.equal(await store.settings.get('c'), null);
    await assert.rejects(
      importReport(store, 'x', '丙局', 2024).then(() => store.reports.writeImported({
        file: fileInput('y'),
        runId: 1,
        report: async () => { throw new Error('unreadable'); },
        audit: async () => auditOf([]),
      })),
      /unreadable/,
    );
    assert.equal(await store.files.bySha(fileInput('y').sha256), null, 'no file row without its report');
  });

  it('reviewers: decisions and corrections keep who and when, are never deleted, and count as revisions', async (store) => {
    const imported = await importReport(store, '丁局年报', '丁局', 2024, [finding('table-sum', 'fail')]);
    assert.ok(!imported.duplicate);
    const id = imported.reportId;
    assert.equal(await store.reviews.revision(id), 0);
    const stamp = await store.reviews.changeStamp();
    await store.reviews.insertDecision(id, { findingIndex: 0, check: 'table-sum', message: 'm', action: 'confirm', reason: '核实', reviewer: ' 张三 ' });
    await store.reviews.insertDecision(id, { findingIndex: 0, check: 'table-sum', message: 'm', action: 'dismiss', reason: '原件无误', reviewer: '李四' });
    await store.reviews.insertCorrection(id, { cell: { table: 'requests', row: 3, col: 1 }, before: 5, value: 6, reviewer: '张三', reason: '笔误' });
    const decisions = await store.reviews.decisions(id);
    assert.deepEqual(decisions.map((d) => [d.action, d.reviewer]), [['confirm', '张三'], ['dismiss', '李四']], 'both kept, in order');
    assert.match(decisions[1]!.at, /^\d{4}-\d\d-\d\dT/);
    const corrections = await store.reviews.corrections(id);
    assert.deepEqual(corrections.map((c) => [c.cell, c.before, c.value, c.reviewer]), [[{ table: 'requests', row: 3, col: 1 }, 5, 6, '张三']]);
    assert.equal(await store.reviews.revision(id), 3);
    assert.notEqual(await store.reviews.changeStamp(), stamp, 'others see that something changed');
    await assert.rejects(store.reviews.insertDecision(id, { findingIndex: 0, check: 'c', message: 'm', action: 'confirm', reason: '  ', reviewer: '张三' }));
    await assert.rejects(store.reviews.insertCorrection(id, { cell: { table: 'active', index: 0 }, before: null, value: 1, reviewer: '', reason: '理由' }));
    const sql = (store as SqlStore).sql;
    await assert.rejects(sql.run('DELETE FROM decisions'), /审核决定不可删除/);
    await assert.rejects(sql.run("UPDATE decisions SET reason = 'x'"), /审核决定不可修改/);
    await assert.rejects(sql.run('DELETE FROM corrections'), /单元格更正记录不可删除/);
  });

  it('the overall comment (审核意见): the latest save holds, an empty one clears it, history is never changed', async (store) => {
    const imported = await importReport(store, '戊局年报', '戊局', 2024, [finding('table-sum', 'fail')]);
    assert.ok(!imported.duplicate);
    const id = imported.reportId;
    assert.equal(await store.reviews.comment(id), null);
    const stamp = await store.reviews.changeStamp();
    await store.reviews.insertComment(id, { text: '  表三数据与台账核对一致。\n第五部分需补充措施。 ', reviewer: ' 张三 ' });
    assert.notEqual(await store.reviews.changeStamp(), stamp, 'others see the comment');
    await store.reviews.insertComment(id, { text: '同意整改后通过。', reviewer: '李四' });
    const held = await store.reviews.comment(id);
    assert.deepEqual([held?.text, held?.reviewer], ['同意整改后通过。', '李四']);
    assert.match(held!.at, /^\d{4}-\d\d-\d\dT/);
    await store.reviews.insertComment(id, { text: '  ', reviewer: '李四' });
    assert.equal(await store.reviews.comment(id), null, 'cleared');
    assert.equal(await store.reviews.revision(id), 0, 'a comment is no table or finding change');
    await assert.rejects(store.reviews.insertComment(id, { text: 'x', reviewer: ' ' }));
    const sql = (store as SqlStore).sql;
    await assert.rejects(sql.run('DELETE FROM report_comments'), /审核意见记录不可删除/);
    await assert.rejects(sql.run("UPDATE report_comments SET text = 'x'"), /审核意见记录不可修改/);
    assert.equal((await store.counts()).report_comments, 3);
  });

  it('rubrics are versioned, never overwritten; settings and the roster', async (store) => {
    assert.equal(await store.rubrics.current(), null);
    const v1 = await store.rubrics.insert('default', '{"a":1}', 1);
    const again = await store.rubrics.insert('default', '{"other":1}', 1);
    assert.equal(again.json, '{"a":1}', 'a fixed version already stored is kept');
    await new Promise((r) => setTimeout(r, 2));
    const v2 = await store.rubrics.insert('default', '{"a":2}');
    assert.equal(v1.version, 1);
    assert.equal(v2.version, 2);
    assert.equal((await store.rubrics.current())?.json, '{"a":2}');
    assert.deepEqual((await store.rubrics.all()).map((r) => r.version), [1, 2]);

    await store.settings.set('office', { deadlines: { 2024: '2025-01-31' } });
    await store.settings.set('office', { deadlines: { 2024: '2025-02-28' } });
    assert.deepEqual(await store.settings.get('office'), { deadlines: { 2024: '2025-02-28' } });

    const r = await store.roster.set(2024, [{ name: '戊局', deadline: '2025-01-15' }, { name: '己局' }, { name: ' ' }]);
    assert.deepEqual(r, { matched: 0, created: 2 });
    await store.roster.set(2024, [{ name: '戊局', receivedOn: '2025-01-10' }]);
    const rows = await store.roster.forYear(2024);
    assert.deepEqual(rows.map((x) => [x.department, x.deadline, x.receivedOn]), [['己局', null, null], ['戊局', '2025-01-15', '2025-01-10']].sort((p, q) => (p[0]! < q[0]! ? -1 : 1)));
    const wu = rows.find((x) => x.department === '戊局')!;
    assert.equal((await store.roster.entry(2024, wu.departmentId))?.deadline, '2025-01-15');
    assert.deepEqual(await store.reports.years(), [2024], 'a roster year is a year');
  });
}
