import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, DEFAULT_TEXT, defaultRequests, withCell } from './helpers/report-builder.ts';
import { check } from './helpers/run-check.ts';
import { parseNumber } from '../../src/core/checks/lib/numbers.ts';

const part1 = (sentence: string): string[] => [...DEFAULT_TEXT[1]!.filter((t) => !t.startsWith('(二)')), sentence];

test('parseNumber reads Arabic and Chinese numerals', () => {
  assert.equal(parseNumber('十四'), 14);
  assert.equal(parseNumber('一百二十'), 120);
  assert.equal(parseNumber('两千零五'), 2005);
  assert.equal(parseNumber('二〇二四'), 2024);
  assert.equal(parseNumber('1,352'), 1352);
  assert.equal(parseNumber('规章'), null);
});

test('narrative.requests: finds the application count in the usual wordings', () => {
  for (const sentence of ['(二)依申请公开情况。2024年,我局共承办依申请公开政府信息事项5件。', '全年共收到和处理信息公开申请5件,按规定及时回复。', '本年新收政府信息公开申请五件。']) {
    assert.equal(check('narrative.requests', buildReport({ text: { 1: part1(sentence) } })).verdict, 'pass', sentence);
  }
  const wrong = check('narrative.requests', buildReport({ text: { 1: part1('2024年,我局共承办依申请公开政府信息事项16件,无当面申请件。') } }));
  assert.equal(wrong.verdict, 'fail');
  assert.match(wrong.findings[0]!.message, /16件.*本年新收5件/);
  assert.deepEqual([wrong.findings[0]!.evidence[1]!.row, wrong.findings[0]!.evidence[1]!.col], [0, 6]);
  assert.ok(wrong.findings[0]!.evidence[0]!.offset !== undefined);
});

test('narrative.requests: unrelated counts (信箱, 同比) are ignored; 未收到申请 means 0', () => {
  const mailbox = buildReport({ text: { 1: part1('共收到局长信箱信件4件,办结4件。') } });
  assert.equal(check('narrative.requests', mailbox).verdict, 'na');
  const none = check('narrative.requests', buildReport({ text: { 1: part1('2024年我局未收到政府信息公开申请。') } }));
  assert.equal(none.verdict, 'fail');
  const zero = defaultRequests().map((row) => row.map(() => 0));
  assert.equal(check('narrative.requests', buildReport({ requests: zero, text: { 1: part1('2024年我局未收到政府信息公开申请。') } })).verdict, 'pass');
  const forward = check('narrative.requests', buildReport({ text: { 1: part1('共收到政府信息公开申请5件,结转下年度继续办理2件。') } }));
  assert.equal(forward.verdict, 'fail');
  assert.equal(forward.findings[0]!.evidence[1]!.row, 24);
  assert.equal(check('narrative.requests', buildReport({ requests: null })).verdict, 'na');
});

test('narrative.normative: only sentences about issuing/repealing/in force', () => {
  const ok = buildReport({ text: { 1: part1('全年制发行政规范性文件2件,废止1件。') } });
  assert.equal(check('narrative.normative', ok).verdict, 'pass');
  const bad = check('narrative.normative', buildReport({ text: { 1: part1('全年制发行政规范性文件3件。') } }));
  assert.equal(bad.verdict, 'fail');
  assert.equal(bad.findings[0]!.evidence[1]!.row, 3);
  const reading = buildReport({ text: { 1: part1('对12件规范性文件进行了政策解读。') } });
  assert.equal(check('narrative.normative', reading).verdict, 'na');
});

test('narrative.enumeration: parts must add up; open lists are uncertain', () => {
  assert.equal(check('narrative.enumeration', buildReport()).verdict, 'pass');
  const bad = check('narrative.enumeration', buildReport({ text: { 1: ['2024年度主动公开信息共计65条,其中机构信息10条,政策文件20条,工作动态30条。', ...DEFAULT_TEXT[1]!.slice(1)] } }));
  assert.equal(bad.verdict, 'fail');
  assert.match(bad.findings[0]!.message, /10\+20\+30=60/);
  const open = check('narrative.enumeration', buildReport({ text: { 1: ['全年公开信息共65条,其中政策文件20条、工作动态30条等。', ...DEFAULT_TEXT[1]!.slice(1)] } }));
  assert.equal(open.verdict, 'uncertain');
  const inWords = buildReport({ text: { 1: ['在公开的 60 条信息中,规范性文件类信息为6条,占全年公开信息总数比例为10%;其他类信息54条,占全年公开信息总数比例为90%。', ...DEFAULT_TEXT[1]!.slice(1)] } });
  assert.equal(check('narrative.enumeration', inWords).verdict, 'pass');
  assert.equal(check('narrative.percent', inWords).verdict, 'pass');
});

test('narrative.percent: a wrong percentage fails, rounding to the written decimals is accepted', () => {
  const bad = buildReport({ text: { 1: ['在公开的579条信息中,规范性文件类信息为6条,占总数比例为1%;规划类信息46条,占总数比例为9.9%;其他类信息527条,占比91%。', ...DEFAULT_TEXT[1]!.slice(1)] } });
  const r = check('narrative.percent', bad);
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings.filter((f) => f.status === 'fail').length, 1);
  assert.match(r.findings[0]!.message, /46\/579=7\.9%/);
  assert.equal(check('narrative.percent', buildReport()).verdict, 'na');
});

test('narrative.review: "未发生行政复议" against table 四', () => {
  const statement = part1('全年未发生因政府信息公开引发的行政复议、行政诉讼。');
  assert.equal(check('narrative.review', buildReport({ text: { 1: statement } })).verdict, 'pass');
  const review = Array.from({ length: 15 }, () => 0);
  review[0] = 1;
  review[4] = 1;
  const r = check('narrative.review', buildReport({ review, text: { 1: statement } }));
  assert.equal(r.verdict, 'fail');
  assert.equal(r.findings[0]!.evidence[1]!.row, 4);
  assert.equal(check('narrative.review', buildReport()).verdict, 'na');
});

test('narrative.fee: fees charged with no application at all is a contradiction', () => {
  assert.equal(check('narrative.fee', buildReport()).verdict, 'pass');
  const zero = defaultRequests().map((row) => row.map(() => 0));
  const r = check('narrative.fee', buildReport({ requests: zero, text: { 6: ['本年度收取信息处理费200元。'] } }));
  assert.equal(r.verdict, 'fail');
  assert.equal(check('narrative.fee', buildReport({ text: { 6: ['本年度收取信息处理费200元。'] } })).verdict, 'pass');
  assert.equal(check('narrative.fee', buildReport({ text: { 6: ['无。'] } })).verdict, 'na');
  assert.equal(check('narrative.fee', buildReport({ requests: withCell(defaultRequests(), 0, 0, null) })).verdict, 'pass');
});

test('narrative.requests: in a government report, a count for its general office is a part, not the total', () => {
  const sentence = '2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。';
  const government = check('narrative.requests', buildReport({ isGovernment: true, text: { 1: part1(sentence) } }));
  assert.equal(government.verdict, 'uncertain');
  // The same words in a department's report are its own total and must agree with table 三.
  assert.equal(check('narrative.requests', buildReport({ text: { 1: part1('2024年，本局受理政府信息公开申请17件。') } })).verdict, 'fail');
});
