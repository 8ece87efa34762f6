/**
 * Our own renderings of real reports in the shapes web pages and converters give them, made from a
 * fixture's parsed text and its answers.json tables: page chrome around a one-line body with inline
 * headings and table cells spaced or run together; Markdown pipe tables with headers split over two or
 * three lines (表四's three-level header); a legacy report as one paragraph.
 */
import type { Report } from '../../../src/shared/model.ts';
import type { FixtureAnswer } from './shared.ts';

type Tables = NonNullable<FixtureAnswer['tables']>;
export type CellStyle = 'spaced' | 'run';

const REQUEST_LABELS: [group: string | null, label: string][] = [
  [null, '一、本年新收政府信息公开申请数量'],
  [null, '二、上年结转政府信息公开申请数量'],
  ['三、本年度办理结果', '(一)予以公开'],
  [null, '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'],
  ['(三)不予公开', '1.属于国家秘密'],
  [null, '2.其他法律行政法规禁止公开'],
  [null, '3.危及“三安全一稳定”'],
  [null, '4.保护第三方合法权益'],
  [null, '5.属于三类内部事务信息'],
  [null, '6.属于四类过程性信息'],
  [null, '7.属于行政执法案卷'],
  [null, '8.属于行政查询事项'],
  ['(四)无法提供', '1.本机关不掌握相关政府信息'],
  [null, '2.没有现成信息需要另行制作'],
  [null, '3.补正后申请内容仍不明确'],
  ['(五)不予处理', '1.信访举报投诉类申请'],
  [null, '2.重复申请'],
  [null, '3.要求提供公开出版物'],
  [null, '4.无正当理由大量反复申请'],
  [null, '5.要求行政机关确认或重新出具已获取信息'],
  ['(六)其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  [null, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  [null, '3.其他'],
  [null, '(七)总计'],
  [null, '四、结转下年度继续办理'],
];

const ACTIVE_LABELS: [header: string | null, label: string, count: number][] = [
  ['第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数', '规章', 3],
  [null, '行政规范性文件', 3],
  ['第二十条第(五)项信息内容本年处理决定数量', '行政许可', 1],
  ['第二十条第(六)项信息内容本年处理决定数量', '行政处罚', 1],
  [null, '行政强制', 1],
  ['第二十条第(八)项信息内容本年收费金额(单位:万元)', '行政事业性收费', 1],
];

const REQUESTS_HEADER = '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';
const REVIEW_HEADER = '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';

export function hasBlankCells(tables: Tables): boolean {
  return [tables.active ?? [], ...(tables.requests ?? []), tables.review ?? []].some((row) => row.some((v) => v === null));
}

/** A blank cell shows as "-" (as pages print them); only reports without blanks are rendered with runs. */
function cells(values: readonly (number | null)[], style: CellStyle): string {
  return values.map((v) => (v === null ? '-' : String(v))).join(style === 'spaced' ? ' ' : '');
}

/** The three tables as one line of text, the way a web page's table reads when its text is taken off. */
export function flatTables(tables: Tables, style: CellStyle): Record<2 | 3 | 4, string> {
  let active = '';
  if (tables.active) {
    let at = 0;
    for (const [header, label, count] of ACTIVE_LABELS) {
      active += `${header ?? ''}${label}${cells(tables.active.slice(at, at + count), style)}`;
      at += count;
    }
  }
  let requests = '';
  if (tables.requests) {
    requests = REQUESTS_HEADER;
    tables.requests.forEach((row, r) => {
      const [group, label] = REQUEST_LABELS[r]!;
      requests += `${group ?? ''}${label}${cells(row, style)}`;
    });
  }
  const review = tables.review ? `${REVIEW_HEADER}${cells(tables.review, style)}` : '';
  return { 2: active, 3: requests, 4: review };
}

/** The report's narrative per part (0 = title and preface), as found. */
function narrative(report: Report): Map<number, string[]> {
  const headings = new Set(report.sections.filter((s) => s.found).map((s) => s.headingIndex));
  const out = new Map<number, string[]>();
  report.paragraphs.forEach((p, i) => {
    if (headings.has(i) || p.fromTable) return;
    if (p.part === 0 && report.title && p.text.replace(/\s+/g, '') === report.title) return;
    out.set(p.part, [...(out.get(p.part) ?? []), p.original]);
  });
  return out;
}

export interface PageOptions {
  style: CellStyle;
  /** Breadcrumbs, metadata box and footer around the body. */
  chrome: boolean;
  /** Separator between the pieces of the body line: '' (run together) or ' '. */
  joiner: '' | ' ';
}

/** A government web page's text: chrome lines, then title, parts, tables and signature on one line. */
export function webPageText(report: Report, tables: Tables, options: PageOptions): string {
  const parts = narrative(report);
  const flat = flatTables(tables, options.style);
  const body: string[] = [report.title ?? '', ...(parts.get(0) ?? [])];
  for (const section of report.sections) {
    if (!section.found) continue;
    body.push(section.title);
    if (section.part === 2 || section.part === 3 || section.part === 4) body.push(flat[section.part]);
    body.push(...(parts.get(section.part) ?? []));
  }
  const line = body.filter((p) => p !== '').join(options.joiner);
  if (!options.chrome) return line;
  // The publisher box names the body's office (a compiler, not the body); left out when the text names no body.
  const publisher = report.department ? `  发布机构：${report.department}办公室` : '';
  return [
    '当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报',
    `索引号：000000000/2025-00001${publisher}  生成日期：2025-01-20`,
    `标题：${report.title ?? ''}`,
    '【字体：大 中 小】 打印本页 关闭窗口',
    line,
    '扫一扫在手机打开当前页',
    `主办单位：${report.department ?? ''}  网站标识码：000000000  联系我们 | 网站地图`,
  ].join('\n');
}

const pipe = (row: readonly (string | number | null)[]): string => `| ${row.map((c) => (c === null ? '' : String(c))).join(' | ')} |`;

/**
 * Markdown as PDF-to-Markdown converters and OCR tools write the tables: header rows split over two or
 * three lines, merged header cells repeated or left empty, a `| --- |` line under the header.
 */
export function markdownText(report: Report, tables: Tables): string {
  const parts = narrative(report);
  const lines: string[] = [report.title ?? '', ...(parts.get(0) ?? [])];
  const separator = (n: number): string => pipe(new Array<string>(n).fill('---'));
  for (const section of report.sections) {
    if (!section.found) continue;
    lines.push(`## ${section.title}`);
    if (section.part === 2 && tables.active) {
      const a = tables.active;
      lines.push(pipe(['第二十条第(一)项', '', '', '']), pipe(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']), separator(4));
      lines.push(pipe(['规章', a[0]!, a[1]!, a[2]!]), pipe(['行政规范性文件', a[3]!, a[4]!, a[5]!]));
      lines.push(pipe(['第二十条第(五)项', '', '', '']), pipe(['信息内容', '本年处理决定数量', '', '']), pipe(['行政许可', a[6]!, '', '']));
      lines.push(pipe(['第二十条第(六)项', '', '', '']), pipe(['信息内容', '本年处理决定数量', '', '']), pipe(['行政处罚', a[7]!, '', '']), pipe(['行政强制', a[8]!, '', '']));
      lines.push(pipe(['第二十条第(八)项', '', '', '']), pipe(['信息内容', '本年收费金额（单位：万元）', '', '']), pipe(['行政事业性收费', a[9]!, '', '']));
    }
    if (section.part === 3 && tables.requests) {
      // Three header lines: 申请人情况 over all; 自然人 / 法人或其他组织 (merged, repeated) / 总计; the five kinds.
      lines.push(pipe(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况']));
      lines.push(pipe(['', '', '自然人', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '总计']));
      lines.push(pipe(['', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']));
      lines.push(separator(9));
      tables.requests.forEach((row, r) => {
        const [group, label] = REQUEST_LABELS[r]!;
        const first = group ?? (r >= 2 && r <= 23 ? '' : label);
        lines.push(pipe([first, first === label ? '' : label, ...row]));
      });
    }
    if (section.part === 4 && tables.review) {
      const blocks = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      lines.push(pipe(['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', '']));
      lines.push(pipe(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']));
      lines.push(pipe([...blocks, ...blocks, ...blocks]));
      lines.push(separator(15));
      lines.push(pipe(tables.review));
    }
    lines.push(...(parts.get(section.part) ?? []));
  }
  return lines.join('\n');
}

/** A legacy (2008 条例) report written as one paragraph: every paragraph joined, nothing between. */
export function oneParagraphText(report: Report): string {
  return report.paragraphs.map((p) => p.original).join('');
}
