/**
 * Hand-made Report values for check and score tests: `buildReport()` is a complete, consistent 2021 report
 * (six parts, three tables that add up, fee statement, signed on time); options and `edit` break one thing.
 */
import type { CellSource, CellValue, Report, ReportParagraph, SectionInfo } from '../../../src/shared/model.ts';
import { normalizeText } from '../../../src/core/text/normalize.ts';

export const PART_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

export const DEFAULT_TEXT: Record<number, string[]> = {
  0: ['本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。'],
  1: [
    '(一)主动公开情况。2024年度主动公开信息共计60条,其中机构信息10条,政策文件20条,工作动态30条。',
    '(二)依申请公开情况。2024年,我局共收到政府信息公开申请5件,均按时答复。',
    '(三)政府信息管理情况。严格落实信息发布审核制度,规范政府信息管理。',
    '(四)平台建设情况。持续完善政府网站信息公开专栏。',
    '(五)监督保障情况。将政务公开纳入年度考核,加强监督检查。',
  ],
  5: [
    '(一)存在的主要问题。政策解读形式较为单一,信息更新不够及时。',
    '(二)改进措施。下一步,我局将丰富解读形式,建立信息更新台账。',
  ],
  6: ['2024年度未收取信息处理费。'],
};

/** Table 三 with 5 new applications: 3 disclosed, 2 not held; all identities hold. */
export function defaultRequests(): CellValue[][] {
  const grid: CellValue[][] = Array.from({ length: 25 }, () => [0, 0, 0, 0, 0, 0, 0]);
  grid[0] = [4, 1, 0, 0, 0, 0, 5];
  grid[2] = [2, 1, 0, 0, 0, 0, 3];
  grid[12] = [2, 0, 0, 0, 0, 0, 2];
  grid[23] = [4, 1, 0, 0, 0, 0, 5];
  return grid;
}

export interface BuildOptions {
  year?: number | null;
  department?: string | null;
  signedOn?: string | null;
  generation?: Report['generation'];
  isGovernment?: boolean;
  /** Narrative paragraphs per part (replaces the default part). */
  text?: Partial<Record<number, string[]>>;
  active?: CellValue[] | null;
  requests?: CellValue[][] | null;
  review?: CellValue[] | null;
  /** Parts whose heading is missing. */
  missingParts?: number[];
  statedPeriod?: Report['statedPeriod'];
  title?: string | null;
}

function sourcesFor<T extends CellValue>(values: T[], page: number, base: number): (CellSource | null)[] {
  return values.map((v, i) => ({ raw: v === null ? '' : String(v), page, offset: base + i * 3 }));
}

export function buildReport(options: BuildOptions = {}): Report {
  const year = options.year === undefined ? 2024 : options.year;
  const department = options.department === undefined ? '临江市测试局' : options.department;
  const title = options.title === undefined ? `${department ?? ''}${year ?? ''}年政府信息公开工作年度报告` : options.title;
  const text = { ...DEFAULT_TEXT, ...options.text };
  const paragraphs: ReportParagraph[] = [];
  const sections: SectionInfo[] = [];
  let offset = 0;
  const push = (original: string, part: number, page: number): number => {
    paragraphs.push({ original, text: normalizeText(original, { simplified: true }), part, page, offset });
    offset += original.length + 1;
    return paragraphs.length - 1;
  };
  if (title) push(title, 0, 1);
  for (const t of text[0] ?? []) push(t, 0, 1);
  for (let part = 1; part <= 6; part++) {
    const heading = PART_HEADINGS[part - 1]!;
    if (options.missingParts?.includes(part)) {
      sections.push({ part: part as SectionInfo['part'], title: heading, found: false });
    } else {
      const page = part <= 2 ? 1 : part <= 4 ? 2 : 3;
      const headingIndex = push(heading, part, page);
      sections.push({ part: part as SectionInfo['part'], title: heading, found: true, headingIndex, page, offset: paragraphs[headingIndex]!.offset });
    }
    for (const t of text[part] ?? []) push(t, options.missingParts?.includes(part) ? part - 1 : part, part <= 2 ? 1 : part <= 4 ? 2 : 3);
  }
  if (department) push(department, 6, 3);
  const signedOn = options.signedOn === undefined ? `${(year ?? 2024) + 1}-01-20` : options.signedOn;
  if (signedOn) push(signedOn.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'), 6, 3);

  const active = options.active === undefined ? [0, 0, 0, 2, 1, 6, 3, 1, 0, 0.5] : options.active;
  const requests = options.requests === undefined ? defaultRequests() : options.requests;
  const review = options.review === undefined ? Array.from({ length: 15 }, () => 0) : options.review;
  return {
    file: `${department ?? '未知单位'}${year ?? ''}.txt`,
    format: 'txt',
    department,
    departmentSource: department ? 'title' : null,
    year,
    signedOn,
    generation: options.generation ?? '2021',
    title,
    isGovernment: options.isGovernment ?? false,
    sections,
    tables: { active, requests, review },
    tableSources: {
      active: active ? sourcesFor(active, 1, 5000) : null,
      requests: requests ? requests.map((row, r) => sourcesFor(row, 2, 6000 + r * 30)) : null,
      review: review ? sourcesFor(review, 2, 8000) : null,
    },
    requestsLabels: Array.from({ length: 25 }, (_, r) => ({ canonical: r, label: REQUEST_LABELS[r]!, kind: 'row' as const, page: 2 })),
    paragraphs,
    statedPeriod: options.statedPeriod === undefined
      ? { from: `${year ?? 2024}-01-01`, to: `${year ?? 2024}-12-31`, quote: (text[0] ?? [])[0] ?? '', page: 1, offset: 0 }
      : options.statedPeriod,
    pages: 3,
    traditional: false,
    warnings: [],
  };
}

const REQUEST_LABELS = [
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '(一)予以公开',
  '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '1.属于国家秘密', '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷',
  '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '1.信访举报投诉类申请',
  '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他', '(七)总计', '四、结转下年度继续办理',
];

/** Deep copy of a table 三 grid with one cell changed. */
export function withCell(grid: CellValue[][], row: number, col: number, value: CellValue): CellValue[][] {
  const copy = grid.map((r) => [...r]);
  copy[row]![col] = value;
  return copy;
}
