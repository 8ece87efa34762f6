/**
 * Layouts met in real reports beyond the fixtures, built here from generated numbers:
 * a 2019-format table 二 with value cells merged across columns (web page), table 三 pasted as
 * space-aligned text with wrapped labels (copied out of a PDF), a typo in a row label, and
 * the 2019 single "(六)其他处理" row left blank.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHtml } from '../../src/core/ingest/html.ts';
import { documentFromText } from '../../src/core/ingest/text.ts';
import { parseDocument } from '../../src/core/parse/index.ts';
import { REQUEST_ROWS } from '../../src/core/parse/tables/templates.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A deterministic table 三 whose rows are not all alike, so a shifted row would be caught. */
function requestsTable(): number[][] {
  return REQUEST_ROWS.map((_, r) => {
    const row = [r + 3, r % 3, 0, (r * 7) % 5, 0, r % 2];
    return [...row, row.reduce((a, b) => a + b, 0)];
  });
}

const HEAD = ['一、总体情况', '2019年，本局认真贯彻《条例》，做好主动公开、依申请公开、政府信息管理、平台建设、监督保障工作。'];

test('2019 table 二 on a web page: merged value cells count once', async () => {
  const active = [13, 14, 524, 60, 61, 368, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 6, 25];
  const row3 = (label: string, a: number, b: number, c: number): string => `<tr><td>${label}</td><td>${a}</td><td colspan="2">${b}</td><td>${c}</td></tr>`;
  const row2 = (label: string, a: number, b: number): string => `<tr><td>${label}</td><td colspan="2">${a}</td><td colspan="2">${b}</td></tr>`;
  const html = `<html><head><meta charset="utf-8"><title>某市某局2019年政府信息公开工作年度报告</title></head><body><div>
    <p>某市某局2019年政府信息公开工作年度报告</p>${HEAD.map((p) => `<p>${p}</p>`).join('')}
    <p>二、主动公开政府信息情况</p><table>
    <tr><td colspan="5">第二十条第（一）项</td></tr>
    <tr><td>信息内容</td><td>本年新制作数量</td><td colspan="2">本年新公开数量</td><td>对外公开总数量</td></tr>
    ${row3('规章', active[0]!, active[1]!, active[2]!)}${row3('规范性文件', active[3]!, active[4]!, active[5]!)}
    <tr><td colspan="5">第二十条第（五）项</td></tr>
    <tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
    ${row3('行政许可', active[6]!, active[7]!, active[8]!)}${row3('其他对外管理服务事项', active[9]!, active[10]!, active[11]!)}
    <tr><td colspan="5">第二十条第（六）项</td></tr>
    ${row3('行政处罚', active[12]!, active[13]!, active[14]!)}${row3('行政强制', active[15]!, active[16]!, active[17]!)}
    <tr><td colspan="5">第二十条第（八）项</td></tr>
    ${row2('行政事业性收费', active[18]!, active[19]!)}
    <tr><td colspan="5">第二十条第（九）项</td></tr>
    <tr><td>信息内容</td><td colspan="2">采购项目数量</td><td colspan="2">采购总金额</td></tr>
    ${row2('政府集中采购', active[20]!, active[21]!)}
    </table><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
    <p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></div></body></html>`;
  const report = parseDocument(await ingestHtml(enc(html)), 'page.html');
  assert.equal(report.generation, '2019');
  assert.deepEqual(report.tables.active, active);
});

test('table 三 pasted as space-aligned text with wrapped labels', () => {
  const t = requestsTable();
  const line = (label: string, r: number): string => `${label}      ${t[r]!.join('    ')}`;
  const lines = [
    ...HEAD,
    '三、收到和处理政府信息公开申请情况',
    '                     申请人情况',
    '   自然人   商业企业   科研机构   社会公益组织   法律服务机构   其他   总计',
    line('一、本年新收政府信息公开申请数量', 0),
    line('二、上年结转政府信息公开申请数量', 1),
    line('三、本年 (一)予以公开', 2),
    '度办理结 (二)部分公开(区分处理的,只计这',
    line('', 3),
    '果    一情形,不计其他情形)',
    ...REQUEST_ROWS.slice(4, 24).map((row) => line(row.label, row.index)),
    line('四、结转下年度继续办理', 24),
    '四、政府信息公开行政复议、行政诉讼情况',
  ];
  const report = parseDocument(documentFromText(lines.join('\n')), 'copied.txt');
  assert.deepEqual(report.tables.requests, t);
});

test('a typo in a row label still finds its row by similarity and order', () => {
  const t = requestsTable();
  const rows = REQUEST_ROWS.map((row) => {
    const label = row.index === 5 ? '2.其他法律行政止公开' : row.label;
    return `${label} | ${t[row.index]!.join(' | ')} |`;
  });
  const text = [...HEAD, '三、收到和处理政府信息公开申请情况', ...rows, '四、政府信息公开行政复议、行政诉讼情况'].join('\n');
  const report = parseDocument(documentFromText(text), 'typo.txt');
  assert.deepEqual(report.tables.requests, t);
  assert.equal(report.requestsLabels.find((l) => l.label.includes('行政止'))?.canonical, 5);
});

test('2019 layout: a blank single "(六)其他处理" row stays blank, rows 20–21 are 0', () => {
  const t = requestsTable();
  const rows = REQUEST_ROWS.filter((r) => r.index !== 20 && r.index !== 21).map((row) =>
    row.index === 22 ? '(六)其他处理 |  |  |  |  |  |  |  |' : `${row.label} | ${t[row.index]!.join(' | ')} |`,
  );
  const active = '二、主动公开政府信息情况\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 1 | 1 | 5 |\n规范性文件 | 2 | 2 | 9 |\n政府集中采购 | 3 | 40 |';
  const text = [...HEAD, active, '三、收到和处理政府信息公开申请情况', ...rows].join('\n');
  const report = parseDocument(documentFromText(text), 'y2019.txt');
  assert.equal(report.generation, '2019');
  assert.deepEqual(report.tables.requests![20], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(report.tables.requests![21], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(report.tables.requests![22], [null, null, null, null, null, null, null]);
});

test('tables left blank (the template as downloaded) are present with blank cells, not missing', () => {
  const requests = REQUEST_ROWS.map((row) => `${row.label} |  |  |  |  |  |  |  |`);
  const text = [
    ...HEAD,
    '二、主动公开政府信息情况',
    '规章 |  |  |  |',
    '行政规范性文件 |  |  |  |',
    '行政许可 |  |',
    '三、收到和处理政府信息公开申请情况',
    ...requests,
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 | 行政诉讼 |',
    '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    '|  |  |  |  |  |  |  |  |  |  |  |  |  |  |  |',
    '五、存在的主要问题及改进情况',
  ].join('\n');
  const report = parseDocument(documentFromText(text), 'blank.txt');
  assert.deepEqual(report.tables.active, new Array(10).fill(null));
  assert.deepEqual(report.tables.requests, REQUEST_ROWS.map(() => new Array(7).fill(null)));
  assert.deepEqual(report.tables.review, new Array(15).fill(null));
});
