import type { Evidence } from '../../shared/model.ts';
import type { Check } from './types.ts';
import { fail, na, pass, uncertain } from './lib/findings.ts';
import { REQUEST_COLUMN, REQUEST_COLUMNS, REQUEST_HEADER, REQUEST_HEADINGS, REQUEST_ROWS, REQUEST_ROWS_ABSENT_IN_2019, requestRowName, requestRowTitle } from '../../shared/template/index.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** Label without numbering, brackets, spaces and punctuation, for comparing wordings. */
function core(label: string): string {
  return label
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/^[一二三四五六七八九十\d]+[、.．]/, '')
    .replace(/[\s"'“”‘’:：,，.。、;；]/g, '')
    .replace(/^[一二三四五六七八九十\d]+/, '');
}

function coreOfCanonical(row: number): string {
  return core(REQUEST_ROWS[row]!.name);
}

/** Headings of table 三 that carry no values of their own (a row labelled so is not a renamed row). */
const GROUP_LABELS = [...REQUEST_HEADINGS.map((h) => h.label), REQUEST_HEADER.all, REQUEST_HEADER.legalPersons];

/** Column headers and the balance note that may come out as rows of their own. */
const HEADER_WORDS = new RegExp(
  [REQUEST_HEADER.all, REQUEST_HEADER.legalPersons, ...REQUEST_COLUMNS.slice(0, REQUEST_COLUMN.lastLegal)].join('|') + '|勾稽关系|总计$|^其他$|^$',
);

export const tableRequestsLabels: Check = {
  meta: checkMeta('table.requests.labels'),
  run(report) {
    if (!report.tables.requests) return [na('表三缺失，无法核对行标签')];
    const labels = report.requestsLabels;
    if (labels.length === 0) return [uncertain('未能读取表三的行标签（例如表格由PDF版式还原），无法核对')];
    const out = [];
    const required = REQUEST_ROWS.map((r) => r.index).filter((r) => report.generation !== '2019' || !REQUEST_ROWS_ABSENT_IN_2019.includes(r));
    const missing = required.filter((r) => !labels.some((l) => l.canonical === r));
    if (missing.length > 0) {
      out.push(fail(`表三缺少${missing.length}个模板行：${missing.map(requestRowName).join('、')}`,
        missing.map((r) => ({ table: 'requests' as const, row: r, text: requestRowTitle(r) })), { measure: missing.length, kind: 'missing' }));
    }
    const seen = new Map<number, number>();
    for (const l of labels) if (l.canonical !== null) seen.set(l.canonical, (seen.get(l.canonical) ?? 0) + 1);
    const duplicated = [...seen.entries()].filter(([, n]) => n > 1).map(([r]) => r);
    if (duplicated.length > 0) {
      out.push(fail(`表三有重复的行：${duplicated.map(requestRowName).join('、')}`, duplicated.map((r) => ({ table: 'requests' as const, row: r, text: requestRowTitle(r) })), {
        measure: duplicated.length, kind: 'duplicated',
      }));
    }
    const odd: Evidence[] = [];
    for (const l of labels) {
      const c = core(l.label);
      if (l.kind === 'unknown') {
        const isGroup = GROUP_LABELS.some((g) => core(g) === c || c.startsWith(core(g)));
        if (!isGroup && !HEADER_WORDS.test(c)) odd.push({ table: 'requests', text: l.label, page: l.page, offset: l.offset });
      } else if (l.kind === 'row' && l.canonical !== null) {
        const want = coreOfCanonical(l.canonical);
        const key = want.slice(0, Math.min(4, want.length));
        if (c !== '' && !c.includes(key)) odd.push({ table: 'requests', row: l.canonical, text: l.label, page: l.page, offset: l.offset });
      }
    }
    if (odd.length > 0) {
      out.push(fail(`表三有${odd.length}个行标签与模板不符（改名或合并）：${odd.slice(0, 5).map((e) => `“${e.text}”`).join('、')}`, odd, {
        measure: odd.length, kind: 'renamed',
      }));
    }
    const subtotals = labels.filter((l) => l.kind === 'subtotal').length;
    return out.length > 0 ? out : [pass(`表三行标签与模板一致${subtotals > 0 ? `（另有${subtotals}个小计行，已识别且不计入合计）` : ''}`)];
  },
};
