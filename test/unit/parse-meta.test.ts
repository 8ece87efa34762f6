/** Metadata from the forms real reports use: titles, signatures, dates in Arabic and Chinese numerals, periods. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDepartment } from '../../src/core/parse/department.ts';
import { findSigningDate, findStatedPeriod, findTitle, findYear } from '../../src/core/parse/meta.ts';
import { findDates } from '../../src/core/parse/dates.ts';

const para = (texts: string[]) => texts.map((text) => ({ text }));

function departmentFromTitle(title: string): string | null {
  const paragraphs = [title, '一、总体情况', '2023年，我局认真贯彻《条例》。'];
  const t = findTitle(para(paragraphs), undefined);
  return findDepartment({ title: t, paragraphs, signatureDateIndex: null, fileName: 'report.docx' }).name;
}

test('department from the title, whatever the word order', () => {
  const cases: [string, string | null][] = [
    ['北京市东城区人民政府2023年政府信息公开工作年度报告', '北京市东城区人民政府'],
    ['2023年度广州市天河区教育局政府信息公开工作年度报告', '广州市天河区教育局'],
    ['关于临江市财政局2023年政府信息公开工作年度报告', '临江市财政局'],
    ['临江市生态环境局政府信息公开工作2023年度报告', '临江市生态环境局'],
    ['临江市应急管理局关于2023年度政府信息公开工作的年度报告', '临江市应急管理局'],
    ['临江市人民政府办公室2023年政务公开工作年度报告', '临江市人民政府办公室'],
    ['临江市公安局交通警察支队2023年政府信息公开年报', '临江市公安局交通警察支队'],
    ['2023年政府信息公开工作年度报告', null],
  ];
  for (const [title, expected] of cases) assert.equal(departmentFromTitle(title), expected, title);
});

test('department from the signature above the date; the date is the signing date', () => {
  const paragraphs = ['一、总体情况', '2023年，我局认真贯彻《条例》，于2023年3月5日召开专题会议。', '六、其他需要报告的事项', '本年度未收取信息处理费。', '临江市水务局', '2024 年 1 月 18 日'];
  const signing = findSigningDate(para(paragraphs));
  assert.equal(signing?.date.iso, '2024-01-18');
  const d = findDepartment({ title: null, paragraphs, signatureDateIndex: signing!.index, fileName: 'x.pdf' });
  assert.deepEqual(d, { name: '临江市水务局', source: 'signature' });
  // A date inside a sentence is not a signature.
  assert.equal(findSigningDate(para(['会议于2023年3月5日召开，研究部署相关工作。'])), null);
});

test('phrases name the department when the title does not; abbreviations lose to full names', () => {
  const paragraphs = ['根据《条例》规定，现向社会公布临江市科技局2022年政府信息公开工作年度报告。', '一、总体情况', '市科技局认真贯彻……'];
  assert.equal(findDepartment({ title: null, paragraphs, signatureDateIndex: null, fileName: 'a.txt' }).name, '临江市科技局');
  assert.equal(findDepartment({ title: null, paragraphs: ['一、总体情况', '我局认真贯彻……'], signatureDateIndex: null, fileName: '临江市民政局2023年政府信息公开工作年度报告.pdf' }).name, '临江市民政局');
  assert.equal(findDepartment({ title: null, paragraphs: ['一、总体情况', '我局认真贯彻……'], signatureDateIndex: null, fileName: '000_822aae.txt' }).name, null);
});

test('dates in Chinese numerals and spaced digits', () => {
  assert.equal(findDates('二〇二四年一月二十日')[0]?.iso, '2024-01-20');
  assert.equal(findDates('2025 年 1 月 20 日')[0]?.iso, '2025-01-20');
  assert.equal(findDates('2024年2月30日').length, 0);
});

test('year: title first; document numbers and next year plans do not outvote it', () => {
  const paragraphs = para(['一、总体情况', '2022年，我局认真贯彻《条例》（益政务办发〔2023〕1号）。', '2023年，我局将进一步加强……', '2023年1月10日']);
  assert.equal(findYear({ title: null, paragraphs, period: null, signedOn: '2023-01-10' }), 2022);
  assert.equal(findYear({ title: '临江市财政局2021年政府信息公开工作年度报告', paragraphs, period: null, signedOn: null }), 2021);
});

test('statistics period stated in the preface', () => {
  const period = findStatedPeriod(para(['本报告中所列数据统计期限为2024年1月1日至2024年11月30日。']));
  assert.deepEqual([period?.from, period?.to], ['2024-01-01', '2024-11-30']);
  assert.equal(findStatedPeriod(para(['2024年1月1日至3月5日开展专项检查。'])), null);
});

test('years and dates in Chinese numerals: title, signature', async () => {
  const { documentFromText } = await import('../../src/core/ingest/text.ts');
  const { parseDocument } = await import('../../src/core/parse/index.ts');
  const text = ['临江市审计局二〇二三年政府信息公开工作年度报告', '一、总体情况', '二〇二三年，我局认真贯彻《条例》。', '六、其他需要报告的事项', '本年度未收取信息处理费。', '临江市审计局', '二〇二四年一月十五日'].join('\n');
  const report = parseDocument(documentFromText(text), 'a.txt');
  assert.equal(report.department, '临江市审计局');
  assert.equal(report.year, 2023);
  assert.equal(report.signedOn, '2024-01-15');
});
