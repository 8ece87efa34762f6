/**
 * The report template of 国办公开办函〔2021〕30号 and its 2019 trial predecessor (../shared/spec/DOMAIN.md):
 * the six part titles and the three statistical tables — rows, columns, groups and sizes — per generation.
 * Every official label is written here and nowhere else; display and message labels are functions over
 * this data (./labels.ts), parsing keeps only its matching keywords keyed by row index.
 */
import type { Generation, PartNumber, TableId } from '../model.ts';

/** The six part titles of the 2021 format, in order. */
export const PART_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export function partTitle(part: PartNumber): string {
  return PART_TITLES[part - 1]!;
}

/**
 * The legacy layout (reports under the 2008 条例): what they open with, then the items its 第三十二条 requires,
 * in the article's words (其他需要报告的事项 is optional and not listed).
 */
export const LEGACY_ITEMS = [
  '概述（基本情况）',
  '主动公开政府信息的情况',
  '依申请公开政府信息和不予公开政府信息的情况',
  '政府信息公开的收费及减免情况',
  '因政府信息公开申请行政复议、提起行政诉讼的情况',
  '政府信息公开工作存在的主要问题及改进情况',
] as const;

/** Ordinal of each table and the part it belongs to. */
export const TABLE_SHORT: Record<TableId, string> = { active: '表二', requests: '表三', review: '表四' };
export const TABLE_PART: Record<TableId, PartNumber> = { active: 2, requests: 3, review: 4 };

/** A label without its leading numbering: "（一）予以公开" → "予以公开", "二、主动公开…" → "主动公开…". */
export function withoutNumbering(label: string): string {
  return label.replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '');
}

/** "表二 主动公开政府信息情况": the table's ordinal and its part's title. */
export const TABLE_TITLES: Record<TableId, string> = {
  active: `${TABLE_SHORT.active} ${withoutNumbering(partTitle(TABLE_PART.active))}`,
  requests: `${TABLE_SHORT.requests} ${withoutNumbering(partTitle(TABLE_PART.requests))}`,
  review: `${TABLE_SHORT.review} ${withoutNumbering(partTitle(TABLE_PART.review))}`,
};

// ---------------------------------------------------------------- table 三 (requests)

/** A heading of table 三 that carries no cells of its own (三、本年度办理结果, （三）不予公开…). */
export interface RequestHeading {
  label: string;
  indent: number;
}

export interface RequestRow {
  /** Canonical row index (0–24). */
  index: number;
  /** The label as the template prints it. */
  label: string;
  /** The label without the template's parenthetical note: "（二）部分公开". */
  name: string;
  indent: number;
  /** The heading this row stands under, for naming sub-rows ("（三）不予公开 1.属于国家秘密"). */
  group: RequestHeading | null;
  /** Headings printed just before this row. */
  before: RequestHeading[];
}

const RESULTS: RequestHeading = { label: '三、本年度办理结果', indent: 0 };
const WITHHELD: RequestHeading = { label: '（三）不予公开', indent: 1 };
const UNAVAILABLE: RequestHeading = { label: '（四）无法提供', indent: 1 };
const NOT_PROCESSED: RequestHeading = { label: '（五）不予处理', indent: 1 };
const OTHER_HANDLING: RequestHeading = { label: '（六）其他处理', indent: 1 };

/** Headings of table 三 in template order. */
export const REQUEST_HEADINGS: readonly RequestHeading[] = [RESULTS, WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING];

type RowSpec = [label: string, indent: number, group: RequestHeading | null, before?: RequestHeading[]];
const ROW_SPECS: RowSpec[] = [
  ['一、本年新收政府信息公开申请数量', 0, null],
  ['二、上年结转政府信息公开申请数量', 0, null],
  ['（一）予以公开', 1, null, [RESULTS]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 1, null],
  ['1.属于国家秘密', 2, WITHHELD, [WITHHELD]],
  ['2.其他法律行政法规禁止公开', 2, WITHHELD],
  ['3.危及“三安全一稳定”', 2, WITHHELD],
  ['4.保护第三方合法权益', 2, WITHHELD],
  ['5.属于三类内部事务信息', 2, WITHHELD],
  ['6.属于四类过程性信息', 2, WITHHELD],
  ['7.属于行政执法案卷', 2, WITHHELD],
  ['8.属于行政查询事项', 2, WITHHELD],
  ['1.本机关不掌握相关政府信息', 2, UNAVAILABLE, [UNAVAILABLE]],
  ['2.没有现成信息需要另行制作', 2, UNAVAILABLE],
  ['3.补正后申请内容仍不明确', 2, UNAVAILABLE],
  ['1.信访举报投诉类申请', 2, NOT_PROCESSED, [NOT_PROCESSED]],
  ['2.重复申请', 2, NOT_PROCESSED],
  ['3.要求提供公开出版物', 2, NOT_PROCESSED],
  ['4.无正当理由大量反复申请', 2, NOT_PROCESSED],
  ['5.要求行政机关确认或重新出具已获取信息', 2, NOT_PROCESSED],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 2, OTHER_HANDLING, [OTHER_HANDLING]],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 2, OTHER_HANDLING],
  ['3.其他', 2, OTHER_HANDLING],
  ['（七）总计', 1, null],
  ['四、结转下年度继续办理', 0, null],
];

/** "（二）部分公开（区分处理的…）" → "（二）部分公开": a trailing bracketed note dropped. */
function withoutNote(label: string): string {
  const open = label.lastIndexOf('（');
  return open > 0 && label.endsWith('）') ? label.slice(0, open) : label;
}

export const REQUEST_ROWS: readonly RequestRow[] = ROW_SPECS.map(([label, indent, group, before], index) => ({
  index,
  label,
  name: withoutNote(label),
  indent,
  group,
  before: before ?? [],
}));

/** Canonical rows of table 三 by meaning (the indexes the checks' identities use). */
export const REQUEST_ROW = {
  received: 0,
  carriedOver: 1,
  firstResult: 2,
  lastResult: 22,
  total: 23,
  carriedForward: 24,
} as const;

/** The 2019 trial format had one row （六）其他处理 (mapped to row 22) and no cells for these rows: they are 0, not blanks. */
export const REQUEST_ROWS_ABSENT_IN_2019: readonly number[] = [20, 21];

/** Column headings of table 三: 申请人情况 over all, 法人或其他组织 over columns 1–5. */
export const REQUEST_HEADER = { all: '申请人情况', legalPersons: '法人或其他组织' } as const;
export const REQUEST_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
export const REQUEST_COLUMN = { natural: 0, firstLegal: 1, lastLegal: 5, total: 6 } as const;

export const REQUESTS_SIZE = { rows: REQUEST_ROWS.length, cols: REQUEST_COLUMNS.length } as const;

// ---------------------------------------------------------------- table 二 (active)

export interface ActiveCell {
  /** Index into the flat `active` list. */
  index: number;
  column: string;
  /** The cell may hold a decimal (an amount). */
  decimal?: true;
  /** The cell may be negative (本年增/减). */
  signed?: true;
}

export interface ActiveRow {
  label: string;
  /** The article the row reports on: "第二十条第（一）项". */
  group: string;
  cells: ActiveCell[];
}

export interface ActiveTemplate {
  generation: '2021' | '2019';
  rows: ActiveRow[];
  /** Number of values (10 or 22). */
  size: number;
}

function activeTemplate(generation: '2021' | '2019', rows: { label: string; group: string; columns: (string | [string, 'decimal' | 'signed'])[] }[]): ActiveTemplate {
  let index = 0;
  const built = rows.map((r) => ({
    label: r.label,
    group: r.group,
    cells: r.columns.map((c): ActiveCell => {
      const [column, kind] = typeof c === 'string' ? [c, undefined] : c;
      return { index: index++, column, ...(kind === 'decimal' ? { decimal: true as const } : {}), ...(kind === 'signed' ? { signed: true as const } : {}) };
    }),
  }));
  return { generation, rows: built, size: index };
}

const ARTICLE_20 = (item: string): string => `第二十条第（${item}）项`;
/** What both generations call normative documents (the 2021 row adds 行政 in front). */
export const NORMATIVE_DOCUMENTS = '规范性文件';
const ISSUED_2021 = ['本年制发件数', '本年废止件数', '现行有效件数'];
const DECISIONS_2021 = '本年处理决定数量';

export const ACTIVE_2021 = activeTemplate('2021', [
  { label: '规章', group: ARTICLE_20('一'), columns: ISSUED_2021 },
  { label: `行政${NORMATIVE_DOCUMENTS}`, group: ARTICLE_20('一'), columns: ISSUED_2021 },
  { label: '行政许可', group: ARTICLE_20('五'), columns: [DECISIONS_2021] },
  { label: '行政处罚', group: ARTICLE_20('六'), columns: [DECISIONS_2021] },
  { label: '行政强制', group: ARTICLE_20('六'), columns: [DECISIONS_2021] },
  { label: '行政事业性收费', group: ARTICLE_20('八'), columns: [['本年收费金额（单位：万元）', 'decimal']] },
]);

const ISSUED_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量'];
const ITEMS_2019: (string | [string, 'signed'])[] = ['上一年项目数量', ['本年增/减', 'signed'], '处理决定数量'];

export const ACTIVE_2019 = activeTemplate('2019', [
  { label: '规章', group: ARTICLE_20('一'), columns: ISSUED_2019 },
  { label: NORMATIVE_DOCUMENTS, group: ARTICLE_20('一'), columns: ISSUED_2019 },
  { label: '行政许可', group: ARTICLE_20('五'), columns: ITEMS_2019 },
  { label: '其他对外管理服务事项', group: ARTICLE_20('五'), columns: ITEMS_2019 },
  { label: '行政处罚', group: ARTICLE_20('六'), columns: ITEMS_2019 },
  { label: '行政强制', group: ARTICLE_20('六'), columns: ITEMS_2019 },
  { label: '行政事业性收费', group: ARTICLE_20('八'), columns: ITEMS_2019.slice(0, 2) },
  { label: '政府集中采购', group: ARTICLE_20('九'), columns: ['采购项目数量', ['采购总金额', 'decimal']] },
]);

/**
 * Table 二 of a report: the 2019 layout for 2019 reports, or whenever the values read have its size
 * (a legacy or mislabelled report with the trial table); the 2021 layout otherwise.
 */
export function activeTemplateFor(generation: Generation | null, valuesRead?: number): ActiveTemplate {
  return generation === '2019' || valuesRead === ACTIVE_2019.size ? ACTIVE_2019 : ACTIVE_2021;
}

export function activeCells(template: ActiveTemplate): ActiveCell[] {
  return template.rows.flatMap((r) => r.cells);
}

// ---------------------------------------------------------------- table 四 (review)

export interface ReviewBlock {
  /** 行政复议 / 行政诉讼 */
  label: string;
  /** For 行政诉讼: 未经复议直接起诉 / 复议后起诉. */
  sub: string | null;
}

const LAWSUIT = '行政诉讼';
export const REVIEW_BLOCKS: readonly ReviewBlock[] = [
  { label: '行政复议', sub: null },
  { label: LAWSUIT, sub: '未经复议直接起诉' },
  { label: LAWSUIT, sub: '复议后起诉' },
];
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
/** Column of each block's total (= the four before it). */
export const REVIEW_TOTAL_COLUMN = REVIEW_COLUMNS.length - 1;
export const REVIEW_SIZE = REVIEW_BLOCKS.length * REVIEW_COLUMNS.length;

/** "行政诉讼（复议后起诉）". */
export function reviewBlockName(block: number): string {
  const b = REVIEW_BLOCKS[block];
  if (!b) return `第${block + 1}组`;
  return b.sub ? `${b.label}（${b.sub}）` : b.label;
}

/** Index into the flat `review` list of a block's column. */
export function reviewIndex(block: number, col: number): number {
  return block * REVIEW_COLUMNS.length + col;
}

// ---------------------------------------------------------------- sizes

/** Number of values a table has in a generation (table 三: rows × columns). */
export function tableSize(table: TableId, generation: Generation | null): number {
  if (table === 'active') return activeTemplateFor(generation).size;
  if (table === 'review') return REVIEW_SIZE;
  return REQUESTS_SIZE.rows * REQUESTS_SIZE.cols;
}
