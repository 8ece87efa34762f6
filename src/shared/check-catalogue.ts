/**
 * The check catalogue: every check's metadata (../shared/spec/CHECKS.md), in catalogue order. Each check in
 * src/core/checks takes its meta from here (checkMeta), and the screen, the printed documents, the CLI and the
 * exports name checks from here too, so a check has one title and one rule text everywhere. Template labels
 * in the rule texts come from the report template (./template).
 */
import type { CheckCategory, Generation, PartNumber, ScoreResult, Severity, Verdict } from './model.ts';
import {
  ACTIVE_2019,
  ACTIVE_2021,
  LEGACY_ITEMS,
  NORMATIVE_DOCUMENTS,
  partName,
  partTitle,
  REQUEST_COLUMNS,
  REQUEST_HEADER,
  REQUEST_HEADINGS,
  REQUEST_ROW,
  REQUEST_ROWS,
  requestHeadingName,
  requestRowShort,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
} from './template/index.ts';

export interface CheckMeta {
  /** Stable id from ../shared/spec/CHECKS.md (used in exports, rubrics and tests). */
  id: string;
  /** Short Chinese title shown to reviewers. */
  title: string;
  category: CheckCategory;
  severity: Severity;
  /** The dimension of the default rubric the check counts in (src/core/score/default-rubric.json); none: not scored. */
  dimension?: string;
  /** Profiles in which the check applies; elsewhere it yields `na`. Omitted = all. */
  profiles?: readonly Generation[];
  /**
   * The check compares the report with other reports (context.previous or context.peers). Only such checks
   * can change when other reports arrive; every other check depends on the report and the options alone.
   */
  comparesReports?: true;
  /**
   * The check compares the report with the other reports of the same year (context.peers, context.peerIndex).
   * Such a check runs where a year's peers are held (the import's peer cache, or for a large year the peer
   * thread, which holds the reports' narrative only), after the other checks, which run in a worker thread
   * under the time limit without the peers. Implies comparesReports.
   */
  comparesPeers?: true;
  /**
   * Whose task a failure of the check is. Omitted: the department's (the rectification notice lists it).
   * 'office': the office's own record or reading (when the report was received, values read by OCR); it stays
   * on the audit sheet and never goes on the notice. Doubts (uncertain findings) of any check are the
   * reviewer's to settle and reach the notice only once confirmed.
   */
  fixedBy?: 'office';
  /** One paragraph in Chinese: what is checked and which rule requires it (quoted in the rectification notice). */
  docs: string;
}

const part = partName;
const heading = requestHeadingName;
/** Words of the template the rule texts quote. */
const ACTIVE_ROW = (i: number): string => ACTIVE_2021.rows[i]!.label;
const RULES_AND_NORMATIVE = `${ACTIVE_ROW(0)}、${NORMATIVE_DOCUMENTS}`;
const RECONSIDERATION = REVIEW_BLOCKS[0]!.label;
const LAWSUIT = REVIEW_BLOCKS[1]!.label;
const RESULTS_TOTAL = REQUEST_ROWS[REQUEST_ROW.total]!.label;
/** The 2019 trial table 二's signed column (increase/decrease). */
const SIGNED_2019 = ACTIVE_2019.rows.flatMap((r) => r.cells).find((c) => c.signed)!.column;

export const CHECK_CATALOGUE = [
  {
    id: 'sections.present',
    title: '六部分齐全有序',
    category: '结构',
    severity: 'error',
    dimension: '要素齐全',
    profiles: ['2021', '2019'],
    docs: `依据《中华人民共和国政府信息公开条例》第五十条和国办公开办函〔2021〕30号规定的年报格式，年度报告应依次包含“${partTitle(1)}”至“${partTitle(6)}”六个部分，标题可辨认。缺少某一部分或次序颠倒的，逐项列出。`,
  },
  {
    id: 'overview.aspects',
    title: `${part(1)}五个方面`,
    category: '内容',
    severity: 'warning',
    dimension: '内容翔实',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号要求“${part(1)}”部分从主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面报告全年工作，内容“不能遗漏，也不宜泛化”。本检查逐项查找这五个方面，列出未涉及的方面。`,
  },
  {
    id: 'overview.art50-4',
    title: '考核、评议和责任追究结果',
    category: '内容',
    severity: 'warning',
    profiles: ['2021', '2019'],
    docs: '《中华人民共和国政府信息公开条例》第五十条第四项要求各级人民政府的年度报告载明政府信息公开工作考核、社会评议和责任追究结果情况。本检查只适用于人民政府、街道办事处等政府机关的年报，政府部门的年报为“不适用”。',
  },
  {
    id: 'legacy.contents',
    title: '旧版年报法定内容',
    category: '结构',
    severity: 'error',
    dimension: '要素齐全',
    profiles: ['legacy'],
    docs: `2008年《中华人民共和国政府信息公开条例》第三十二条规定年度报告应包括：${LEGACY_ITEMS.slice(1, 5).join('；')}；${part(5)}；${part(6)}。本检查只用于2008—2018年度按旧格式编写的年报，逐项查找前五项。`,
  },
  {
    id: 'table.active.complete',
    title: '表二填写完整',
    category: '结构',
    severity: 'error',
    dimension: '要素齐全',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号规定的年报格式要求第二部分以统一表格（表二）列出${part(2)}：${ACTIVE_ROW(0)}和${ACTIVE_ROW(1)}的制发、废止、${ACTIVE_2021.rows[1]!.cells[2]!.column}，${[2, 3, 4].map(ACTIVE_ROW).join('、')}的${ACTIVE_2021.rows[2]!.cells[0]!.column.replace(/^本年/, '')}和${ACTIVE_ROW(5)}金额。表格缺失或有空白单元格（数值为0也应填写0）均不符合要求。`,
  },
  {
    id: 'table.requests.complete',
    title: '表三填写完整',
    category: '结构',
    severity: 'error',
    dimension: '要素齐全',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号规定第三部分以统一表格（表三）报告${part(3)}，共${REQUEST_ROWS.length}行、${REQUEST_COLUMNS.length}列（${REQUEST_COLUMNS[0]}、五类${REQUEST_HEADER.legalPersons}、总计）。表格缺失或任一单元格空白（数值为0也应填写0；“/”“-”“无”视为未填写）均不符合要求。`,
  },
  {
    id: 'table.review.complete',
    title: '表四填写完整',
    category: '结构',
    severity: 'error',
    dimension: '要素齐全',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号规定第四部分以统一表格（表四）报告${part(4)}，共${REVIEW_BLOCKS.length * REVIEW_COLUMNS.length}个数值（${RECONSIDERATION}、${REVIEW_BLOCKS.slice(1).map((b) => b.sub).join('、')}各${REVIEW_COLUMNS.length}项）。表格缺失或有空白单元格均不符合要求；未发生复议、诉讼的应填写0。`,
  },
  {
    id: 'table.requests.labels',
    title: '表三行标签规范',
    category: '结构',
    severity: 'warning',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号统一了表三的行项目（本年新收、上年结转、七类办理结果及其细项、${requestRowShort(24)}），不得遗漏、合并或改名，以便上级汇总。自行增加的小计行应当能够识别，且不计入合计。本检查核对表三的行标签与模板一致。`,
  },
  {
    id: 'problems.measures',
    title: '问题与改进措施',
    category: '内容',
    severity: 'error',
    dimension: '内容翔实',
    docs: `《中华人民共和国政府信息公开条例》第五十条第四项要求年度报告载明政府信息公开工作${part(5)}。第五部分应当既写明具体问题，又写明有针对性的改进措施；空白、写“无”或只列问题不写措施的，均不符合要求。`,
  },
  {
    id: 'other.fee',
    title: '信息处理费说明',
    category: '内容',
    severity: 'error',
    dimension: '内容翔实',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号要求在第六部分“${part(6)}”中报告依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况：写明收费金额，或明确写明未收取。第六部分未作说明的不符合要求。该要求自2021年度年报起适用。`,
  },
  {
    id: 'format.generation',
    title: '年报格式版本',
    category: '结构',
    severity: 'error',
    dimension: '时效与格式',
    docs: '2021年度起的年报应使用国办公开办函〔2021〕30号规定的格式；2019—2020年度年报使用国办公开办函〔2019〕60号试行格式（或更新的格式）；2008—2018年度年报按2008年条例第三十二条编写。本检查比较识别出的格式版本与报告年度，使用过时格式的判为不符合。',
  },
  {
    id: 'period.full-year',
    title: '统计期限为全年',
    category: '内容',
    severity: 'error',
    dimension: '时效与格式',
    docs: '《中华人民共和国政府信息公开条例》第四十九条、第五十条规定年度报告报告上一年度的政府信息公开工作，统计数据应覆盖1月1日至12月31日全年。报告声明的统计期限短于全年（如“1月1日至12月15日”）的不符合要求；未声明统计期限的视为全年。',
  },
  {
    id: 'identity',
    title: '单位、年度和落款日期',
    category: '结构',
    severity: 'warning',
    docs: '年度报告应能确定报告单位、报告年度和落款日期，以便主管部门登记、核对报送时限（条例第四十九条）。标题只写“我局”、未落款或未署日期的，列出无法确定的项目，需由审核人员补登。单位名称中夹有不可见字符（方向控制符、零宽字符）的，去除后登记并提示核对。',
  },
  {
    id: 'requests.row-total',
    title: '表三各行总计',
    category: '数据',
    severity: 'error',
    dimension: '数据准确',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号表三中，每一行的“总计”应等于${REQUEST_COLUMNS[0]}与${REQUEST_COLUMNS.slice(1, 6).join('、')}五类${REQUEST_HEADER.legalPersons}之和。本检查逐行核对，列出总计不符的行及各列数值。`,
  },
  {
    id: 'requests.result-total',
    title: '表三办理结果总计',
    category: '数据',
    severity: 'error',
    dimension: '数据准确',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号表三中，“三、${heading(0)}”下的“${RESULTS_TOTAL}”应等于${REQUEST_ROWS[REQUEST_ROW.firstResult]!.label}至${REQUEST_HEADINGS.at(-1)!.label}各项（含全部细项）之和。本检查逐列核对，自行增加的小计行不计入。`,
  },
  {
    id: 'requests.balance',
    title: '表三勾稽关系',
    category: '数据',
    severity: 'error',
    dimension: '数据准确',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号表三注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，即本年新收+上年结转=${heading(0)}${RESULTS_TOTAL}+${requestRowShort(REQUEST_ROW.carriedForward)}。本检查逐列核对。`,
  },
  {
    id: 'review.totals',
    title: '表四总计',
    category: '数据',
    severity: 'error',
    dimension: '数据准确',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号表四中，${RECONSIDERATION}、${REVIEW_BLOCKS.slice(1).map((b) => b.sub).join('、')}三组数据的“总计”应分别等于${REVIEW_COLUMNS.slice(0, -1).join('、')}之和。本检查逐组核对。`,
  },
  {
    id: 'active.values',
    title: '表二数值规范',
    category: '数据',
    severity: 'warning',
    profiles: ['2021', '2019'],
    docs: `国办公开办函〔2021〕30号表二的件数、数量应为非负整数，${ACTIVE_2021.rows[5]!.label}金额以“万元”为单位，可有小数；2019年试行格式的“${SIGNED_2019}”可为负数。单元格内写入单位（如“251000元”）属于单位错误，无法汇总。`,
  },
  {
    id: 'requests.values',
    title: '表三、表四数值规范',
    category: '数据',
    severity: 'warning',
    profiles: ['2021', '2019'],
    docs: '国办公开办函〔2021〕30号表三、表四统计的是申请件数和复议、诉讼案件数，每个单元格应为非负整数。负数、小数或在单元格内写单位的，均无法汇总，不符合要求。',
  },
  {
    id: 'narrative.requests',
    title: '正文申请数与表三一致',
    category: '数据',
    severity: 'error',
    dimension: '数据准确',
    profiles: ['2021', '2019'],
    docs: `《中华人民共和国政府信息公开条例》第五十条要求年报如实报告收到和处理政府信息公开申请的情况。正文中“收到/新收/承办……申请N件”“上年结转N件”“结转下年度N件”等表述应与表三的本年新收、上年结转、${requestRowShort(24)}数据一致（国办公开办函〔2021〕30号）。`,
  },
  {
    id: 'narrative.normative',
    title: `正文${RULES_AND_NORMATIVE}数与表二一致`,
    category: '数据',
    severity: 'warning',
    dimension: '数据准确',
    profiles: ['2021'],
    docs: `国办公开办函〔2021〕30号表二列出规章、${ACTIVE_2021.rows[1]!.label}本年制发、本年废止和${ACTIVE_2021.rows[1]!.cells[2]!.column}。正文中关于制发、废止或现行有效的${RULES_AND_NORMATIVE}件数的表述应与表二一致；仅提到公开、解读文件的句子不作比较。`,
  },
  {
    id: 'narrative.enumeration',
    title: '正文分项之和',
    category: '数据',
    severity: 'warning',
    dimension: '数据准确',
    docs: '《中华人民共和国政府信息公开条例》第五十条要求年报如实报告工作情况，国办公开办函〔2021〕30号要求数据准确。正文中“共N条（件），其中……”的分项数字之和应等于总数；分项之和大于总数，或列举完整却小于总数的，均为数据错误。',
  },
  {
    id: 'narrative.percent',
    title: '正文百分比',
    category: '数据',
    severity: 'info',
    docs: '国办公开办函〔2021〕30号要求年报数据准确。正文中“其中某类N条，占总数的X%”一类表述，百分比应与分项数和总数相符（按所写的小数位四舍五入）。',
  },
  {
    id: 'narrative.review',
    title: '正文复议诉讼与表四一致',
    category: '数据',
    severity: 'warning',
    profiles: ['2021', '2019'],
    docs: `《中华人民共和国政府信息公开条例》第五十条要求年报报告因政府信息公开工作被申请${RECONSIDERATION}、提起${LAWSUIT}的情况。正文中“未发生${RECONSIDERATION}、${LAWSUIT}”或“${RECONSIDERATION}N件”等表述应与表四（国办公开办函〔2021〕30号）的总计一致。`,
  },
  {
    id: 'narrative.fee',
    title: '信息处理费与表三一致',
    category: '数据',
    severity: 'warning',
    profiles: ['2021', '2019'],
    docs: '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），信息处理费只能在办理政府信息公开申请时收取。第六部分称收取了信息处理费，而表三显示全年没有收到也没有结转任何申请的，两者矛盾。',
  },
  {
    id: 'deadline',
    title: '报送时限',
    category: '时效',
    severity: 'error',
    dimension: '时效与格式',
    // Lateness is recorded by the office; the department cannot correct it in the report.
    fixedBy: 'office',
    docs: '《中华人民共和国政府信息公开条例》第四十九条规定，政府部门应于每年1月31日前向本级政府信息公开工作主管部门提交上一年度年报（地方人民政府于3月31日前公布）；2008年条例第三十一条规定的期限为3月31日。主管部门可另定日期。本检查以主管部门登记的收到日期为准，没有时以落款日期判断；未署日期的无法判断。',
  },
  {
    id: 'year.consistency',
    title: '年度前后一致',
    category: '时效',
    severity: 'warning',
    docs: '年度报告报告的是上一年度的工作（条例第四十九条）：标题中的年度、统计期限的年度应与报告年度一致，落款日期应在报告年度或其次年。年度相互矛盾的，多为套用往年模板未改全。',
  },
  {
    id: 'history.carryover',
    title: '上年结转与上年年报衔接',
    category: '跨年',
    severity: 'warning',
    profiles: ['2021', '2019'],
    comparesReports: true,
    docs: `国办公开办函〔2021〕30号表三中，本年度“二、${requestRowShort(1)}”应等于同一单位上一年度年报的“四、${requestRowShort(24)}”。两者不一致说明其中一年的数据有误。没有上一年度年报时不适用。`,
  },
  {
    id: 'history.normative-stock',
    title: `${RULES_AND_NORMATIVE}存量衔接`,
    category: '跨年',
    severity: 'info',
    profiles: ['2021'],
    comparesReports: true,
    docs: `国办公开办函〔2021〕30号表二列出规章、${ACTIVE_2021.rows[1]!.label}的本年制发、本年废止和${ACTIVE_2021.rows[1]!.cells[2]!.column}。上年度${ACTIVE_2021.rows[1]!.cells[2]!.column}加本年制发、减本年废止，应等于本年度${ACTIVE_2021.rows[1]!.cells[2]!.column}；不一致时需核实（也可能有因其他原因失效的文件）。`,
  },
  {
    id: 'history.values-copied',
    title: '统计数据照抄上年',
    category: '跨年',
    severity: 'warning',
    profiles: ['2021', '2019'],
    comparesReports: true,
    docs: '年度报告应如实反映本年度情况（条例第五十条）。统计表与同一单位上一年度年报逐格相同（全为0的表除外），多为照抄往年数据，需要核实。',
  },
  {
    id: 'history.repeated-text',
    title: '正文与上年雷同',
    category: '原创',
    severity: 'warning',
    dimension: '原创与文字',
    comparesReports: true,
    docs: `年度报告应反映本年度的工作和问题（条例第五十条；国办公开办函〔2021〕30号要求内容“不能遗漏，也不宜泛化”）。本检查将“${part(1)}”和“${part(5)}”两部分与同一单位上一年度年报比较（去除模板固定文字，按8字片段计算相似度），相似度达到70%的判为雷同，并列出重复段落。`,
  },
  {
    id: 'peer.repeated-text',
    title: '正文与其他单位雷同',
    category: '原创',
    severity: 'warning',
    dimension: '原创与文字',
    comparesReports: true,
    comparesPeers: true,
    docs: `各单位年报应如实报告本单位工作（条例第五十条）。本检查将“${part(1)}”和“${part(5)}”与同一批次其他单位的年报比较，去除国办公开办函〔2021〕30号模板的标题、表格项目和固定句子后按8字片段计算相似度，达到80%的判为雷同，并指出对方单位和重复段落。`,
  },
  {
    id: 'text.placeholder',
    title: '模板占位符未替换',
    category: '文字',
    severity: 'error',
    docs: '年度报告应以本单位名义如实编写（条例第四十九条、第五十条）。正文残留“XX局”“××”“20XX年”“【填写】”等模板占位符，说明套用模板后未填写完整，发布前必须改正。',
  },
  {
    id: 'text.garbled',
    title: '乱码和拼音残留',
    category: '文字',
    severity: 'error',
    dimension: '原创与文字',
    docs: '年度报告须向社会公开（条例第四十九条），文字应完整可读。编码错误造成的乱码（替换字符“�”、“锟斤拷”、西文乱码）以及从网页复制带入的注音（如“據(jù)”）都会使公开文本无法阅读，应当改正。',
  },
  {
    id: 'text.personal-info',
    title: '个人信息泄露',
    category: '文字',
    severity: 'error',
    docs: '《中华人民共和国政府信息公开条例》第十五条规定，涉及个人隐私的政府信息不得公开（第三方同意或公共利益需要的除外）。年度报告向社会公开，不应出现公民身份号码、私人手机号码等个人信息；办公电话属正常公开的联系方式。证据中的号码已打码。',
  },
  {
    id: 'other.local-items',
    title: '本地要求的其他事项',
    category: '内容',
    severity: 'warning',
    docs: `国办公开办函〔2021〕30号规定第六部分报告“${part(6)}”，各地主管部门常要求在此报告政务公开工作要点落实情况、人大代表建议和政协提案办理结果公开情况等。本检查按主管部门配置的关键词逐项查找第六部分；未配置时不适用。`,
  },
  // Beyond the catalogue of CHECKS.md: the region government's tables against the roll-up of its departments.
  {
    id: 'region.rollup',
    title: '本级统计表与各单位汇总一致',
    category: '数据',
    severity: 'error',
    dimension: '数据准确',
    profiles: ['2021'],
    comparesReports: true,
    comparesPeers: true,
    docs: '地方人民政府的年度报告汇总本行政区域的政府信息公开工作（条例第四十九条、第五十条），其统计表（表二、表三、表四）应与本级各单位报送年报的统计表相加之和一致。本检查仅对本级人民政府自身的年报（如某县人民政府）适用：将各单位最新版本（含审核人员的更正）逐项相加，与本级年报逐个单元格比对，列出不一致的单元格及双方数值；有单位未能纳入汇总（未读取到统计表、使用旧版格式等）时，差异列为待人工核实。',
  },
  // Beyond the catalogue of CHECKS.md: values of scanned pages read with low confidence.
  {
    id: 'scan.ocr-confidence',
    title: '扫描件识别结果核对',
    category: '文字',
    severity: 'warning',
    fixedBy: 'office',
    docs: '年度报告须如实载明各项统计数据（条例第五十条）。扫描件没有文字层，其文字和表格数值由文字识别（OCR）读取；识别把握不大的数值和文字列在此处，附原件图像，请对照图像确认，读错的数值请在表格中更正。',
  },
] as const satisfies readonly CheckMeta[];

export type CheckId = (typeof CHECK_CATALOGUE)[number]['id'];

const BY_ID = new Map<string, CheckMeta>(CHECK_CATALOGUE.map((m) => [m.id, m]));

/** The metadata of a check of the catalogue. */
export function checkMeta(id: CheckId): CheckMeta {
  return BY_ID.get(id)!;
}

/** What documents and screens say about a check; callers may override it (CheckInfoMap). */
export interface CheckInfo {
  title: string;
  /** Rubric dimension, e.g. 数据准确; checks outside the rubric go to 其他（不计分）. */
  dimension?: string;
  /** The rule text quoted in the rectification notice. */
  docs?: string;
  /** 'office': failures are the office's own task and never go on the rectification notice (CheckMeta.fixedBy). */
  fixedBy?: 'office';
}

export type CheckInfoMap = Record<string, CheckInfo>;

export const UNSCORED_DIMENSION = '其他（不计分）';

/** Dimension order of the default rubric, for printing. */
export const DIMENSION_ORDER = ['时效与格式', '要素齐全', '数据准确', '内容翔实', '原创与文字', UNSCORED_DIMENSION];

/** Title, default dimension and rule text of every check of the catalogue. */
export const DEFAULT_CHECKS: CheckInfoMap = Object.fromEntries(
  CHECK_CATALOGUE.map((m): [string, CheckInfo] => [
    m.id,
    { title: m.title, docs: m.docs, ...('dimension' in m ? { dimension: m.dimension } : {}), ...('fixedBy' in m ? { fixedBy: m.fixedBy } : {}) },
  ]),
);

/** Title, dimension and rule text of one check: the caller's override, else the catalogue; unknown ids name themselves. */
export function checkInfo(id: string, overrides?: CheckInfoMap): CheckInfo {
  const base = BY_ID.get(id);
  const over = overrides?.[id];
  return {
    title: over?.title ?? base?.title ?? id,
    dimension: over?.dimension ?? base?.dimension,
    docs: over?.docs ?? base?.docs,
    fixedBy: over?.fixedBy ?? base?.fixedBy,
  };
}

/** Whether a finding goes on the rectification notice: a failure (confirmed doubts included) the department must fix. */
export function departmentMustFix(check: string, status: Verdict | 'dismissed', overrides?: CheckInfoMap): boolean {
  return status === 'fail' && checkInfo(check, overrides).fixedBy !== 'office';
}

/**
 * The dimension a check's findings are grouped under: the one its deduction was booked to when the score
 * says, else the caller's or the catalogue's, else 其他（不计分）. Used by the screen, the documents and the exports.
 */
export function dimensionOf(check: string, score: Pick<ScoreResult, 'deductions'> | null | undefined, overrides?: CheckInfoMap): string {
  const line = score?.deductions.find((d) => d.check === check);
  return line?.dimension ?? checkInfo(check, overrides).dimension ?? UNSCORED_DIMENSION;
}

/** Sort key of a dimension: the score's order first (the rubric in force), then the default order, then the rest. */
export function dimensionRank(name: string, score: Pick<ScoreResult, 'dimensions'> | null | undefined): number {
  const fromScore = score?.dimensions.findIndex((d) => d.name === name) ?? -1;
  if (fromScore >= 0) return fromScore;
  const fixed = DIMENSION_ORDER.indexOf(name);
  return fixed >= 0 ? 100 + fixed : 200;
}
