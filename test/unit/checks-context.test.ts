import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, defaultRequests, withCell } from './helpers/report-builder.ts';
import { check } from './helpers/run-check.ts';
import type { RelatedReport } from '../../src/core/checks/types.ts';
import type { Report } from '../../src/shared/model.ts';
import { compareFingerprints, narrativeFingerprint } from '../../src/core/checks/index.ts';

const related = (report: Report): RelatedReport => ({ file: report.file, department: report.department, year: report.year, report });

const OWN_TEXT = {
  1: [
    '(一)主动公开情况。围绕工业经济运行、企业技术改造和中小企业服务,全年发布惠企政策汇编三册,开设专精特新企业培育专栏。',
    '(二)依申请公开情况。共收到政府信息公开申请5件,均在法定期限内答复,申请内容集中在技改补助资金分配。',
    '(三)政府信息管理情况。建立公文公开属性源头认定机制,对拟公开文件逐件进行保密审查。',
    '(四)平台建设情况。完成门户网站集约化迁移,新增企业诉求直通车栏目。',
    '(五)监督保障情况。把政务公开纳入科室绩效考核,组织专题培训两次。',
  ],
  5: ['(一)存在的主要问题。政策解读以文字为主,图解和视频较少。', '(二)改进措施。下一步,我局将联合行业协会制作图解和短视频,提高解读的可读性。'],
};

test('deadline: on time, late ≤15 days, later, undated, office date preferred', () => {
  assert.equal(check('deadline', buildReport()).verdict, 'pass');
  const late = check('deadline', buildReport({ signedOn: '2025-02-10' }));
  assert.deepEqual([late.verdict, late.findings[0]!.measure, late.findings[0]!.kind], ['fail', 10, 'late-15']);
  const later = check('deadline', buildReport({ signedOn: '2025-03-05' }));
  assert.deepEqual([later.findings[0]!.measure, later.findings[0]!.kind], [33, 'late']);
  assert.equal(check('deadline', buildReport({ signedOn: null })).verdict, 'uncertain');
  assert.equal(check('deadline', buildReport({ signedOn: null }), { options: { receivedOn: '2025-01-15' } }).verdict, 'pass');
  assert.equal(check('deadline', buildReport(), { options: { deadline: '2025-01-10' } }).verdict, 'fail');
  assert.equal(check('deadline', buildReport({ year: 2012, generation: 'legacy', signedOn: '2013-03-20' })).verdict, 'pass');
  assert.equal(check('deadline', buildReport({ signedOn: '2025-02-20' }), { options: { deadlines: { current: '02-28' } } }).verdict, 'pass');
});

test('year.consistency: title year and signing year must fit the report year', () => {
  assert.equal(check('year.consistency', buildReport()).verdict, 'pass');
  const r = check('year.consistency', buildReport({ title: '临江市测试局2023年政府信息公开工作年度报告' }));
  assert.equal(r.verdict, 'fail');
  assert.match(r.findings[0]!.message, /标题/);
  assert.equal(check('year.consistency', buildReport({ signedOn: '2027-01-10' })).verdict, 'fail');
});

test('history.carryover and history.normative-stock against last year', () => {
  const prevGrid = withCell(withCell(defaultRequests(), 24, 0, 2), 24, 6, 2);
  const prev = buildReport({ year: 2023, requests: prevGrid, active: [0, 0, 0, 1, 0, 5, 0, 0, 0, 0] });
  assert.equal(check('history.carryover', buildReport()).verdict, 'na');
  const r = check('history.carryover', buildReport(), { previous: related(prev) });
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings[0]!.evidence[1]!.other?.year, 2023);
  // 5 in force last year + 2 issued − 1 repealed = 6 (the builder's table 二)
  assert.equal(check('history.normative-stock', buildReport(), { previous: related(prev) }).verdict, 'pass');
  const off = buildReport({ active: [0, 0, 0, 2, 1, 9, 0, 0, 0, 0] });
  assert.equal(check('history.normative-stock', off, { previous: related(prev) }).verdict, 'fail');
  const twoYears = buildReport({ year: 2022 });
  assert.equal(check('history.carryover', buildReport(), { previous: related(twoYears) }).verdict, 'na');
});

test('history.values-copied: identical non-zero tables fail', () => {
  const prev = buildReport({ year: 2023 });
  const r = check('history.values-copied', buildReport(), { previous: related(prev) });
  assert.equal(r.verdict, 'fail');
  assert.match(r.findings[0]!.message, /表二、表三/);
  assert.equal(check('history.values-copied', buildReport(), { previous: related(buildReport({ year: 2023, requests: withCell(defaultRequests(), 2, 0, 3) , active: [0, 0, 0, 1, 0, 5, 0, 0, 0, 0] })) }).verdict, 'pass');
});

test('history.repeated-text: a copied narrative is reported with similarity and passages; rewritten text passes', () => {
  const prev = buildReport({ year: 2023, text: OWN_TEXT });
  const copy = buildReport({ text: OWN_TEXT });
  const r = check('history.repeated-text', copy, { previous: related(prev) });
  assert.equal(r.verdict, 'fail');
  assert.ok(r.findings[0]!.measure! >= 90);
  assert.ok(r.findings[0]!.evidence.length >= 2);
  assert.equal(check('history.repeated-text', buildReport(), { previous: related(prev) }).verdict, 'pass');
});

test('peer.repeated-text: template boilerplate alone does not make two reports similar', () => {
  const peer = buildReport({ department: '临江市另一局', text: OWN_TEXT });
  const mine = buildReport({ text: OWN_TEXT });
  const r = check('peer.repeated-text', mine, { peers: [related(peer)] });
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings[0]!.evidence[0]!.other?.department, '临江市另一局');
  assert.equal(check('peer.repeated-text', buildReport(), { peers: [related(peer)] }).verdict, 'pass');
  assert.equal(check('peer.repeated-text', buildReport()).verdict, 'na');
  const headingsOnly = (t: string) => buildReport({ text: { 1: [`(一)主动公开情况。${t}`, '(二)依申请公开情况。', '(三)政府信息管理情况。', '(四)平台建设情况。', '(五)监督保障情况。'], 5: ['(一)存在的主要问题。', '(二)改进措施。'] } });
  const a = narrativeFingerprint(headingsOnly('全年围绕工业经济运行和企业服务发布政策信息二百余条,开设惠企政策专栏。'));
  const b = narrativeFingerprint(headingsOnly('本年度重点公开城市道路养护计划、交通组织调整方案和公交线路优化信息。'));
  assert.ok(compareFingerprints(a, b).similarity < 20);
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(a)));
});

test('text.placeholder, text.garbled, text.personal-info, other.local-items', () => {
  assert.equal(check('text.placeholder', buildReport()).verdict, 'pass');
  const ph = check('text.placeholder', buildReport({ text: { 6: ['XX局20XX年度未收取信息处理费。'] } }));
  assert.equal(ph.verdict, 'fail');
  assert.ok(ph.findings[0]!.evidence[0]!.offset !== undefined);
  assert.equal(check('text.garbled', buildReport()).verdict, 'pass');
  const pinyin = check('text.garbled', buildReport({ text: { 6: ['根據(jù)規(guī)定,未收取信息處(chǔ)理費(fèi)。'] } }));
  assert.equal(pinyin.findings[0]!.kind, 'pinyin');
  assert.equal(check('text.garbled', buildReport({ text: { 6: ['未收取信息处理费\ufffd\ufffd。'] } })).verdict, 'fail');
  assert.equal(check('text.personal-info', buildReport({ text: { 6: ['联系电话:0571-87654321。'] } })).verdict, 'pass');
  const pi = check('text.personal-info', buildReport({ text: { 6: ['联系人手机13912345678,身份证号11010519491231002X。'] } }));
  assert.deepEqual(pi.findings.map((f) => f.kind).sort(), ['id-number', 'mobile']);
  assert.ok(!pi.findings.some((f) => f.evidence[0]!.text!.includes('13912345678')));
  assert.equal(check('other.local-items', buildReport()).verdict, 'na');
  const local = check('other.local-items', buildReport(), { options: { localItems: ['信息处理费', '建议提案办理结果公开'] } });
  assert.equal(local.verdict, 'fail');
  assert.match(local.findings[0]!.message, /建议提案/);
});
