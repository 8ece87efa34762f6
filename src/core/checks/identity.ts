import type { Check, CheckFinding } from './types.ts';
import type { Evidence, Report } from '../../shared/model.ts';
import { invisibleCodePoints, stripInvisible } from '../../shared/invisible.ts';
import { fail, pass } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/**
 * Where the department's name was written with invisible characters inside (a bidi override shows
 * 临江市‮育教‬局 as 临江市教育局): the name is registered without them, and the report says so.
 */
function disguisedName(report: Report): CheckFinding | null {
  const name = report.department;
  if (!name) return null;
  const where: Evidence[] = [];
  const codes = new Set<string>();
  const lines = [...(report.title ? [{ text: report.title, original: report.title, page: 1 }] : []), ...report.paragraphs];
  for (const p of lines) {
    const found = invisibleCodePoints(p.original);
    if (found.length === 0 || !stripInvisible(p.text).includes(name)) continue;
    for (const c of found) codes.add(c);
    if (where.length < 3) where.push({ text: p.original, ...(p.page !== undefined ? { page: p.page } : {}) });
  }
  if (codes.size === 0) return null;
  return fail(`单位名称中夹有不可见字符（${[...codes].join('、')}，如从右到左覆盖符、零宽字符），显示的名称可能与实际不同；已去除这些字符，按“${name}”登记，请核对`, where, { kind: 'invisible' });
}

export const identity: Check = {
  meta: checkMeta('identity'),
  run(report) {
    const out: CheckFinding[] = [];
    const unknown: string[] = [];
    if (!report.department) unknown.push('报告单位');
    if (report.year === null) unknown.push('报告年度');
    if (!report.signedOn) unknown.push('落款日期');
    if (unknown.length > 0) out.push(fail(`无法确定：${unknown.join('、')}`, [{ text: report.title ?? report.file }], { measure: unknown.length }));
    const disguised = disguisedName(report);
    if (disguised) out.push(disguised);
    if (out.length > 0) return out;
    return [pass(`报告单位：${report.department}；年度：${report.year}；落款日期：${report.signedOn}`)];
  },
};
