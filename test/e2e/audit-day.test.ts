/**
 * A reviewer's whole audit day in the browser (Chromium against the real web server and a temporary
 * database): import a folder with bad files → the overview worst-first → name the office, assign the report
 * whose department was not recognised, import the roster (未报送) → confirm, dismiss and correct (表二, 表三,
 * 表四) → change a weight → batch-export every sheet, notice, the summary and Excel as one download → read the
 * PDFs back (page count, rank, office name) and the workbook. Counts the clicks the day took.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { screenshot, sharedDir, shownScore, skipReason, startApp } from './harness.ts';
import type { App } from './harness.ts';

const bench = path.join(sharedDir, 'fixtures', 'bench');
const clean = path.join(sharedDir, 'fixtures', 'cases', 'p01-clean.txt');
const template = path.join(sharedDir, 'corpus', 'govnianbao', '政务公开年报模版.docx');
const reason = skipReason() ?? (fs.existsSync(bench) ? null : `没有找到 ${bench}`);
if (reason) console.log(`跳过：${reason}`);

const OFFICE = '北湖县人民政府办公室';
const ASSIGNED = '北湖县档案馆';
const NOT_SUBMITTED = '北湖县未报送测试局';
const BENCH_FILES = ['b11-0000-docx.docx', 'b11-0001-pdf.pdf', 'b11-0002-txt.txt', 'b11-0005-txt.txt', 'b11-0011-txt.txt'];

/** A tab of the header navigation (the overview's column headers carry the same words). */
function tab(page: App['page'], name: string) {
  return page.getByRole('navigation', { name: '主要页面' }).getByRole('button', { name, exact: true });
}

describe('审核一天（浏览器模式）', { skip: reason ?? false, timeout: 900_000 }, () => {
  let app: App;
  let inbox = '';
  let clicks = 0;
  const departments: string[] = [];

  before(async () => {
    app = await startApp();
    // Count every click the reviewer makes (a real user's clicks, including those into fields).
    await app.page.exposeFunction('ogiCountClick', () => {
      clicks += 1;
    });
    await app.page.addInitScript(() => {
      document.addEventListener('click', (e) => {
        if (e.isTrusted) (window as unknown as { ogiCountClick: () => void }).ogiCountClick();
      }, true);
    });
    inbox = path.join(app.tmp, '收件箱');
    fs.mkdirSync(inbox);
    for (const f of BENCH_FILES) fs.copyFileSync(path.join(bench, f), path.join(inbox, f));
    // A report whose tables were lost: 一票否决.
    const noTables = fs.readFileSync(path.join(bench, 'b11-0008-txt.txt'), 'utf8').split('\n').filter((l) => !l.includes('|')).join('\n');
    fs.writeFileSync(path.join(inbox, 'b11-0008-txt.txt'), noTables);
    // A report that does not say who wrote it.
    fs.writeFileSync(path.join(inbox, 'scan-0001.txt'), fs.readFileSync(clean, 'utf8').replaceAll('临江市经济和信息化局', ''));
    // Bad files: empty, garbage posing as a PDF, the blank Word template.
    fs.writeFileSync(path.join(inbox, '空文件.docx'), '');
    fs.writeFileSync(path.join(inbox, '损坏.pdf'), Buffer.from('%PDF-1.7\nnot really a pdf\n'));
    if (fs.existsSync(template)) fs.copyFileSync(template, path.join(inbox, '年报模板.docx'));
  });
  after(async () => {
    await app?.close();
  });

  test('导入含坏文件的文件夹：好的报告入库，坏文件各有原因', async () => {
    const { page, server } = app;
    await page.goto(`${server.openUrl}#/import`);
    await page.getByLabel('或输入服务器上的文件夹路径').fill(inbox);
    await page.getByRole('button', { name: '导入该文件夹' }).click();
    await page.locator('section.job').first().waitFor();
    // The import runs on the server: a reloaded page shows its card again.
    await page.reload();
    const job = page.locator('section.job', { hasText: inbox }).first();
    await job.getByText('已完成').waitFor({ timeout: 300_000 });
    const text = (await job.textContent()) ?? '';
    assert.match(text, /空文件/);
    assert.match(text, /损坏/);
    if (fs.existsSync(template)) assert.match(text, /空白模板/);
  });

  test('总览：最差的在前，名次一栏，未评分的在最前', async () => {
    const { page } = app;
    await tab(page, '总览').click();
    const rows = page.locator('tr.clickable');
    await rows.first().waitFor();
    const count = await rows.count();
    assert.equal(count, BENCH_FILES.length + 1);
    const firstRank = (await rows.first().locator('td.rank').textContent()) ?? '';
    // The report without a department counts in the ranking too (as on the printed sheets): 7/7.
    assert.equal(firstRank, `${count + 1}/${count + 1}`, '最差的（一票否决）排在最前');
    await rows.first().getByText(/否决/).waitFor();
    for (let i = 0; i < count; i++) departments.push(((await rows.nth(i).locator('td.dept').textContent()) ?? '').trim());
    await page.getByText(/未识别单位或年度的报告（\d+）/).waitFor();
    await page.getByRole('button', { name: /scan-0001\.txt/ }).waitFor();
    await screenshot(page, 'day-1-overview');

    // 常见问题: the checks failing in most departments; picking one shows only those departments, and the
    // choice is kept while a department is open.
    const panel = page.getByRole('region', { name: '常见问题' });
    const top = panel.locator('button.problem').first();
    await top.waitFor();
    const [, units] = /(?<!\d)(\d+) 个单位 · (\d+) 处/.exec((await top.textContent()) ?? '') ?? [];
    assert.ok(units, '常见问题列出单位数和问题数');
    await top.click();
    await page.getByText(/只看「.+」未通过的单位/).waitFor();
    // The departments in the table, and the report whose department is not yet known listed below it.
    const unrecognised = page.locator('section.card', { hasText: '未识别单位或年度的报告' }).locator('li');
    const shownUnits = async () => (await rows.count()) + (await unrecognised.count());
    assert.equal(await shownUnits(), Number(units));
    await screenshot(page, 'day-1b-common-problems');
    await rows.first().click();
    await page.locator('h1.dept-name').waitFor();
    await tab(page, '总览').click();
    await page.getByText(/只看「.+」未通过的单位/).waitFor();
    assert.equal(await shownUnits(), Number(units));
    await panel.getByRole('button', { name: '显示全部单位' }).click();
    await rows.nth(count - 1).waitFor();
    assert.equal(await rows.count(), count);
  });

  test('单位：机关名称、归入未识别的报告、导入名单（未报送）', async () => {
    const { page } = app;
    await tab(page, '单位').click();
    await page.getByLabel('本机关名称').fill(OFFICE);
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.getByText(`打印的文书将以“${OFFICE}”署名`).waitFor();
    await page.getByLabel('scan-0001.txt 归入单位').fill(ASSIGNED);
    await page.getByLabel('scan-0001.txt 年度').fill('2024');
    await page.locator('.assign-list li', { hasText: 'scan-0001.txt' }).getByRole('button', { name: '归入', exact: true }).click();
    await page.getByText(`已将 scan-0001.txt 归入 ${ASSIGNED}`).waitFor();
    await page.getByLabel('名单年度').fill('2024');
    await page.getByLabel('粘贴名单').fill([...departments, ASSIGNED, NOT_SUBMITTED].join('\n'));
    await page.getByRole('button', { name: '导入粘贴的名单' }).click();
    await page.getByText(/2024 年度名单 \d+ 个单位/).waitFor();
    await screenshot(page, 'day-2-departments');
    await tab(page, '总览').click();
    await page.locator('tr.missing', { hasText: NOT_SUBMITTED }).locator('.tag', { hasText: '未报送' }).waitFor();
    await page.locator('tr.clickable', { hasText: ASSIGNED }).waitFor();
  });

  test('审核：确认、驳回，并更正表二、表三、表四的单元格', async () => {
    const { page } = app;
    await page.getByLabel('审核人').first().fill('张审核');
    await page.locator('tr.clickable', { hasText: ASSIGNED }).click();
    await page.getByTestId('score').waitFor();
    // Confirm or dismiss what the checks found.
    const failing = page.locator('li.finding.status-fail').first();
    if ((await failing.count()) > 0) {
      await failing.getByRole('button', { name: '驳回', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '驳回该问题' });
      await dialog.getByLabel('理由（必填）').fill('经核对原件，不属于问题');
      await dialog.getByLabel('审核人').fill('张审核');
      await dialog.getByRole('button', { name: '驳回', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByRole('tab', { name: '统计表' }).click();
    const correct = async (cell: string, value: string, why: string): Promise<void> => {
      await page.locator(`td[data-cell="${cell}"] button`).click();
      const dialog = page.getByRole('dialog', { name: '更正读取的数值' });
      await dialog.getByLabel('正确的值（留空表示未填写）').fill(value);
      await dialog.getByLabel('理由（必填）').fill(why);
      await dialog.getByRole('button', { name: '保存更正' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator(`td[data-cell="${cell}"].corrected`).waitFor();
    };
    const before = await shownScore(page);
    await correct('active:3', '5', '核对原件：行政规范性文件本年制发件数');
    await correct('requests:0:0', String(Number(await page.locator('td[data-cell="requests:0:0"]').textContent()) + 1), '核对原件：自然人新收申请数');
    await correct('review:0', '1', '核对原件：行政复议结果维持');
    // The changed 表三 and 表四 no longer add up: the checks ran again and the score fell.
    await page.locator('li.finding.status-fail[data-check="requests.row-total"]').first().waitFor();
    await page.locator('li.finding.status-fail[data-check="review.totals"]').first().waitFor();
    const after = await shownScore(page);
    assert.ok(after !== null && before !== null && after < before, `更正后得分应下降：${before} → ${after}`);
    // Confirm one of the findings the corrections caused.
    const toConfirm = page.locator('li.finding.status-fail[data-check="review.totals"]').first();
    const confirm = toConfirm.getByRole('button', { name: '确认', exact: true });
    if ((await confirm.count()) > 0) {
      await confirm.click();
      const dialog = page.getByRole('dialog', { name: '确认该问题' });
      await dialog.getByLabel('理由（必填）').fill('表四合计与分项不符，确认');
      await dialog.getByRole('button', { name: '确认', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await screenshot(page, 'day-3-detail');
  });

  test('评分规则：在表格中改权重（错误指明哪一行），保存即重新评分', async () => {
    const { page } = app;
    await tab(page, '评分规则').click();
    const row = (title: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title, exact: true }) });
    const rowTotals = row('表三各行总计');
    await rowTotals.waitFor();
    // The table speaks Chinese only: no field names, no JSON.
    const screenText = (await page.locator('.rubric-screen').textContent()) ?? '';
    assert.doesNotMatch(screenText, /\b(weight|deduction|perUnit|veto|dimensions)\b|[{}]/);
    // A cap below the deduction per finding is refused, naming the row.
    await rowTotals.getByLabel(/扣分上限$/).fill('1');
    await page.getByRole('button', { name: '保存并重新评分' }).click();
    await page.getByRole('alert').getByText(/^第 \d+ 行「表三各行总计」：扣分上限不能小于单项扣分（2 分）$/).waitFor();
    await rowTotals.getByLabel(/扣分上限$/).fill('');
    // 3.2 points moved from 表四总计 (4.8) to 表三各行总计 (4.8): the sum stays 100.
    await rowTotals.getByLabel(/权重$/).fill('8');
    await row('表四总计').getByLabel(/权重$/).fill('1.6');
    await page.getByRole('button', { name: '保存并重新评分' }).click();
    const saved = page.getByText(/已保存为第 (\d+) 版评分规则，并已按新规则重新评分 \d+ 份报告/);
    await saved.waitFor({ timeout: 120_000 });
    const version = /第 (\d+) 版/.exec((await saved.textContent()) ?? '')![1];
    await page.locator('.rubric-screen .toolbar').getByText(`当前：第 ${version} 版`).waitFor();
    assert.equal(await rowTotals.getByLabel(/权重$/).inputValue(), '8');
    await screenshot(page, 'day-3b-rubric');
  });

  test('批量导出：全部审核意见单、整改通知书、汇总表、Excel，一次下载；读回 PDF 和工作簿', async () => {
    const { page } = app;
    await tab(page, '总览').click();
    await page.getByRole('button', { name: '批量导出…' }).click();
    const dialog = page.getByRole('dialog', { name: /批量导出/ });
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await dialog.getByText(/正在生成|已完成/).first().waitFor();
    const file = await download;
    assert.match(file.suggestedFilename(), /2024年度年报审核材料\.zip/);
    const zipPath = path.join(app.tmp, 'export.zip');
    await file.saveAs(zipPath);
    await dialog.getByText(/已完成：审核意见单 \d+ 份/).waitFor();
    await screenshot(page, 'day-4-export');
    await page.keyboard.press('Escape');

    const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
    const out = path.join(app.tmp, 'export');
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      fs.mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
      fs.writeFileSync(path.join(out, name), await entry.async('nodebuffer'));
    }
    const scored = departments.length + 1; // + the assigned report
    const sheets = fs.readdirSync(path.join(out, '审核意见单'));
    assert.equal(sheets.length, scored);
    const pages = (f: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1]);
    const text = (f: string): string => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
    const all = path.join(out, '全部审核意见单.pdf');
    assert.equal(pages(all), sheets.reduce((n, f) => n + pages(path.join(out, '审核意见单', f)), 0));
    assert.equal((text(all).match(/第\s*1\s*页\s*共/g) ?? []).length, scored, '每个单位的页码从 1 开始');
    for (const f of sheets) {
      const t = text(path.join(out, '审核意见单', f));
      assert.match(t, new RegExp(`第\\s*\\d+\\s*名\\s*/\\s*共\\s*${scored}\\s*家`), `${f}：名次已填写`);
      assert.match(t, new RegExp(OFFICE), `${f}：机关名称`);
    }
    assert.ok(fs.existsSync(path.join(out, '全部整改通知书.pdf')));
    const summary = text(path.join(out, '汇总排名表.pdf'));
    assert.match(summary, new RegExp(OFFICE));
    assert.match(summary.replace(/\s+/g, ''), new RegExp(NOT_SUBMITTED));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, '汇总表.xlsx'));
    const values = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    for (const d of [...departments, ASSIGNED]) assert.ok(values.includes(d), `${d} 在汇总表中`);
    assert.ok(workbook.worksheets.length >= 2, '汇总和问题清单');
    console.log(`整个审核日共点击 ${clicks} 次（含输入框）`);
    assert.deepEqual(app.pageErrors, []);
  });
});
