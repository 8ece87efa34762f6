/**
 * Web-page reader: a report published inside a portal page (navigation, banner, breadcrumbs,
 * share bar, related links, footer, scripts) reads as the article alone, with the same table grids
 * as the Word original; GBK pages, .mht archives and messy hand-written markup read correctly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { ingestHtml } from '../../src/core/ingest/html.ts';
import { ingestDocx } from '../../src/core/ingest/docx.ts';
import { ingest } from '../../src/core/ingest/index.ts';
import type { Document, TableBlock } from '../../src/core/document.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const hasShared = existsSync(path.join(shared, 'fixtures'));
const skipShared = hasShared ? false : `../shared not found at ${shared}`;
if (!hasShared) console.log(`# skipping fixture tests: ../shared not found at ${shared}`);

const SCRIPT_MARK = '脚本里的文字不应出现';
const FURNITURE = ['首页', '办事服务', '长者模式', '主办单位', '备案号', '分享到', '相关文章', '当前位置', '无障碍'];

/** A portal page around the article `body` (HTML) with the title in a sibling block. */
function portalPage(title: string, body: string, charset: string): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${title}_临江市人民政府门户网站</title>
<script type="text/javascript">var t = "${SCRIPT_MARK}"; if (a < b) { document.write("<table><tr><td>${SCRIPT_MARK}</td></tr></table>"); }</script>
<style>.content p { text-indent: 2em } /* ${SCRIPT_MARK} */</style></head>
<body onload="init()">
<div class="header"><img src="logo.png" alt="${SCRIPT_MARK}"><div class="topbar">无障碍 | 长者模式 | 登录</div></div>
<ul class="nav"><li><a href="/">首页</a><li><a href="/gk">政务公开</a><li><a href="/hd">政民互动</a><li><a href="/fw">办事服务</a></ul>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/gk">政府信息公开年报</a></div>
  <div class="article">
    <div class="title">${title}</div>
    <div class="info">发布时间：2025-01-20　来源：本局　【字体：大 中 小】</div>
    <div class="content" id="zoom">${body}</div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
  </div>
  <div class="related"><h3>相关文章</h3><ul><li><a href="/1">关于印发工作要点的通知</a></li><li><a href="/2">上年度政府信息公开工作年度报告</a></li></ul></div>
</div>
<noscript>${SCRIPT_MARK}</noscript>
<iframe src="x.html">${SCRIPT_MARK}</iframe>
<div class="footer">主办单位：临江市人民政府办公室　承办单位：临江市大数据中心<br>网站标识码：0000000000　备案号：某ICP备00000000号<br>地址：人民路1号</div>
<!-- ${SCRIPT_MARK} -->
</body></html>`;
}

async function docxAsPortal(fixture: string, charset: string): Promise<{ page: string; docx: Document }> {
  const bytes = readFileSync(fixture);
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  const docx = await ingestDocx(new Uint8Array(bytes));
  const titleEnd = value.indexOf('</h1>');
  const title = titleEnd >= 0 ? value.slice(value.indexOf('<h1>') + 4, titleEnd) : '';
  const body = titleEnd >= 0 ? value.slice(titleEnd + 5) : value;
  return { page: portalPage(title, body, charset), docx };
}

function allText(doc: Document): string {
  return doc.blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.rows.map((row) => row.cells.map((cell) => cell.text).join('|')).join('\n'))).join('\n');
}

function grids(doc: Document): string[][][] {
  return doc.blocks.filter((block): block is TableBlock => block.kind === 'table').map((table) => table.rows.map((row) => row.cells.map((cell) => cell.text)));
}

function assertArticleOnly(doc: Document, docx: Document): void {
  const text = allText(doc);
  assert.ok(!text.includes(SCRIPT_MARK), 'script, style, comment, noscript or iframe text leaked');
  for (const word of FURNITURE) assert.ok(!text.includes(word), `page furniture "${word}" leaked`);
  const firstDocx = docx.blocks[0];
  const first = doc.blocks[0];
  assert.ok(firstDocx?.kind === 'paragraph' && first?.kind === 'paragraph');
  assert.equal(first.text, firstDocx.text, 'the title above the article is kept');
  assert.deepEqual(grids(doc), grids(docx), 'tables read the same as from the Word original');
  const paragraphs = (d: Document): string[] => d.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  assert.deepEqual(paragraphs(doc), paragraphs(docx), 'paragraphs read the same as from the Word original');
}

test('portal page (UTF-8): only the article, tables identical to the .docx original', { skip: skipShared }, async () => {
  const { page, docx } = await docxAsPortal(path.join(shared, 'fixtures/cases/p04-blank-cells.docx'), 'utf-8');
  const doc = await ingest('report.html', new TextEncoder().encode(page));
  assert.equal(doc.format, 'html');
  assert.ok(doc.metaTitle?.includes('年度报告'));
  assertArticleOnly(doc, docx);
  const requests = grids(doc).find((grid) => grid.length >= 25);
  assert.ok(requests, 'table 三 found');
  assert.equal(requests.filter((row) => row.includes('三、本年度办理结果')).length, 22);
});

test('portal page saved as GBK with <meta charset=gb2312> reads the same', { skip: skipShared }, async () => {
  const { page, docx } = await docxAsPortal(path.join(shared, 'fixtures/cases/p01-clean.docx'), 'gb2312');
  const bytes = new Uint8Array(iconv.encode(page, 'gbk'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture really is not UTF-8');
  const doc = await ingestHtml(bytes);
  assertArticleOnly(doc, docx);
  // The same page with its charset declaration removed still decodes (strict UTF-8 fails → GB18030).
  const undeclared = new Uint8Array(iconv.encode(page.replace(/<meta[^>]*>/, ''), 'gbk'));
  assertArticleOnly(await ingestHtml(undeclared), docx);
});

test('.mht archive (quoted-printable) yields the article', { skip: skipShared }, async () => {
  const { page, docx } = await docxAsPortal(path.join(shared, 'fixtures/cases/p01-clean.docx'), 'utf-8');
  const qp = Array.from(new TextEncoder().encode(page), (byte) => (byte >= 0x80 || byte === 0x3d ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte))).join('')
    .replace(/(.{70})/g, '$1=\r\n');
  const mht = [
    'From: <Saved by Blink>',
    'Subject: report',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"',
    '',
    '------MultipartBoundary--abc',
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://example.invalid/report.html',
    '',
    qp,
    '------MultipartBoundary--abc',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgo=',
    '------MultipartBoundary--abc--',
    '',
  ].join('\r\n');
  const doc = await ingest('report.mht', new TextEncoder().encode(mht));
  assert.equal(doc.format, 'html');
  assertArticleOnly(doc, docx);
});

test('messy markup: implied end tags, entities, <br> and blocks in cells, spans expanded, nothing executed', async () => {
  const page = `<HTML><BODY>
<H2 class=title>某某局2024年政府信息公开工作年度报告</H2>
<P>一、总体情况<BR>（一）主动公开情况。本年度主动公开信息&nbsp;120&nbsp;条&amp;其他&#x3002;
<P>正文第二段&#12290;<span style="display: none">${SCRIPT_MARK}</span><script>document.write('<p>${SCRIPT_MARK}</p>')</script><span onclick="alert(1)">可点</span>
<TABLE border=1>
<TR><TD colspan=2 rowspan=2>表头&nbsp;</TD><TD colspan="2">申请人情况
<TR><TD>自然人<TD>总计
<TR><TD rowspan=3>三、本年度<br>办理结果<TD>(一)予以公开<TD>5<TD>&nbsp;
<TR><TD><p>(二)部分公开</p><p>（区分处理的）</p><TD>0<TD>  
<TR><TD>(七)总计<TD>5<TD>5
<tr><td>四、结转</td><td>0</td></tr>
</TABLE>
<!-- <table><tr><td>${SCRIPT_MARK}</td></tr></table> -->
<style>td { color: red }</style>
<p>2025年1月20日</p>
</BODY></HTML>`;
  const doc = await ingestHtml(new TextEncoder().encode(page));
  const text = allText(doc);
  assert.ok(!text.includes(SCRIPT_MARK));
  const paragraphs = doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  assert.deepEqual(paragraphs, [
    '某某局2024年政府信息公开工作年度报告',
    '一、总体情况',
    '（一）主动公开情况。本年度主动公开信息 120 条&其他。',
    '正文第二段。可点',
    '2025年1月20日',
  ]);
  const [grid] = grids(doc);
  assert.deepEqual(grid, [
    ['表头', '表头', '申请人情况', '申请人情况'],
    ['表头', '表头', '自然人', '总计'],
    ['三、本年度 办理结果', '(一)予以公开', '5', ''],
    ['三、本年度 办理结果', '(二)部分公开 （区分处理的）', '0', ''],
    ['三、本年度 办理结果', '(七)总计', '5', '5'],
    ['四、结转', '0', '', ''],
  ]);
  const table = doc.blocks.find((block): block is TableBlock => block.kind === 'table');
  assert.ok(table);
  assert.equal(table.rows[3]?.cells[0]?.spanned, true);
  assert.equal(table.rows[2]?.cells[0]?.spanned, undefined);
  assert.equal(table.rows[3]?.cells[0]?.pos.offset, table.rows[2]?.cells[0]?.pos.offset, 'copies point at the original cell');
  let last = -1;
  for (const block of doc.blocks) {
    assert.ok((block.pos.offset ?? -1) > last, 'offsets increase in reading order');
    last = block.pos.offset ?? -1;
  }
});

test('a layout table around the article is read as content, the data table inside stays a table', async () => {
  const page = `<html><body><table width=100%><tr><td class="left"><a href=/>首页</a><br><a href=/b>机构</a><br><a href=/c>信息公开指南</a></td>
<td><h1>某某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本局认真贯彻落实条例，全面推进政务公开，主动公开政府信息共计三百条。</p>
<table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>结果维持</td><td>结果纠正</td></tr><tr><td>0</td><td>1</td></tr></table>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></td></tr></table></body></html>`;
  const doc = await ingestHtml(new TextEncoder().encode(page));
  const text = allText(doc);
  assert.ok(!text.includes('信息公开指南'), 'the link column is dropped');
  assert.equal(doc.blocks[0]?.kind === 'paragraph' ? doc.blocks[0].text : '', '某某局2023年政府信息公开工作年度报告');
  assert.deepEqual(grids(doc), [[['行政复议', '行政诉讼'], ['结果维持', '结果纠正'], ['0', '1']]]);
  assert.ok(text.includes('本年度未收取信息处理费。'));
});

test('3,000 tables nested in each other inside a report page: the report still reads, no stack overflow', { skip: skipShared }, async () => {
  const { parseDocument } = await import('../../src/core/parse/index.ts');
  const answers = JSON.parse(readFileSync(path.join(shared, 'fixtures/cases/answers.json'), 'utf8')) as Record<string, { department: string; tables: { requests: unknown } }>;
  const expected = answers['p01-clean.docx']!;
  const { page } = await docxAsPortal(path.join(shared, 'fixtures/cases/p01-clean.docx'), 'utf-8');
  let nested = '最里层';
  for (let i = 0; i < 3000; i++) nested = `<table><tr><td>${nested}</td></tr></table>`;
  const hostile = page.replace('<div class="share">', `${nested}<div class="share">`);
  const report = parseDocument(await ingest('report.html', new TextEncoder().encode(hostile)), 'report.html');
  assert.equal(report.department, expected.department);
  assert.deepEqual(report.tables.requests, expected.tables.requests);
});
