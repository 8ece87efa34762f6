/**
 * Who reports, in text taken off web pages: the body the title names, completed to its full name from the
 * text; the compiler (本报告由××办公室编制) and the page's 发布机构 are not the body; townships; a letter that
 * only mentions the annual report is not one, a one-line report with its title and parts is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReport } from '../../src/core/audit.ts';

/** Enough narrative that the text is not taken for an unfilled template (which has no figures and < 200 characters). */
const NARRATIVE = '严格落实政府信息公开审核制度，及时发布各类政策文件和工作动态，认真做好政策解读和回应关切工作，持续完善政府信息公开专栏，规范依申请公开办理流程，按时答复申请人，切实保障人民群众的知情权、参与权、表达权和监督权。加强政府信息公开工作人员业务培训，提高工作人员的业务能力和服务水平，将政务公开工作纳入年度绩效考核，定期开展监督检查，发现问题及时整改到位。';

const read = async (text: string) => readReport('page.txt', new TextEncoder().encode(text));

const PARTS_2021 = '一、总体情况 2023年，我区认真贯彻落实《条例》，主动公开信息1200条。二、主动公开政府信息情况 第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件3 1 40 三、收到和处理政府信息公开申请情况 本年新收政府信息公开申请数量 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 一是解读形式单一。六、其他需要报告的事项 本年度未收取信息处理费。';

test('the title names the body; the text completes it; the compiler and the publisher are not it', async () => {
  const text = [
    '当前位置：首页 > 政务公开 > 政府信息公开年报',
    '索引号：014089/2024-00012  发布机构：淮安市洪泽区人民政府办公室  发布时间：2024-01-22',
    '标题：洪泽区人民政府2023年政府信息公开工作年度报告',
    `洪泽区人民政府2023年政府信息公开工作年度报告 本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。${PARTS_2021}淮安市洪泽区人民政府 2024年1月20日`,
    '打印本页 关闭窗口',
  ].join('\n');
  const { report, error } = await read(text);
  assert.equal(error, null);
  assert.equal(report!.department, '淮安市洪泽区人民政府');
  assert.equal(report!.isGovernment, true);
  assert.equal(report!.year, 2023);
  assert.equal(report!.signedOn, '2024-01-20');
  assert.equal(report!.title, '洪泽区人民政府2023年政府信息公开工作年度报告');
  assert.deepEqual(report!.sections.filter((s) => s.found).map((s) => s.part), [1, 2, 3, 4, 5, 6]);
  // The chrome is gone from the report's text.
  assert.ok(!report!.paragraphs.some((p) => /当前位置|发布机构|打印本页/.test(p.original)));
});

test('a township names itself in the title and as 发布单位; the page date stands in for a missing signature date', async () => {
  const text = [
    '发布单位：谢塘镇  发布时间：2014-03-10',
    `2013年度谢塘镇政府信息公开工作年度报告 一、概述 2013年，我镇认真贯彻《条例》。${NARRATIVE}二、主动公开政府信息情况 本年主动公开信息30条。三、依申请公开政府信息情况 本年未收到申请。四、政府信息公开的收费及减免情况 未收费。五、因政府信息公开申请行政复议、提起行政诉讼的情况 无。六、政府信息公开工作存在的主要问题及改进情况 公开内容不够全面。`,
  ].join('\n');
  const { report, error } = await read(text);
  assert.equal(error, null);
  assert.equal(report!.department, '谢塘镇');
  assert.equal(report!.year, 2013);
  assert.equal(report!.generation, 'legacy');
  assert.equal(report!.signedOn, '2014-03-10');
  assert.ok(report!.legacyItems!.filter((i) => i.found).length >= 5, JSON.stringify(report!.legacyItems));
});

test('a letter in the same web column that only mentions the annual report is not a report', async () => {
  const letter = '关于报送2023年政府信息公开工作年度报告的函 各镇（街道）、区各部门：根据《中华人民共和国政府信息公开条例》，请于2024年1月31日前报送本单位2023年政府信息公开工作年度报告。一、总体要求 按时报送。二、主动公开政府信息情况 如实填报。淮安市洪泽区人民政府办公室 2024年1月5日';
  const { report, errorCode } = await read(letter);
  assert.equal(report, null);
  assert.equal(errorCode, 'not-a-report');
});

test('a one-line report with its title and two parts is a report, never "not a report"', async () => {
  const { report, error } = await read(`某市统计局2024年政府信息公开工作年度报告 一、总体情况 本年度主动公开信息80条。${NARRATIVE}五、存在的主要问题及改进情况 一是解读不够。${NARRATIVE}`);
  assert.equal(error, null);
  assert.equal(report!.department, '某市统计局');
});

test('the printed audit sheet marks values cut out of runs (※) and cells waiting for the reviewer (待定)', async () => {
  const { renderSheetHtml } = await import('../../src/core/sheet/index.ts');
  const { runChecks, EMPTY_CONTEXT } = await import('../../src/core/checks/index.ts');
  const { applyCorrections } = await import('../../src/core/review.ts');
  const text = `某县司法局2024年政府信息公开工作年度报告 ${PARTS_2021.replace('行政规范性文件3 1 40', '行政规范性文件1023')}某县司法局 2025年1月20日`;
  const { report } = await read(text);
  assert.deepEqual(report!.runCuts!.map((c) => c.status), ['recovered', 'ambiguous']);
  const sheet = (r: typeof report) =>
    renderSheetHtml({ result: { file: 'page.txt', sha256: '', format: 'txt', size: 0, error: null, report: r, findings: runChecks(r!, EMPTY_CONTEXT), score: null }, auditedAt: '2025-02-10T09:00:00Z', engineVersion: '0' }).html;
  const html = sheet(report);
  assert.equal((html.match(/class="cell value[^"]* recovered"/g) ?? []).length, 3, '规章 000: three cells marked');
  assert.equal((html.match(/class="cell blank[^"]* pending">待定/g) ?? []).length, 3);
  assert.match(html, /按表格勾稽关系唯一切分得出/);
  // Once the reviewer has set the three cells, the run is settled: no 待定, no uncertain finding.
  const corrected = applyCorrections(report!, [3, 4, 5].map((index, k) => ({ cell: { table: 'active' as const, index }, value: [10, 2, 3][k]! })));
  assert.equal(corrected.runCuts![1]!.status, 'corrected');
  assert.doesNotMatch(sheet(corrected), /待定/);
  // (The table's other rows are missing in this text: blanks, but no longer an open run.)
  assert.ok(!runChecks(corrected, EMPTY_CONTEXT).some((f) => f.check === 'table.active.complete' && f.status === 'uncertain'));
});
