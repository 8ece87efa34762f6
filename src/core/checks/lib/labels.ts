/** The template's labels (国办公开办函〔2021〕30号), for messages, boilerplate and label checks. */
import type { Generation } from '../../../shared/model.ts';

export const PART_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const REQUEST_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

/** Full template label of each canonical row of table 三 (0–24). */
export const REQUEST_ROWS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '(一)予以公开',
  '(二)部分公开',
  '(三)不予公开 1.属于国家秘密',
  '(三)不予公开 2.其他法律行政法规禁止公开',
  '(三)不予公开 3.危及“三安全一稳定”',
  '(三)不予公开 4.保护第三方合法权益',
  '(三)不予公开 5.属于三类内部事务信息',
  '(三)不予公开 6.属于四类过程性信息',
  '(三)不予公开 7.属于行政执法案卷',
  '(三)不予公开 8.属于行政查询事项',
  '(四)无法提供 1.本机关不掌握相关政府信息',
  '(四)无法提供 2.没有现成信息需要另行制作',
  '(四)无法提供 3.补正后申请内容仍不明确',
  '(五)不予处理 1.信访举报投诉类申请',
  '(五)不予处理 2.重复申请',
  '(五)不予处理 3.要求提供公开出版物',
  '(五)不予处理 4.无正当理由大量反复申请',
  '(五)不予处理 5.要求行政机关确认或重新出具已获取信息',
  '(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '(六)其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '(六)其他处理 3.其他',
  '(七)总计',
  '四、结转下年度继续办理',
] as const;

/** Group labels of table 三 that carry no values of their own. */
export const REQUEST_GROUP_LABELS = ['三、本年度办理结果', '(三)不予公开', '(四)无法提供', '(五)不予处理', '(六)其他处理', '申请人情况', '法人或其他组织'];

/** Short row name for messages: "第一行（本年新收）". */
export function requestRowName(row: number): string {
  const label = REQUEST_ROWS[row] ?? `第${row + 1}行`;
  return `“${label.length > 24 ? `${label.slice(0, 23)}…` : label}”行`;
}

export function requestColumnName(col: number): string {
  return `“${REQUEST_COLUMNS[col] ?? `第${col + 1}列`}”列`;
}

export const REVIEW_BLOCKS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'] as const;
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

export function reviewCellName(index: number): string {
  return `${REVIEW_BLOCKS[Math.floor(index / 5)] ?? ''}“${REVIEW_COLUMNS[index % 5] ?? ''}”`;
}

const ACTIVE_2021 = [
  '规章·本年制发件数', '规章·本年废止件数', '规章·现行有效件数',
  '行政规范性文件·本年制发件数', '行政规范性文件·本年废止件数', '行政规范性文件·现行有效件数',
  '行政许可·本年处理决定数量', '行政处罚·本年处理决定数量', '行政强制·本年处理决定数量',
  '行政事业性收费·本年收费金额(万元)',
];
const ACTIVE_2019 = [
  '规章·本年新制作数量', '规章·本年新公开数量', '规章·对外公开总数量',
  '规范性文件·本年新制作数量', '规范性文件·本年新公开数量', '规范性文件·对外公开总数量',
  '行政许可·上一年项目数量', '行政许可·本年增/减', '行政许可·处理决定数量',
  '其他对外管理服务事项·上一年项目数量', '其他对外管理服务事项·本年增/减', '其他对外管理服务事项·处理决定数量',
  '行政处罚·上一年项目数量', '行政处罚·本年增/减', '行政处罚·处理决定数量',
  '行政强制·上一年项目数量', '行政强制·本年增/减', '行政强制·处理决定数量',
  '行政事业性收费·上一年项目数量', '行政事业性收费·本年增/减',
  '政府集中采购·采购项目数量', '政府集中采购·采购总金额',
];

export function activeLabels(generation: Generation): string[] {
  return generation === '2019' ? ACTIVE_2019 : ACTIVE_2021;
}

export function activeCellName(generation: Generation, index: number): string {
  return `“${activeLabels(generation)[index] ?? `第${index + 1}项`}”`;
}

/** Expected number of values of table 二 for the generation. */
export function activeLength(generation: Generation): number {
  return generation === '2019' ? 22 : 10;
}

/** Indexes of table 二 that may hold decimals (amounts) and negatives (本年增/减). */
export function activeDecimalIndexes(generation: Generation): number[] {
  return generation === '2019' ? [21] : [9];
}
export function activeSignedIndexes(generation: Generation): number[] {
  return generation === '2019' ? [7, 10, 13, 16, 19] : [];
}
