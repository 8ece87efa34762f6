import type { Evidence, Report } from '../../shared/model.ts';
import type { Check, CheckOptions } from './types.ts';
import { fail, pass, uncertain } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The deadline that applies to a report (ISO date), or null when the year is unknown. */
export function deadlineFor(report: Report, options: CheckOptions): string | null {
  if (options.deadline && ISO.test(options.deadline)) return options.deadline;
  if (report.year === null) return null;
  const d = options.deadlines ?? {};
  const monthDay = report.year < 2019 ? d.legacy ?? '03-31' : report.isGovernment ? d.government ?? '03-31' : d.current ?? '01-31';
  return `${report.year + 1}-${monthDay}`;
}

/** The paragraph that carries the signing date (searched from the end), for the evidence's page/offset. */
function signingEvidence(report: Report, date: string): Evidence {
  const [y, m, d] = date.split('-').map(Number);
  const re = new RegExp(`${y}\\s*年\\s*0?${m}\\s*月\\s*0?${d}\\s*日`);
  for (let i = report.paragraphs.length - 1; i >= 0; i--) {
    const p = report.paragraphs[i]!;
    if (re.test(p.text)) {
      const ev: Evidence = { text: p.original.trim().slice(0, 60) };
      if (p.page !== undefined) ev.page = p.page;
      if (p.offset !== undefined) ev.offset = p.offset;
      return ev;
    }
  }
  const last = report.paragraphs[report.paragraphs.length - 1];
  return { text: `落款日期 ${date}`, ...(last?.page !== undefined ? { page: last.page } : {}), ...(last?.offset !== undefined ? { offset: last.offset } : {}) };
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const deadline: Check = {
  meta: checkMeta('deadline'),
  run(report, context) {
    const due = deadlineFor(report, context.options);
    const received = context.options.receivedOn && ISO.test(context.options.receivedOn) ? context.options.receivedOn : null;
    const date = received ?? report.signedOn;
    const what = received ? '收到日期' : '落款日期';
    if (!due) return [uncertain('无法确定报告年度，未能判断报送时限')];
    if (!date || !ISO.test(date)) return [uncertain(`报告未署日期，无法判断是否在${due}前报送，请核对收到日期`)];
    const late = days(due, date);
    const ev = [received ? { text: `收到日期 ${date}` } : signingEvidence(report, date)];
    if (late <= 0) return [pass(`${what}${date}，在${due}期限内`, ev)];
    return [fail(`${what}${date}，晚于${due}期限${late}天`, ev, { measure: late, kind: late <= 15 ? 'late-15' : 'late' })];
  },
};
