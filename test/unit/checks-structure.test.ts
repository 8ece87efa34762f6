import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, DEFAULT_TEXT } from './helpers/report-builder.ts';
import { check } from './helpers/run-check.ts';

test('sections.present: pass when complete, fail names the missing part with its count, na for legacy', () => {
  assert.equal(check('sections.present', buildReport()).verdict, 'pass');
  const r = check('sections.present', buildReport({ missingParts: [5] }));
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings[0]!.measure, 1);
  assert.match(r.findings[0]!.message, /五、存在的主要问题及改进情况/);
  assert.equal(check('sections.present', buildReport({ generation: 'legacy', year: 2012 })).verdict, 'na');
});

test('overview.aspects: lists the aspects part 一 leaves out', () => {
  assert.equal(check('overview.aspects', buildReport()).verdict, 'pass');
  const r = check('overview.aspects', buildReport({ text: { 1: ['2024年我局认真做好主动公开工作,及时发布各类信息。'] } }));
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings[0]!.measure, 4);
  assert.match(r.findings[0]!.message, /依申请公开/);
});

test('overview.art50-4: na for departments, fail for a government without 考核/评议/追究', () => {
  assert.equal(check('overview.art50-4', buildReport()).verdict, 'na');
  const gov = buildReport({ isGovernment: true, text: { 1: DEFAULT_TEXT[1]!.slice(0, 4) } });
  const r = check('overview.art50-4', gov);
  assert.equal(r.verdict, 'fail');
  assert.match(r.findings[0]!.message, /社会评议/);
  const ok = buildReport({ isGovernment: true, text: { 1: [...DEFAULT_TEXT[1]!, '全年开展社会评议1次,未发生责任追究情况。'] } });
  assert.equal(check('overview.art50-4', ok).verdict, 'pass');
});

test('legacy.contents: only for legacy; fails without 收费及减免', () => {
  assert.equal(check('legacy.contents', buildReport()).verdict, 'na');
  const legacy = buildReport({
    generation: 'legacy', year: 2012, active: null, requests: null, review: null,
    text: { 1: ['一、主动公开政府信息情况。公开信息100条。', '二、依申请公开情况。未收到申请。', '三、行政复议和诉讼情况。无。', '四、存在的问题及改进措施。人员不足,将加强培训。'], 5: [], 6: [] },
  });
  const r = check('legacy.contents', legacy);
  assert.equal(r.verdict, 'fail');
  assert.match(r.findings[0]!.message, /收费及减免/);
  legacy.legacyItems = [{ item: '收费及减免', found: true }];
  assert.equal(check('legacy.contents', legacy).verdict, 'pass');
});

test('problems.measures: problems only → no-measures; measures only → no-problems; 无 → empty', () => {
  assert.equal(check('problems.measures', buildReport()).verdict, 'pass');
  const onlyProblems = check('problems.measures', buildReport({ text: { 5: ['一是公开内容不够全面;二是工作积极性有待加强,需进一步加大解读力度。'] } }));
  assert.equal(onlyProblems.verdict, 'fail');
  assert.equal(onlyProblems.findings[0]!.kind, 'no-measures');
  const onlyMeasures = check('problems.measures', buildReport({ text: { 5: ['今后,我局将继续做好政务公开工作,丰富公开形式。'] } }));
  assert.equal(onlyMeasures.findings[0]!.kind, 'no-problems');
  const empty = check('problems.measures', buildReport({ text: { 5: ['无。'] } }));
  assert.equal(empty.findings[0]!.kind, 'empty');
  const planWithYear = check('problems.measures', buildReport({ text: { 5: ['政策解读形式单一的问题仍然存在。2025年我局将进一步丰富政策解读形式。'] } }));
  assert.equal(planWithYear.verdict, 'pass');
  assert.equal(check('problems.measures', buildReport({ missingParts: [5], text: { 5: [] } })).verdict, 'uncertain');
});

test('other.fee: a statement of none or an amount passes; silence fails with part 六 quoted', () => {
  assert.equal(check('other.fee', buildReport()).verdict, 'pass');
  assert.equal(check('other.fee', buildReport({ text: { 6: ['本年度收取信息处理费120元。'] } })).verdict, 'pass');
  const r = check('other.fee', buildReport({ text: { 6: ['本单位无其他需要报告的事项。'] } }));
  assert.equal(r.verdict, 'fail');
  assert.match(r.findings[0]!.evidence[0]!.text!, /无其他需要报告/);
  assert.equal(check('other.fee', buildReport({ year: 2020, generation: '2019' })).verdict, 'na');
});

test('format.generation: older template than the year requires fails with the kind priced by the rubric', () => {
  assert.equal(check('format.generation', buildReport()).verdict, 'pass');
  const r = check('format.generation', buildReport({ generation: '2019' }));
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings[0]!.kind, '2019');
  assert.equal(check('format.generation', buildReport({ generation: 'legacy', year: 2012 })).verdict, 'pass');
  assert.equal(check('format.generation', buildReport({ year: null })).verdict, 'uncertain');
});

test('period.full-year and identity', () => {
  assert.equal(check('period.full-year', buildReport()).verdict, 'pass');
  assert.equal(check('period.full-year', buildReport({ statedPeriod: null })).verdict, 'pass');
  const partial = check('period.full-year', buildReport({ statedPeriod: { from: '2024-01-01', to: '2024-12-15', quote: '2024年1月1日至12月15日', page: 1 } }));
  assert.equal(partial.verdict, 'fail');
  assert.equal(partial.findings[0]!.evidence[0]!.page, 1);
  assert.equal(check('identity', buildReport()).verdict, 'pass');
  const unknown = check('identity', buildReport({ department: null, signedOn: null }));
  assert.equal(unknown.verdict, 'fail');
  assert.equal(unknown.findings[0]!.measure, 2);
});
