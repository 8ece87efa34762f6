/**
 * Row and column labels of the three statistical tables as printed on the audit sheet
 * (template order, ../shared/spec/DOMAIN.md). Display only: parsing has its own label matching.
 */
import type { Generation, TableId } from './model.ts';

export const TABLE_TITLES: Record<TableId, string> = {
  active: '表二 主动公开政府信息情况',
  requests: '表三 收到和处理政府信息公开申请情况',
  review: '表四 政府信息公开行政复议、行政诉讼情况',
};

export const TABLE_SHORT: Record<TableId, string> = { active: '表二', requests: '表三', review: '表四' };

/** Table 二, 2021 format: one line per row, three value columns (only the first rows use all three). */
export interface ActiveRowLayout {
  group: string;
  label: string;
  /** Indexes into `active` for each printed column (null = no cell in the template). */
  cells: (number | null)[];
}

export interface ActiveLayout {
  columns: string[];
  rows: ActiveRowLayout[];
}

export const ACTIVE_2021: ActiveLayout = {
  columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
  rows: [
    { group: '第二十条第(一)项', label: '规章', cells: [0, 1, 2] },
    { group: '第二十条第(一)项', label: '行政规范性文件', cells: [3, 4, 5] },
    { group: '第二十条第(五)项', label: '行政许可（本年处理决定数量）', cells: [6, null, null] },
    { group: '第二十条第(六)项', label: '行政处罚（本年处理决定数量）', cells: [7, null, null] },
    { group: '第二十条第(六)项', label: '行政强制（本年处理决定数量）', cells: [8, null, null] },
    { group: '第二十条第(八)项', label: '行政事业性收费（本年收费金额，万元）', cells: [9, null, null] },
  ],
};

export const ACTIVE_2019: ActiveLayout = {
  columns: ['第一列', '第二列', '第三列'],
  rows: [
    { group: '第二十条第(一)项 本年新制作/新公开/对外公开总数', label: '规章', cells: [0, 1, 2] },
    { group: '第二十条第(一)项 本年新制作/新公开/对外公开总数', label: '规范性文件', cells: [3, 4, 5] },
    { group: '第二十条第(五)项 上一年项目数/本年增减/处理决定数', label: '行政许可', cells: [6, 7, 8] },
    { group: '第二十条第(五)项 上一年项目数/本年增减/处理决定数', label: '其他对外管理服务事项', cells: [9, 10, 11] },
    { group: '第二十条第(六)项 上一年项目数/本年增减/处理决定数', label: '行政处罚', cells: [12, 13, 14] },
    { group: '第二十条第(六)项 上一年项目数/本年增减/处理决定数', label: '行政强制', cells: [15, 16, 17] },
    { group: '第二十条第(八)项 上一年项目数/本年增减', label: '行政事业性收费', cells: [18, 19, null] },
    { group: '第二十条第(九)项 采购项目数/采购总金额', label: '政府集中采购', cells: [20, 21, null] },
  ],
};

export function activeLayout(generation: Generation | null, length: number): ActiveLayout {
  return generation === '2019' || length === 22 ? ACTIVE_2019 : ACTIVE_2021;
}

/** Label of one `active` index, for evidence lines ("规章·本年制发件数"). */
export function activeCellLabel(index: number, generation: Generation | null, length: number): string {
  const layout = activeLayout(generation, length);
  for (const row of layout.rows) {
    const col = row.cells.indexOf(index);
    if (col >= 0) return row.cells.filter((c) => c !== null).length > 1 ? `${row.label}·${layout.columns[col]}` : row.label;
  }
  return `第${index + 1}项`;
}

export const REQUEST_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Table 三 rows: label, indentation level, and group headings (no cells) printed before some rows. */
export const REQUEST_ROWS: { label: string; indent: number; before?: { label: string; indent: number }[] }[] = [
  { label: '一、本年新收政府信息公开申请数量', indent: 0 },
  { label: '二、上年结转政府信息公开申请数量', indent: 0 },
  { label: '（一）予以公开', indent: 1, before: [{ label: '三、本年度办理结果', indent: 0 }] },
  { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', indent: 1 },
  { label: '1.属于国家秘密', indent: 2, before: [{ label: '（三）不予公开', indent: 1 }] },
  { label: '2.其他法律行政法规禁止公开', indent: 2 },
  { label: '3.危及“三安全一稳定”', indent: 2 },
  { label: '4.保护第三方合法权益', indent: 2 },
  { label: '5.属于三类内部事务信息', indent: 2 },
  { label: '6.属于四类过程性信息', indent: 2 },
  { label: '7.属于行政执法案卷', indent: 2 },
  { label: '8.属于行政查询事项', indent: 2 },
  { label: '1.本机关不掌握相关政府信息', indent: 2, before: [{ label: '（四）无法提供', indent: 1 }] },
  { label: '2.没有现成信息需要另行制作', indent: 2 },
  { label: '3.补正后申请内容仍不明确', indent: 2 },
  { label: '1.信访举报投诉类申请', indent: 2, before: [{ label: '（五）不予处理', indent: 1 }] },
  { label: '2.重复申请', indent: 2 },
  { label: '3.要求提供公开出版物', indent: 2 },
  { label: '4.无正当理由大量反复申请', indent: 2 },
  { label: '5.要求行政机关确认或重新出具已获取信息', indent: 2 },
  { label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', indent: 2, before: [{ label: '（六）其他处理', indent: 1 }] },
  { label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', indent: 2 },
  { label: '3.其他', indent: 2 },
  { label: '（七）总计', indent: 1 },
  { label: '四、结转下年度继续办理', indent: 0 },
];

/** Short row names for evidence lines (the group is added for sub-rows: "（三）不予公开 1.属于国家秘密"). */
export function requestRowLabel(row: number): string {
  const parents = ['', '', '', '', '（三）', '（三）', '（三）', '（三）', '（三）', '（三）', '（三）', '（三）', '（四）', '（四）', '（四）', '（五）', '（五）', '（五）', '（五）', '（五）', '（六）', '（六）', '（六）', '', ''];
  const r = REQUEST_ROWS[row];
  if (!r) return `第${row + 1}行`;
  const short = r.label.replace(/（区分处理的.*）$/, '').replace(/政府信息公开申请$/, '').replace(/^(\d)\.申请人(.{0,10}).*$/, '$1.申请人$2…');
  return `${parents[row] ?? ''}${short}`;
}

export const REVIEW_BLOCKS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export function reviewCellLabel(index: number): string {
  const block = REVIEW_BLOCKS[Math.floor(index / 5)] ?? '';
  return `${block}·${REVIEW_COLUMNS[index % 5] ?? ''}`;
}

/** Human description of a table cell: "表三 （七）总计 / 总计列". */
export function cellLabel(table: TableId, row: number | undefined, col: number | undefined, generation: Generation | null, activeLength: number): string {
  if (table === 'requests') {
    const parts = [TABLE_SHORT.requests];
    if (row !== undefined) parts.push(requestRowLabel(row));
    if (col !== undefined) parts.push(`${REQUEST_COLUMNS[col] ?? `第${col + 1}`}列`);
    return parts.join(' ');
  }
  // active and review are flat lists: checks put the value index in `row` (checks/lib/evidence.ts).
  const index = row ?? col;
  if (index === undefined) return TABLE_SHORT[table];
  return `${TABLE_SHORT[table]} ${table === 'active' ? activeCellLabel(index, generation, activeLength) : reviewCellLabel(index)}`;
}
