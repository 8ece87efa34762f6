/**
 * The reviewer's overall comment through the service (as the detail screen saves it): stored with who and
 * when, returned with the report, printed in the sheet's 审核意见 box; an empty save clears the box.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src/main/service.ts';

const cases = path.resolve(import.meta.dirname, '../../../shared/fixtures/cases');
const skip = fs.existsSync(cases) ? false : `共享样例目录不存在：${cases}`;

test('saveComment: kept with the report, printed on the sheet, cleared by an empty save', { skip, timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-comment-'));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const job = await service.importPaths({ paths: [path.join(cases, 'p08-no-fee-statement.docx')] });
    assert.equal((await service.waitForImport(job.jobId)).imported, 1);
    const [report] = await service.listReports({});
    const before = await service.getReport({ reportId: report!.reportId });
    assert.equal(before.comment, null);
    const blank = (await service.renderDocument({ kind: 'sheet', reportId: report!.reportId })).html;
    assert.equal((blank.match(/class="write-line"/g) ?? []).length, 4, 'no comment: lines to write on');

    await assert.rejects(service.saveComment({ reportId: report!.reportId, text: '意见', reviewer: ' ' }), /审核人/);
    await assert.rejects(service.saveComment({ reportId: report!.reportId, text: '长'.repeat(2001), reviewer: '张三' }), /审核意见过长/);
    await assert.rejects(service.saveComment({ reportId: 99_999, text: '意见', reviewer: '张三' }), /报告不存在/);

    const text = '第六部分缺少信息处理费说明，请补充后重新报送。';
    const saved = await service.saveComment({ reportId: report!.reportId, text: `  ${text}\n`, reviewer: '张三' });
    assert.equal(saved.comment?.text, text);
    assert.equal(saved.comment?.reviewer, '张三');
    assert.equal(saved.result.score?.score, before.result.score?.score, 'a comment does not change the score');
    assert.equal((await service.getReport({ reportId: report!.reportId })).comment?.text, text);
    const sheet = (await service.renderDocument({ kind: 'sheet', reportId: report!.reportId })).html;
    assert.match(sheet, new RegExp(`<div class="opinion"><div class="comment">${text}</div>`));
    assert.doesNotMatch(sheet, /class="write-line"/);

    const cleared = await service.saveComment({ reportId: report!.reportId, text: '', reviewer: '张三' });
    assert.equal(cleared.comment, null);
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
