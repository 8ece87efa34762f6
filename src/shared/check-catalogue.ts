/**
 * What the app and the printed documents say about each check: Chinese title, default rubric dimension
 * (../shared/spec/CHECKS.md) and the rule it enforces. Precedence: what the caller passes in
 * `CheckInfoMap` → the check registry's meta (title, docs) → the built-in texts below.
 */

export interface CheckInfo {
  title: string;
  /** Rubric dimension, e.g. 数据准确; checks outside the rubric go to 其他（不计分）. */
  dimension?: string;
  /** The rule text quoted in the rectification notice. */
  docs?: string;
}

export type CheckInfoMap = Record<string, CheckInfo>;

export const UNSCORED_DIMENSION = '其他（不计分）';

/** Dimension order of the default rubric, for printing. */
export const DIMENSION_ORDER = ['时效与格式', '要素齐全', '数据准确', '内容翔实', '原创与文字', UNSCORED_DIMENSION];

const RULE_2021 = '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）';
const ART50 = '《中华人民共和国政府信息公开条例》第五十条';

export const DEFAULT_CHECKS: CheckInfoMap = {
  'sections.present': { title: '六个部分齐全', dimension: '要素齐全', docs: `${RULE_2021}规定年度报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成，按序编写，不能遗漏。` },
  'overview.aspects': { title: '总体情况五个方面', dimension: '内容翔实', docs: `${RULE_2021}要求第一部分总体情况涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面。` },
  'overview.art50-4': { title: '考核、评议和责任追究结果', docs: `${ART50}第（四）项要求人民政府的年度报告载明政府信息公开工作考核、社会评议和责任追究结果。` },
  'legacy.contents': { title: '旧版报告六项内容', dimension: '要素齐全', docs: '2008年《中华人民共和国政府信息公开条例》第三十二条列明了年度报告应当包括的内容，含收费及减免情况。' },
  'table.active.complete': { title: '表二填写完整', dimension: '要素齐全', docs: `${RULE_2021}附有主动公开政府信息情况统计表，所有栏目均应填写，无数据的填0。` },
  'table.requests.complete': { title: '表三填写完整', dimension: '要素齐全', docs: `${RULE_2021}附有收到和处理政府信息公开申请情况统计表（25行×7列），所有栏目均应填写，无数据的填0。` },
  'table.review.complete': { title: '表四填写完整', dimension: '要素齐全', docs: `${RULE_2021}附有政府信息公开行政复议、行政诉讼情况统计表，所有栏目均应填写，无数据的填0。` },
  'table.requests.labels': { title: '表三栏目与模板一致', docs: `${RULE_2021}规定了统计表的栏目，不得删减、合并或改名。` },
  'problems.measures': { title: '问题及改进措施具体', dimension: '内容翔实', docs: `${ART50}第（四）项要求报告政府信息公开工作存在的主要问题及改进情况；格式通知要求内容“不能遗漏，也不宜泛化”。` },
  'other.fee': { title: '信息处理费收取情况', dimension: '内容翔实', docs: `${RULE_2021}要求第六部分“其他需要报告的事项”说明依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况。` },
  'format.generation': { title: '使用现行报告格式', dimension: '时效与格式', docs: `2020年度及以后的年度报告应使用${RULE_2021}规定的格式。` },
  'period.full-year': { title: '统计期限为全年', dimension: '时效与格式', docs: '年度报告统计的是上一年度1月1日至12月31日的政府信息公开工作情况。' },
  identity: { title: '单位、年度、落款日期可识别', docs: '年度报告应载明报告单位、所报告的年度和成文日期。' },
  'requests.row-total': { title: '表三各行总计', dimension: '数据准确', docs: '表三每一行的“总计”应等于自然人与五类法人或其他组织之和。' },
  'requests.result-total': { title: '表三办理结果总计', dimension: '数据准确', docs: '表三“（七）总计”应等于（一）至（六）各项办理结果之和。' },
  'requests.balance': { title: '表三勾稽关系', dimension: '数据准确', docs: `${RULE_2021}表三注明：本列数据的勾稽关系为第一项加第二项之和，等于第三项加第四项之和。` },
  'review.totals': { title: '表四各项总计', dimension: '数据准确', docs: '表四行政复议、行政诉讼各栏的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。' },
  'active.values': { title: '表二数值规范', docs: '表二应填写数字，收费金额以万元为单位，不得在单元格中另写单位。' },
  'requests.values': { title: '表三、表四数值规范', docs: '表三、表四各栏应填写非负整数。' },
  'narrative.requests': { title: '正文申请数与表三一致', dimension: '数据准确', docs: '正文所述政府信息公开申请数量应与表三统计数据一致。' },
  'narrative.normative': { title: '正文规章、规范性文件数与表二一致', dimension: '数据准确', docs: '正文所述规章、规范性文件的制发、废止、现行有效数量应与表二一致。' },
  'narrative.enumeration': { title: '正文分项数之和', dimension: '数据准确', docs: '正文“共N条（件），其中……”所列分项之和应等于总数。' },
  'narrative.percent': { title: '正文百分比', docs: '正文所述百分比应与其计算依据的数量相符。' },
  'narrative.review': { title: '正文复议诉讼表述与表四一致', docs: '正文关于行政复议、行政诉讼的表述应与表四一致。' },
  'narrative.fee': { title: '信息处理费表述与统计表一致', docs: '第六部分信息处理费的表述应与统计表数据相符。' },
  deadline: { title: '按时报送', dimension: '时效与格式', docs: '《中华人民共和国政府信息公开条例》第四十九条规定，政府部门应当于每年1月31日前向本级政府信息公开工作主管部门提交本部门上一年度政府信息公开工作年度报告。' },
  'year.consistency': { title: '年度表述一致', docs: '标题、统计数据和落款日期所反映的年度应当一致。' },
  'history.carryover': { title: '上年结转与上年报告衔接', docs: '本年度“上年结转”应等于上一年度报告“结转下年度继续办理”。' },
  'history.normative-stock': { title: '规范性文件存量衔接', docs: '上年现行有效件数加本年制发、减本年废止，应等于本年现行有效件数。' },
  'history.values-copied': { title: '统计数据未照抄上年', docs: '统计表应如实反映本年度数据，不得照抄上一年度。' },
  'history.repeated-text': { title: '未照搬上年报告', dimension: '原创与文字', docs: '年度报告应反映本年度工作，不得大篇幅照搬上一年度报告内容。' },
  'peer.repeated-text': { title: '未照搬其他单位报告', dimension: '原创与文字', docs: '年度报告应反映本单位工作实际，不得套用其他单位报告。' },
  'text.placeholder': { title: '无模板占位符', docs: '发布的年度报告不得残留“XX局”“××”“20XX年”等模板占位内容。' },
  'text.garbled': { title: '无乱码', dimension: '原创与文字', docs: '发布的年度报告应文字清晰，不得出现乱码、拼音注音等编码错误。' },
  'text.personal-info': { title: '未泄露个人信息', docs: '年度报告不得公开身份证号码、个人手机号码等个人信息。' },
  'other.local-items': { title: '本地要求报告事项', docs: '第六部分应报告本级政府信息公开工作主管部门要求的其他事项。' },
};
