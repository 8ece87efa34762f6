/**
 * Title and signature shapes met in other departments' reports (field renderings): the name alone on the line
 * above the year-and-subject line, the year only in a subtitle "（2024年度）", years in Chinese numerals, a seal
 * note after the signature, county offices, 街道 and 乡镇. Built on a neutral body so only the shape decides.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFromText } from '../../src/core/ingest/text.ts';
import { parseDocument } from '../../src/core/parse/index.ts';

const BODY = [
  '一、总体情况',
  '2024年，我局认真贯彻《中华人民共和国政府信息公开条例》，对照上级工作要点（临政办发〔2023〕5号）推进主动公开、依申请公开和平台建设。',
  '五、存在的主要问题及改进情况',
  '政策解读形式较单一。2025年将丰富解读形式。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
];

function read(head: string[], tail: string[] = []): { department: string | null; year: number | null; signedOn: string | null } {
  const r = parseDocument(documentFromText([...head, ...BODY, ...tail].join('\n')), 'report.txt');
  return { department: r.department, year: r.year, signedOn: r.signedOn };
}

test('title over two lines with the name alone on the first', () => {
  assert.deepEqual(read(['临江县交通运输局', '2024年政府信息公开工作年度报告']), { department: '临江县交通运输局', year: 2024, signedOn: null });
  assert.deepEqual(read(['临江县交通运输局', '二〇二四年度政府信息公开工作年度报告']), { department: '临江县交通运输局', year: 2024, signedOn: null });
  // A sentence above the title is not a name.
  assert.equal(read(['根据条例要求，现将有关情况报告如下', '2024年政府信息公开工作年度报告']).department, null);
});

test('year only in a subtitle line; subtitles under a full title change nothing', () => {
  assert.deepEqual(read(['临江县交通运输局政府信息公开工作年度报告', '（2024年度）']), { department: '临江县交通运输局', year: 2024, signedOn: null });
  assert.deepEqual(read(['临江县交通运输局2024年政府信息公开工作年度报告', '——坚持以公开为常态、不公开为例外']), { department: '临江县交通运输局', year: 2024, signedOn: null });
});

test('department only in the signature, with a seal note, dated in Chinese numerals', () => {
  assert.deepEqual(read(['政府信息公开工作年度报告'], ['临江县交通运输局（盖章）', '二〇二五年一月二十日']), { department: '临江县交通运输局', year: 2024, signedOn: '2025-01-20' });
  assert.deepEqual(read(['2024年政府信息公开工作年度报告'], ['临江县交通运输局', '2025年1月20日']), { department: '临江县交通运输局', year: 2024, signedOn: '2025-01-20' });
});

test('county offices, 街道 and 乡镇 keep their own names', () => {
  const cases: [string, string][] = [
    ['临江县人民政府办公室2024年政府信息公开工作年度报告', '临江县人民政府办公室'],
    ['临江县人民政府2024年政府信息公开工作年度报告', '临江县人民政府'],
    ['临江县城关街道办事处2024年政府信息公开工作年度报告', '临江县城关街道办事处'],
    ['临江市东城区城关街道2024年政府信息公开工作年度报告', '临江市东城区城关街道'],
    ['临江县石门乡人民政府2024年政府信息公开工作年度报告', '临江县石门乡人民政府'],
    ['临江县石门镇2024年政府信息公开工作年度报告', '临江县石门镇'],
  ];
  for (const [title, name] of cases) assert.equal(read([title]).department, name, title);
});
