/**
 * The template rows of the three statistical tables (DOMAIN.md), with the keywords that identify
 * each row's label in any rendering: labels are wrapped, abbreviated, padded with spaces or written in
 * traditional script, so rows are found by distinctive keywords (compact simplified text), never by position.
 */

export interface TemplateRow {
  index: number;
  /** The template's label (for display and the labels check). */
  label: string;
  /** Distinctive substrings of the compact label; longer keys are stronger evidence. */
  keys: string[];
  /** A regular expression the whole leaf label may match instead (for generic labels like "3.其他"). */
  leafPattern?: RegExp;
}

export const REQUEST_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

export const REQUEST_ROWS: TemplateRow[] = [
  { index: 0, label: '一、本年新收政府信息公开申请数量', keys: ['本年新收', '新收政府信息公开申请', '新收'] },
  { index: 1, label: '二、上年结转政府信息公开申请数量', keys: ['上年结转', '上年度结转'] },
  { index: 2, label: '(一)予以公开', keys: ['予以公开'] },
  { index: 3, label: '(二)部分公开', keys: ['部分公开', '区分处理'] },
  { index: 4, label: '1.属于国家秘密', keys: ['国家秘密'] },
  { index: 5, label: '2.其他法律行政法规禁止公开', keys: ['法律行政法规禁止', '法规禁止公开', '禁止公开'] },
  { index: 6, label: '3.危及“三安全一稳定”', keys: ['三安全一稳定', '安全一稳定', '危及'] },
  { index: 7, label: '4.保护第三方合法权益', keys: ['第三方合法权益', '保护第三方', '第三方'] },
  { index: 8, label: '5.属于三类内部事务信息', keys: ['三类内部事务', '内部事务'] },
  { index: 9, label: '6.属于四类过程性信息', keys: ['四类过程性', '过程性信息', '过程性'] },
  { index: 10, label: '7.属于行政执法案卷', keys: ['行政执法案卷', '执法案卷'] },
  { index: 11, label: '8.属于行政查询事项', keys: ['行政查询事项', '查询事项', '行政查询'] },
  { index: 12, label: '1.本机关不掌握相关政府信息', keys: ['本机关不掌握', '不掌握'] },
  { index: 13, label: '2.没有现成信息需要另行制作', keys: ['没有现成信息', '另行制作', '现成信息'] },
  { index: 14, label: '3.补正后申请内容仍不明确', keys: ['补正后申请内容', '仍不明确', '补正后'] },
  { index: 15, label: '1.信访举报投诉类申请', keys: ['信访举报投诉', '举报投诉', '信访'] },
  { index: 16, label: '2.重复申请', keys: ['重复申请'] },
  { index: 17, label: '3.要求提供公开出版物', keys: ['公开出版物', '出版物'] },
  { index: 18, label: '4.无正当理由大量反复申请', keys: ['大量反复', '反复申请'] },
  { index: 19, label: '5.要求行政机关确认或重新出具已获取信息', keys: ['确认或重新出具', '重新出具', '已获取信息'] },
  { index: 20, label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', keys: ['逾期不补正', '不补正'] },
  { index: 21, label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', keys: ['收费通知', '缴纳费用', '逾期未按'] },
  { index: 22, label: '3.其他', keys: [], leafPattern: /^(\(?[0-9一二三四五六七八九十]+[).、]?)?其他(处理)?$/ },
  { index: 23, label: '(七)总计', keys: [], leafPattern: /^(\(?[七7][).、]?)?(总计|合计)$/ },
  { index: 24, label: '四、结转下年度继续办理', keys: ['结转下年度', '继续办理', '结转下年'] },
];

/** Group labels of table 三: a row whose leaf is one of these is a subtotal (or a 2019 single row). */
export const REQUEST_GROUP_PATTERN = /^(三、?)?(\(?[一二三四五六七1-7][).、]?)?(本年度办理结果|不予公开|无法提供|不予处理|其他处理)(\(?(总计|小计|合计)\)?)?$/;

export interface ActiveRowTemplate {
  label: string;
  keys: string[];
  /** Index of the first canonical value and how many values the row holds. */
  start: number;
  count: number;
}

/** Table 二, 2021 format: 10 values. */
export const ACTIVE_2021: ActiveRowTemplate[] = [
  { label: '规章', keys: ['规章'], start: 0, count: 3 },
  { label: '行政规范性文件', keys: ['规范性文件'], start: 3, count: 3 },
  { label: '行政许可', keys: ['行政许可'], start: 6, count: 1 },
  { label: '行政处罚', keys: ['行政处罚'], start: 7, count: 1 },
  { label: '行政强制', keys: ['行政强制'], start: 8, count: 1 },
  { label: '行政事业性收费', keys: ['行政事业性收费', '事业性收费'], start: 9, count: 1 },
];

/** Table 二, 2019 trial format: 22 values. */
export const ACTIVE_2019: ActiveRowTemplate[] = [
  { label: '规章', keys: ['规章'], start: 0, count: 3 },
  { label: '规范性文件', keys: ['规范性文件'], start: 3, count: 3 },
  { label: '行政许可', keys: ['行政许可'], start: 6, count: 3 },
  { label: '其他对外管理服务事项', keys: ['其他对外管理服务', '对外管理服务'], start: 9, count: 3 },
  { label: '行政处罚', keys: ['行政处罚'], start: 12, count: 3 },
  { label: '行政强制', keys: ['行政强制'], start: 15, count: 3 },
  { label: '行政事业性收费', keys: ['行政事业性收费', '事业性收费'], start: 18, count: 2 },
  { label: '政府集中采购', keys: ['政府集中采购', '集中采购'], start: 20, count: 2 },
];

/** Header words that only the 2019 trial table 二 has. */
export const ACTIVE_2019_MARKERS = ['新制作数量', '新公开数量', '上一年项目数量', '本年增/减', '本年增减', '政府集中采购', '其他对外管理服务', '采购总金额'];

export const REVIEW_BLOCKS = ['行政复议', '行政诉讼(未经复议直接起诉)', '行政诉讼(复议后起诉)'] as const;
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
