/**
 * The reviewer's flow through the real UI in Chromium against the real web server and a temporary database:
 * import the fixture folder, read the overview, open the department, edit the rubric and re-score, dismiss
 * a finding with a reason, correct a mis-read cell and see the score change. Screenshots of every main
 * screen go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { casesDir, readAnswers, screenshot, shownScore, skipReason, startApp } from './harness.ts';
import type { App } from './harness.ts';

const reason = skipReason();
if (reason) console.log(`跳过：${reason}`);

describe('审核台界面（浏览器模式）', { skip: reason ?? false, timeout: 600_000 }, () => {
  let app: App;
  const answers = readAnswersSafe();
  // A case whose table 三 has a row-total error (the answer file says which), preferring the Word version.
  const rowTotalCase = Object.entries(answers)
    .filter(([, a]) => a.expect_fail.includes('requests.row-total') && a.expect_fail.includes('requests.balance'))
    .sort(([a], [b]) => Number(b.endsWith('.docx')) - Number(a.endsWith('.docx')))[0];

  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('导入：文件夹路径导入，进度走完，结果与后端一致', async () => {
    const { page, server, service } = app;
    await page.goto(`${server.openUrl}#/import`);
    await page.getByRole('heading', { name: '导入年度报告' }).waitFor();
    await page.getByLabel('或输入服务器上的文件夹路径').fill(casesDir);
    await page.getByRole('button', { name: '导入该文件夹' }).click();
    const job = page.locator('section.job').first();
    await job.getByText('已完成').waitFor({ timeout: 300_000 });
    const bar = job.getByRole('progressbar');
    assert.equal(await bar.getAttribute('aria-valuenow'), await bar.getAttribute('aria-valuemax'));
    const stored = await service.listReports({ latestOnly: false });
    const importedText = (await job.locator('p.muted').first().textContent()) ?? '';
    assert.match(importedText, new RegExp(`已导入 ${stored.length} 份`));
    assert.ok(stored.length >= Object.keys(answers).length - 2, `导入 ${stored.length} 份，应接近 ${Object.keys(answers).length}`);
    await screenshot(page, '1-import');
  });

  test('总览：单位行、得分、等级与搜索', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '查看总览 →' }).click();
    const department = rowTotalCase![1].department;
    const row = page.locator('tr.clickable', { hasText: department });
    await row.waitFor();
    assert.ok(/\d/.test((await row.locator('td.num').first().textContent()) ?? ''), '总览应显示得分');
    await page.getByLabel('搜索单位').fill('不存在的单位名称');
    await page.getByText('没有符合条件的单位').waitFor();
    await page.getByLabel('搜索单位').fill(department.slice(0, 4));
    await row.waitFor();
    await screenshot(page, '2-overview');
    await row.click();
    await page.locator('h1.dept-name', { hasText: department }).waitFor();
  });

  test('评分规则：把一个未通过检查的扣分改为 0，重新评分后得分回升', async () => {
    // Re-scoring applies to the latest version of each report: the one the overview opened.
    const { page } = app;
    const detailUrl = page.url();
    const failing = page.locator('li.finding.status-fail', { has: page.locator('.deduction') }).first();
    await failing.waitFor();
    const check = (await failing.getAttribute('data-check'))!;
    const before = await shownScore(page);
    const deductionBefore = await deductionOf(page, check);
    assert.ok(before !== null && deductionBefore > 0);

    await page.getByRole('button', { name: '评分规则' }).click();
    const row = page.locator(`.rubric-table tr[data-check="${check}"]`);
    await row.waitFor();
    await screenshot(page, '4-rubric');
    const points = row.getByLabel(/ 扣分 /);
    assert.ok((await points.count()) > 0, `规则中 ${check} 没有扣分项`);
    for (let i = 0; i < (await points.count()); i++) await points.nth(i).fill('0');
    await page.getByRole('button', { name: '保存并重新评分' }).click();
    await page.getByText(/已保存为第 \d+ 版评分规则，并已按新规则重新评分 \d+ 份报告/).waitFor({ timeout: 120_000 });

    await page.goto(detailUrl);
    await page.locator(`li.finding[data-check="${check}"]`).first().waitFor();
    assert.equal(await deductionOf(page, check), 0, `${check} 的扣分应为 0`);
    const after = await shownScore(page);
    assert.equal(after, before! + deductionBefore, `得分应从 ${before} 回升 ${deductionBefore}`);
  });

  test('单位详情：打开有表三错误的版本，问题与答案一致', async () => {
    const { page } = app;
    const [file, answer] = rowTotalCase!;
    const version = page.locator(`[data-version-file="${path.basename(file)}"]`);
    if ((await page.locator('p.file-name', { hasText: path.basename(file) }).count()) === 0) {
      await version.waitFor();
      await version.locator('xpath=preceding-sibling::button').click();
      await page.locator('p.file-name', { hasText: path.basename(file) }).waitFor();
    }
    for (const check of answer.expect_fail) {
      await page.locator(`li.finding.status-fail[data-check="${check}"]`).first().waitFor();
    }
    // The evidence of the row-total finding is marked in the table grid.
    await page.locator('li.finding[data-check="requests.row-total"] .finding-main').click();
    await page.locator('.report-table td.mark-fail').first().waitFor();
    await screenshot(page, '3-detail-tables');
    await page.getByRole('tab', { name: '正文' }).click();
    await screenshot(page, '3-detail-text');
  });

  test('驳回一个问题（必须填写理由），得分回升', async () => {
    const { page } = app;
    const before = await shownScore(page);
    const finding = page.locator('li.finding.status-fail[data-check="requests.balance"]').first();
    const deduction = await deductionOf(page, 'requests.balance');
    await finding.getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog', { name: '驳回该问题' });
    await dialog.getByRole('button', { name: '驳回' }).click();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByLabel('理由（必填）').fill('表三勾稽关系差异由上一问题引起，不重复扣分');
    await dialog.getByLabel('审核人').fill('张审核');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('li.finding[data-check="requests.balance"] .decision-dismiss', { hasText: '张审核' }).waitFor();
    const after = await shownScore(page);
    if (deduction > 0) assert.ok(after !== null && before !== null && after > before, `驳回后得分应回升：${before} → ${after}`);
    // The reviewer's name is remembered in the header.
    assert.equal(await page.getByLabel('审核人').first().inputValue(), '张审核');
  });

  test('更正读错的单元格：检查重跑，得分变化', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '统计表' }).click();
    // Row-total evidence names a row of table 三: make its 总计 the sum of the six columns.
    const marked = page.locator('.report-table.requests td.mark-fail').first();
    await marked.waitFor();
    const key = (await marked.getAttribute('data-cell'))!;
    const row = Number(key.split(':')[1]);
    const values: number[] = [];
    for (let col = 0; col < 6; col++) values.push(Number(await page.locator(`td[data-cell="requests:${row}:${col}"]`).textContent()));
    const sum = values.reduce((a, b) => a + b, 0);
    const before = await shownScore(page);
    await page.locator(`td[data-cell="requests:${row}:6"] button`).click();
    const dialog = page.getByRole('dialog', { name: '更正读取的数值' });
    await dialog.getByLabel('正确的值（留空表示未填写）').fill(String(sum));
    await dialog.getByLabel('理由（必填）').fill('原件总计栏为各列之和，读取有误');
    await dialog.getByRole('button', { name: '保存更正' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`td[data-cell="requests:${row}:6"].corrected`).waitFor();
    await page.getByText('数值更正记录').waitFor();
    const after = await shownScore(page);
    assert.notEqual(after, before, '更正后应重新评分');
    assert.equal(await page.locator('li.finding.status-fail[data-check="requests.row-total"]').count(), 0, '行总计问题应消失');
    // The earlier dismissal stays visible: on its finding if the checks still report it, otherwise among
    // the earlier decisions whose finding is gone.
    if ((await page.locator('li.finding:not(.orphan)[data-check="requests.balance"]').count()) > 0) {
      await page.locator('li.finding[data-check="requests.balance"] .decision-dismiss', { hasText: '张审核' }).waitFor();
    } else {
      await page.locator('.orphan-decisions li.orphan[data-check="requests.balance"] .decision-dismiss', { hasText: '张审核' }).waitFor();
    }
    await screenshot(page, '5-detail-corrected');
  });

  test('问题在更正后消失：早先的驳回意见仍然可见', async () => {
    const { page } = app;
    // The dismissed finding is about the 自然人 column of table 三 (一+二 ≠ 三总计+四): correct that cell
    // so the column balances, and the finding the reviewer dismissed is no longer reported.
    const dismissed = page.locator('li.finding:not(.orphan)[data-check="requests.balance"]', { hasText: '张审核' });
    const message = (await dismissed.locator('.finding-message').textContent())!;
    const column = /“([^“”]+)”列/.exec(message)?.[1];
    assert.equal(column, '自然人', message);
    const carried = Number(await page.locator('td[data-cell="requests:1:0"]').textContent());
    const total = Number(await page.locator('td[data-cell="requests:23:0"]').textContent());
    const kept = Number(await page.locator('td[data-cell="requests:24:0"]').textContent());
    await page.locator('td[data-cell="requests:0:0"] button').click();
    const dialog = page.getByRole('dialog', { name: '更正读取的数值' });
    await dialog.getByLabel('正确的值（留空表示未填写）').fill(String(total + kept - carried));
    await dialog.getByLabel('理由（必填）').fill('核对原件：自然人新收申请数');
    await dialog.getByRole('button', { name: '保存更正' }).click();
    await dialog.waitFor({ state: 'detached' });
    await dismissed.waitFor({ state: 'detached' });
    const earlier = page.locator('.orphan-decisions li.orphan[data-check="requests.balance"]');
    await earlier.locator('.decision-dismiss', { hasText: '张审核' }).waitFor();
    assert.match((await earlier.locator('.finding-message').textContent())!, /自然人/);
    await earlier.scrollIntoViewIfNeeded();
    await screenshot(page, '5-detail-earlier-decision');
  });

  test('更正表二、表四的非首个单元格：保存成功，检查重跑', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '统计表' }).click();
    const correct = async (cell: string, value: string, reason: string): Promise<void> => {
      await page.locator(`td[data-cell="${cell}"] button`).click();
      const dialog = page.getByRole('dialog', { name: '更正读取的数值' });
      await dialog.getByLabel('正确的值（留空表示未填写）').fill(value);
      await dialog.getByLabel('理由（必填）').fill(reason);
      await dialog.getByRole('button', { name: '保存更正' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator(`td[data-cell="${cell}"].corrected`).waitFor();
    };
    // 表四 行政诉讼（未经复议直接起诉）的总计 (index 9): two more than its parts, so review.totals fails for that block.
    assert.equal(await page.locator('li.finding.status-fail[data-check="review.totals"]').count(), 0, '更正前表四总计无误');
    const lawsuitTotal = Number(await page.locator('td[data-cell="review:9"]').textContent());
    await correct('review:9', String(lawsuitTotal + 2), '核对原件：表四诉讼总计');
    await page.locator('li.finding.status-fail[data-check="review.totals"]', { hasText: '未经复议直接起诉' }).waitFor();
    assert.equal(Number(await page.locator('td[data-cell="review:9"]').textContent()), lawsuitTotal + 2);
    // 表二 行政规范性文件·本年废止件数 (index 4): left blank, so table.active.complete fails naming that cell.
    assert.equal(await page.locator('li.finding.status-fail[data-check="table.active.complete"]').count(), 0, '更正前表二完整');
    await correct('active:4', '', '核对原件：该栏未填写');
    await page.locator('li.finding.status-fail[data-check="table.active.complete"]', { hasText: '行政规范性文件·本年废止件数' }).waitFor();
    const record = page.locator('section', { hasText: '数值更正记录' });
    await record.getByText('表四 行政诉讼（未经复议直接起诉）·总计').waitFor();
    await record.getByText('表二 行政规范性文件·本年废止件数').waitFor();
    await screenshot(page, '5-detail-corrected-flat-tables');
  });

  test('浏览器上传：选择文件上传，任务完成（重复文件被跳过并说明原因）', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '导入' }).first().click();
    const file = path.join(casesDir, rowTotalCase![0]);
    await page.locator('input[type="file"]').setInputFiles(file);
    const job = page.locator('section.job', { hasText: path.basename(file) }).first();
    await job.getByText('已完成').waitFor({ timeout: 120_000 });
    const bar = job.getByRole('progressbar');
    assert.equal(await bar.getAttribute('aria-valuenow'), '1');
    // The same bytes were imported from the folder already: the backend skips them and the UI says why.
    await job.getByText('跳过的文件（1）').click();
    assert.ok(((await job.locator('.problem-list .reason').first().textContent()) ?? '').length > 0);
    await screenshot(page, '7-upload');
    await page.goBack();
  });

  test('审核意见单：在沙箱 iframe 中预览', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '审核意见单' }).click();
    const frame = page.locator('iframe.preview-frame');
    await frame.waitFor();
    assert.equal(await frame.getAttribute('sandbox'), '');
    const body = page.frameLocator('iframe.preview-frame').locator('body');
    await body.waitFor();
    assert.ok(((await body.textContent()) ?? '').includes(rowTotalCase![1].department));
    await screenshot(page, '6-sheet-preview');
    await page.keyboard.press('Escape');
    assert.deepEqual(app.pageErrors, []);
  });
});

function readAnswersSafe() {
  try {
    return readAnswers();
  } catch {
    return {};
  }
}

async function deductionOf(page: App['page'], check: string): Promise<number> {
  const text = await page.locator(`li.finding[data-check="${check}"] .deduction`).first().textContent({ timeout: 5000 }).catch(() => null);
  return text ? Number(text.replace('−', '')) : 0;
}


