/**
 * The keywords that identify each template row's label in any rendering (labels are wrapped, abbreviated,
 * padded with spaces or written in traditional script, so rows are found by distinctive keywords in compact
 * simplified text, never by position). The rows themselves — labels, order, sizes — come from the report
 * template (src/shared/template); only the matching keys live here, keyed by row index.
 */
import {
  ACTIVE_2019 as ACTIVE_2019_TEMPLATE,
  ACTIVE_2021 as ACTIVE_2021_TEMPLATE,
  NORMATIVE_DOCUMENTS,
  REQUEST_HEADINGS,
  REQUEST_ROWS as TEMPLATE_REQUEST_ROWS,
  withoutNumbering,
  type ActiveTemplate,
} from '../../../shared/template/index.ts';

export interface TemplateRow {
  index: number;
  /** The template's label in half-width form, as compact labels are (for fuzzy matching and warnings). */
  label: string;
  /** Distinctive substrings of the compact label; longer keys are stronger evidence. */
  keys: string[];
  /** A regular expression the whole leaf label may match instead (for generic labels such as the last result row). */
  leafPattern?: RegExp;
}

/** The label's own words (without numbering) count as a key: written here as OWN. */
const OWN = Symbol('the row label without numbering');
type Key = string | typeof OWN;

const REQUEST_KEYS: { keys: Key[]; leafPattern?: RegExp }[] = [
  { keys: ['本年新收', '新收政府信息公开申请', '新收'] },
  { keys: ['上年结转', '上年度结转'] },
  { keys: [OWN] },
  { keys: [OWN, '区分处理'] },
  { keys: ['国家秘密'] },
  { keys: ['法律行政法规禁止', '法规禁止公开', '禁止公开'] },
  { keys: ['三安全一稳定', '安全一稳定', '危及'] },
  { keys: ['第三方合法权益', '保护第三方', '第三方'] },
  { keys: ['三类内部事务', '内部事务'] },
  { keys: ['四类过程性', '过程性信息', '过程性'] },
  { keys: ['行政执法案卷', '执法案卷'] },
  { keys: ['行政查询事项', '查询事项', '行政查询'] },
  { keys: ['本机关不掌握', '不掌握'] },
  { keys: ['没有现成信息', '另行制作', '现成信息'] },
  { keys: ['补正后申请内容', '仍不明确', '补正后'] },
  { keys: ['信访举报投诉', '举报投诉', '信访'] },
  { keys: [OWN] },
  { keys: ['公开出版物', '出版物'] },
  { keys: ['大量反复', '反复申请'] },
  { keys: ['确认或重新出具', '重新出具', '已获取信息'] },
  { keys: ['逾期不补正', '不补正'] },
  { keys: ['收费通知', '缴纳费用', '逾期未按'] },
  { keys: [], leafPattern: /^(\(?[0-9一二三四五六七八九十]+[).、]?)?其他(处理)?$/ },
  { keys: [], leafPattern: /^(\(?[七7][).、]?)?(总计|合计)$/ },
  { keys: ['结转下年度', '继续办理', '结转下年'] },
];

function resolveKeys(keys: Key[], label: string): string[] {
  return keys.map((k) => (k === OWN ? withoutNumbering(label) : k));
}

export const REQUEST_ROWS: TemplateRow[] = TEMPLATE_REQUEST_ROWS.map((row) => {
  const spec = REQUEST_KEYS[row.index]!;
  return {
    index: row.index,
    label: row.name.normalize('NFKC'),
    keys: resolveKeys(spec.keys, row.name),
    ...(spec.leafPattern ? { leafPattern: spec.leafPattern } : {}),
  };
});

/** Group labels of table 三: a row whose leaf is one of these is a subtotal (or a 2019 single row). */
export const REQUEST_GROUP_PATTERN = new RegExp(
  `^(三、?)?(\\(?[一二三四五六七1-7][).、]?)?(${REQUEST_HEADINGS.map((h) => withoutNumbering(h.label)).join('|')})(\\(?(总计|小计|合计)\\)?)?$`,
);

export interface ActiveRowTemplate {
  label: string;
  keys: string[];
  /** Index of the first canonical value and how many values the row holds. */
  start: number;
  count: number;
}

/** Keys of table 二's rows by template row (the row label itself is always a key). */
const ACTIVE_KEYS_2021: Key[][] = [[OWN], [NORMATIVE_DOCUMENTS], [OWN], [OWN], [OWN], [OWN, '事业性收费']];
const ACTIVE_KEYS_2019: Key[][] = [[OWN], [OWN], [OWN], ['其他对外管理服务', '对外管理服务'], [OWN], [OWN], [OWN, '事业性收费'], [OWN, '集中采购']];

function activeRows(template: ActiveTemplate, keys: Key[][]): ActiveRowTemplate[] {
  return template.rows.map((row, i) => ({ label: row.label, keys: resolveKeys(keys[i]!, row.label), start: row.cells[0]!.index, count: row.cells.length }));
}

/** Table 二, 2021 format. */
export const ACTIVE_2021: ActiveRowTemplate[] = activeRows(ACTIVE_2021_TEMPLATE, ACTIVE_KEYS_2021);

/** Table 二, 2019 trial format. */
export const ACTIVE_2019: ActiveRowTemplate[] = activeRows(ACTIVE_2019_TEMPLATE, ACTIVE_KEYS_2019);

function activeLabels(template: ActiveTemplate): string[] {
  return template.rows.flatMap((r) => [r.label, ...r.cells.map((c) => c.column)]);
}

/** Words that only the 2019 trial table 二 has: its labels that no 2021 label contains, and common short forms. */
export const ACTIVE_2019_MARKERS = [
  ...new Set(activeLabels(ACTIVE_2019_TEMPLATE).filter((l) => !activeLabels(ACTIVE_2021_TEMPLATE).some((l21) => l21.includes(l)))),
  '新制作数量', '新公开数量', '本年增减', '其他对外管理服务',
];
