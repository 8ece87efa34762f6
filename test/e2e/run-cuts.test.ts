/**
 * Web page text with table cells run together, through the real UI in Chromium: a value cut for sure is
 * marked ※ in the grid; a run with several cuts shows 待定 and its candidates; choosing one (with a reason)
 * saves it as corrections, the checks re-run and the uncertain finding is gone.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { screenshot, skipReason, startApp } from './harness.ts';
import type { App } from './harness.ts';

const reason = skipReason();
if (reason) console.log(`跳过：${reason}`);

// 规章 "000" has one cut (0|0|0); 行政规范性文件 "1023" has two (1|0|23 and 10|2|3).
const PAGE = [
  '当前位置：首页 > 政务公开 > 政府信息公开年报',
  '索引号：0001/2025-00001  发布机构：某县司法局  生成日期：2025-01-20',
  '某县司法局2024年政府信息公开工作年度报告 一、总体情况 本年度主动公开信息120条。二、主动公开政府信息情况 第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件1023第二十条第(五)项信息内容本年处理决定数量行政许可5第二十条第(六)项信息内容本年处理决定数量行政处罚7行政强制0第二十条第(八)项信息内容本年收费金额(单位:万元)行政事业性收费0 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 一是解读不够。六、其他需要报告的事项 本年度未收取信息处理费。某县司法局 2025年1月20日',
  '打印本页 关闭窗口',
].join('\n');

describe('连写数字的切分（浏览器模式）', { skip: reason ?? false, timeout: 300_000 }, () => {
  let app: App;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('唯一切分标※，多种切分待定；选定一种后成为更正，检查重跑', async () => {
    const { page, server, service } = app;
    const folder = path.join(app.tmp, 'web');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '某县司法局2024年报.txt'), PAGE);
    await page.goto(`${server.openUrl}#/import`);
    await page.getByLabel('或输入服务器上的文件夹路径').fill(folder);
    await page.getByRole('button', { name: '导入该文件夹' }).click();
    await page.locator('section.job').first().getByText('已完成').waitFor({ timeout: 120_000 });
    const [summary] = await service.listReports({ latestOnly: true });
    assert.ok(summary, '报告已导入');
    await page.goto(`${server.openUrl}#/report/${summary.reportId}`);
    await page.locator('h1.dept-name', { hasText: '某县司法局' }).waitFor();
    await page.locator('li.finding.status-uncertain[data-check="table.active.complete"]').waitFor();
    await page.getByRole('tab', { name: /表格|统计表/ }).click();

    await page.locator('td[data-cell="active:0"].recovered').waitFor();
    assert.equal(await page.locator('td[data-cell="active:3"].pending').textContent(), '待定');
    const picker = page.getByRole('region', { name: '连写数字待确认' });
    await picker.getByText('1023').waitFor();
    await screenshot(page, 'run-cuts-pending');
    await picker.getByRole('button', { name: '选定切分 10|2|3' }).click();
    const dialog = page.getByRole('dialog', { name: '选定连写数字的切分' });
    await dialog.getByLabel('理由（必填）').fill('核对原网页表格：制发10件、废止2件、现行有效3件');
    await dialog.getByLabel('审核人').fill('李审核');
    await dialog.getByRole('button', { name: '保存为更正' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });

    await page.locator('td[data-cell="active:3"].corrected').waitFor();
    assert.equal((await page.locator('td[data-cell="active:3"]').textContent())?.trim(), '10');
    assert.equal((await page.locator('td[data-cell="active:5"]').textContent())?.trim(), '3');
    assert.equal(await picker.count(), 0, '已无待确认的连写数字');
    // Passed checks are not listed: the uncertain finding is simply gone.
    assert.equal(await page.locator('li.finding.status-uncertain[data-check="table.active.complete"]').count(), 0);
    await screenshot(page, 'run-cuts-chosen');
    assert.deepEqual(app.pageErrors, []);
  });
});
