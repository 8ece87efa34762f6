/**
 * View models of the three printed documents, built by pure functions from AuditResult(s) and the
 * metadata the office records (times, versions, rank, reviewer decisions). Components only render these.
 */
import type { CellCorrection, ReviewerDecision } from '../../shared/api.ts';
import type { AuditResult, CellValue, Finding, Generation, Report, TableId, Verdict } from '../../shared/model.ts';
import { checkInfo, DIMENSION_ORDER, UNSCORED_DIMENSION } from './check-catalogue.ts';
import type { CheckInfoMap } from './check-catalogue.ts';
import { baseName, describeEvidence, formatPoints, GENERATION_LABELS, VERDICT_LABELS, worstVerdict } from './format.ts';
import { activeLayout, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_COLUMNS, TABLE_TITLES } from '../../shared/table-labels.ts';

export const DEFAULT_OFFICE = '政府信息公开工作主管部门';
export const UNKNOWN_DEPARTMENT = '（单位未识别）';

// ---------------------------------------------------------------- inputs

export interface SheetInput {
  result: AuditResult;
  /** When the file was imported and when it was audited (ISO timestamps). */
  importedAt?: string | null;
  auditedAt: string;
  engineVersion: string;
  /** The reviewing office, printed in the header. */
  office?: string;
  rank?: { rank: number; of: number } | null;
  decisions?: ReviewerDecision[];
  corrections?: CellCorrection[];
  /** Check titles / docs from the check registry (override the built-in catalogue). */
  checks?: CheckInfoMap;
}

export interface NoticeInput {
  result: AuditResult;
  /** Date the department must fix the report by, and the notice's date (ISO yyyy-mm-dd). */
  fixBy: string;
  issuedOn: string;
  office?: string;
  /** Document number such as 〔2025〕3号; omitted when the office numbers by hand. */
  noticeNo?: string;
  decisions?: ReviewerDecision[];
  checks?: CheckInfoMap;
}

export interface SummaryInput {
  year: number;
  results: AuditResult[];
  /** Departments on the roster with no report (未报送). */
  missing?: string[];
  generatedAt: string;
  office?: string;
  checks?: CheckInfoMap;
}

// ---------------------------------------------------------------- shared pieces

export type EffectiveStatus = Verdict | 'dismissed';

export interface DecisionView {
  action: '确认' | '撤销';
  reason: string;
  reviewer: string;
  at: string;
}

/** A finding as printed: effective status after reviewer decisions, evidence in words, problem number. */
export interface FindingView {
  index: number;
  check: string;
  status: EffectiveStatus;
  message: string;
  evidence: string[];
  deduction: number;
  /** Problem number (1…) for fail / uncertain findings; null otherwise. */
  number: number | null;
  decision: DecisionView | null;
}

export function departmentOf(result: AuditResult): string {
  return result.report?.department?.trim() || UNKNOWN_DEPARTMENT;
}

function latestDecisions(decisions: ReviewerDecision[] | undefined): Map<number, ReviewerDecision> {
  const map = new Map<number, ReviewerDecision>();
  for (const d of decisions ?? []) {
    const prev = map.get(d.findingIndex);
    if (!prev || prev.at <= d.at) map.set(d.findingIndex, d);
  }
  return map;
}

function effectiveStatus(f: Finding, decision: ReviewerDecision | undefined): EffectiveStatus {
  if (!decision) return f.status;
  if (decision.action === 'dismiss') return f.status === 'fail' || f.status === 'uncertain' ? 'dismissed' : f.status;
  return f.status === 'uncertain' ? 'fail' : f.status;
}

function dimensionOf(check: string, result: AuditResult, checks: CheckInfoMap | undefined): string {
  const line = result.score?.deductions.find((d) => d.check === check);
  return line?.dimension ?? checkInfo(check, checks).dimension ?? UNSCORED_DIMENSION;
}

function dimensionRank(name: string, result: AuditResult): number {
  const fromScore = result.score?.dimensions.findIndex((d) => d.name === name) ?? -1;
  if (fromScore >= 0) return fromScore;
  const fixed = DIMENSION_ORDER.indexOf(name);
  return fixed >= 0 ? 100 + fixed : 200;
}

/**
 * Every finding as printed, ordered by dimension (rubric order) then check, with problem numbers
 * given to what still needs attention (fail, uncertain) in that order.
 */
export function findingViews(result: AuditResult, decisions?: ReviewerDecision[], checks?: CheckInfoMap): FindingView[] {
  const byIndex = latestDecisions(decisions);
  const checkOrder = new Map<string, number>();
  result.findings.forEach((f) => {
    if (!checkOrder.has(f.check)) checkOrder.set(f.check, checkOrder.size);
  });
  const views = result.findings.map((f, index): FindingView => {
    const d = byIndex.get(index);
    return {
      index,
      check: f.check,
      status: effectiveStatus(f, d),
      message: f.message,
      evidence: f.evidence.map((e) => describeEvidence(e, result.report)).filter((s) => s.length > 0),
      deduction: f.deduction,
      number: null,
      decision: d ? { action: d.action === 'confirm' ? '确认' : '撤销', reason: d.reason, reviewer: d.reviewer, at: d.at } : null,
    };
  });
  const sortKey = (v: FindingView): [number, number, number] => [
    dimensionRank(dimensionOf(v.check, result, checks), result),
    checkOrder.get(v.check) ?? 0,
    v.index,
  ];
  views.sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
  let n = 0;
  for (const v of views) if (v.status === 'fail' || v.status === 'uncertain') v.number = ++n;
  return views;
}

// ---------------------------------------------------------------- tables with marked cells

export interface CellView {
  text: string;
  /** value: a number; blank: not filled; none: the template has no cell here. */
  state: 'value' | 'blank' | 'none';
  /** Problem numbers whose evidence points at this cell. */
  markers: number[];
  corrected: boolean;
}

export interface GridRowView {
  label: string;
  indent: number;
  /** A heading row of the template with no cells (三、本年度办理结果). */
  heading: boolean;
  cells: CellView[];
}

export interface GridView {
  id: TableId;
  title: string;
  labelHead: string;
  columns: string[];
  rows: GridRowView[];
  /** True when the report has no such table. */
  missing: boolean;
  note: string | null;
}

function cellText(v: CellValue | undefined): CellView {
  if (v === null || v === undefined) return { text: '空', state: 'blank', markers: [], corrected: false };
  return { text: String(v), state: 'value', markers: [], corrected: false };
}

const NONE_CELL = (): CellView => ({ text: '', state: 'none', markers: [], corrected: false });

type CellKey = `${TableId}:${number}:${number}`;

/** Which cells each numbered problem points at. Flat tables (二, 四) carry their value index in `row` (checks/lib/evidence.ts). */
function markerMap(views: FindingView[], result: AuditResult): Map<CellKey, number[]> {
  const map = new Map<CellKey, number[]>();
  const add = (key: CellKey, n: number): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(n)) list.push(n);
    map.set(key, list);
  };
  for (const v of views) {
    if (v.number === null) continue;
    for (const e of result.findings[v.index]?.evidence ?? []) {
      if (!e.table) continue;
      if (e.table === 'requests') {
        // A bad row points at its total; a bad column at its (七)总计 cell; neither: no cell to mark.
        if (e.row === undefined && e.col === undefined) continue;
        add(`requests:${e.row ?? 23}:${e.col ?? 6}`, v.number);
      } else {
        const index = e.row ?? e.col;
        if (index !== undefined) add(`${e.table}:0:${index}`, v.number);
      }
    }
  }
  return map;
}

function correctionSet(corrections: CellCorrection[] | undefined): Set<CellKey> {
  const set = new Set<CellKey>();
  for (const c of corrections ?? []) {
    set.add(c.table === 'requests' ? `requests:${c.row}:${c.col}` : `${c.table}:0:${c.row}`);
  }
  return set;
}

function decorate(cell: CellView, key: CellKey, markers: Map<CellKey, number[]>, corrected: Set<CellKey>): CellView {
  return { ...cell, markers: markers.get(key) ?? [], corrected: corrected.has(key) };
}

function activeGrid(report: Report | null, markers: Map<CellKey, number[]>, corrected: Set<CellKey>): GridView {
  const values = report?.tables.active ?? null;
  const generation: Generation | null = report?.generation ?? null;
  const layout = activeLayout(generation, values?.length ?? 10);
  return {
    id: 'active',
    title: TABLE_TITLES.active,
    labelHead: '信息内容',
    columns: layout.columns,
    missing: values === null,
    note: generation === '2019' ? '按2019年试行格式列示（第一、二、三列依次为该行组别所示指标）。' : null,
    rows: layout.rows.map((r) => ({
      label: `${r.label}`,
      indent: 0,
      heading: false,
      cells: r.cells.map((index) =>
        index === null || values === null ? NONE_CELL() : decorate(cellText(values[index]), `active:0:${index}`, markers, corrected),
      ),
    })),
  };
}

function requestsGrid(report: Report | null, markers: Map<CellKey, number[]>, corrected: Set<CellKey>): GridView {
  const values = report?.tables.requests ?? null;
  const rows: GridRowView[] = [];
  REQUEST_ROWS.forEach((r, rowIndex) => {
    for (const h of r.before ?? []) rows.push({ label: h.label, indent: h.indent, heading: true, cells: [] });
    rows.push({
      label: r.label,
      indent: r.indent,
      heading: false,
      cells: REQUEST_COLUMNS.map((_, col) =>
        values === null ? NONE_CELL() : decorate(cellText(values[rowIndex]?.[col]), `requests:${rowIndex}:${col}`, markers, corrected),
      ),
    });
  });
  return { id: 'requests', title: TABLE_TITLES.requests, labelHead: '申请情况', columns: REQUEST_COLUMNS, rows, missing: values === null, note: null };
}

function reviewGrid(report: Report | null, markers: Map<CellKey, number[]>, corrected: Set<CellKey>): GridView {
  const values = report?.tables.review ?? null;
  return {
    id: 'review',
    title: TABLE_TITLES.review,
    labelHead: '类别',
    columns: REVIEW_COLUMNS,
    missing: values === null,
    note: null,
    rows: REVIEW_BLOCKS.map((label, block) => ({
      label,
      indent: 0,
      heading: false,
      cells: REVIEW_COLUMNS.map((_, col) => {
        const index = block * 5 + col;
        return values === null ? NONE_CELL() : decorate(cellText(values[index]), `review:0:${index}`, markers, corrected);
      }),
    })),
  };
}

export function tableViews(result: AuditResult, views: FindingView[], corrections?: CellCorrection[]): GridView[] {
  const markers = markerMap(views, result);
  const corrected = correctionSet(corrections);
  return [activeGrid(result.report, markers, corrected), requestsGrid(result.report, markers, corrected), reviewGrid(result.report, markers, corrected)];
}

// ---------------------------------------------------------------- audit sheet

export interface CheckRowView {
  check: string;
  title: string;
  verdict: EffectiveStatus;
  verdictLabel: string;
  /** Points deducted for the check (rubric-capped when the score says so). */
  points: number;
  pointsText: string;
  findings: FindingView[];
}

export interface DimensionView {
  name: string;
  weight: number | null;
  lost: number | null;
  /** Checks needing attention (fail, uncertain, dismissed), with their findings. */
  rows: CheckRowView[];
  passed: string[];
  notApplicable: string[];
}

export interface SheetView {
  documentTitle: string;
  title: string;
  office: string;
  department: string;
  year: number | null;
  generation: string;
  file: { name: string; path: string; sha256: string; pages: number | null; format: string; sizeText: string };
  signedOn: string | null;
  importedAt: string | null;
  auditedAt: string;
  rubric: string;
  engineVersion: string;
  score: string;
  grade: string;
  veto: string | null;
  error: string | null;
  rank: string;
  failedCount: number;
  uncertainCount: number;
  dimensions: DimensionView[];
  tables: GridView[];
  corrections: { where: string; before: string; after: string; reason: string; reviewer: string }[];
  /** Reviewer decisions whose problem the checks no longer report (kept on the record, not applied). */
  earlierDecisions: { title: string; message: string; action: '确认' | '撤销'; reason: string; reviewer: string; at: string }[];
  warnings: string[];
}

const STATUS_LABEL: Record<EffectiveStatus, string> = { ...VERDICT_LABELS, dismissed: '已撤销' };

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function checkPoints(check: string, result: AuditResult, findings: FindingView[]): number {
  const lines = result.score?.deductions.filter((d) => d.check === check) ?? [];
  if (lines.length > 0) return lines.reduce((s, d) => s + d.points, 0);
  return findings.filter((f) => f.status === 'fail').reduce((s, f) => s + f.deduction, 0);
}

function dimensionViews(result: AuditResult, views: FindingView[], checks: CheckInfoMap | undefined): DimensionView[] {
  const byCheck = new Map<string, FindingView[]>();
  for (const v of views) byCheck.set(v.check, [...(byCheck.get(v.check) ?? []), v]);
  const dims = new Map<string, DimensionView>();
  const scoreDims = result.score?.dimensions ?? [];
  for (const d of scoreDims) dims.set(d.name, { name: d.name, weight: d.weight, lost: d.lost, rows: [], passed: [], notApplicable: [] });
  for (const [check, list] of byCheck) {
    const name = dimensionOf(check, result, checks);
    let dim = dims.get(name);
    if (!dim) {
      dim = { name, weight: null, lost: null, rows: [], passed: [], notApplicable: [] };
      dims.set(name, dim);
    }
    const title = checkInfo(check, checks).title;
    const statuses = list.map((f) => f.status);
    const open = statuses.filter((s): s is Verdict => s !== 'dismissed');
    const verdict: EffectiveStatus = open.length === 0 ? 'dismissed' : worstVerdict(open);
    if (verdict === 'pass') dim.passed.push(title);
    else if (verdict === 'na') dim.notApplicable.push(title);
    else {
      const points = checkPoints(check, result, list);
      dim.rows.push({
        check,
        title,
        verdict,
        verdictLabel: STATUS_LABEL[verdict],
        points,
        pointsText: points > 0 ? `−${formatPoints(points)}` : '0',
        findings: list.filter((f) => f.status !== 'pass' && f.status !== 'na'),
      });
    }
  }
  return [...dims.values()]
    .filter((d) => d.rows.length + d.passed.length + d.notApplicable.length > 0 || d.weight !== null)
    .sort((a, b) => dimensionRank(a.name, result) - dimensionRank(b.name, result));
}

export function buildSheetView(input: SheetInput): SheetView {
  const { result } = input;
  const report = result.report;
  const department = departmentOf(result);
  const views = findingViews(result, input.decisions, input.checks);
  const year = report?.year ?? null;
  const title = '政府信息公开工作年度报告审核意见单';
  return {
    documentTitle: `${department}${year ? `${year}年度` : ''}审核意见单`,
    title,
    office: input.office?.trim() || DEFAULT_OFFICE,
    department,
    year,
    generation: report ? GENERATION_LABELS[report.generation] : '—',
    file: {
      name: baseName(result.file),
      path: result.file,
      sha256: result.sha256,
      pages: report?.pages ?? null,
      format: result.format ?? '未知',
      sizeText: sizeText(result.size),
    },
    signedOn: report?.signedOn ?? null,
    importedAt: input.importedAt ?? null,
    auditedAt: input.auditedAt,
    rubric: result.score ? `${result.score.rubric.id} 第${result.score.rubric.version}版` : '—',
    engineVersion: input.engineVersion,
    score: result.score?.score === null || result.score?.score === undefined ? '—' : formatPoints(result.score.score),
    grade: result.score?.grade ?? '—',
    veto: result.score?.veto ?? (result.error ? '文件无法读取' : null),
    error: result.error,
    rank: input.rank ? `第 ${input.rank.rank} 名 / 共 ${input.rank.of} 家` : '—',
    failedCount: views.filter((v) => v.status === 'fail').length,
    uncertainCount: views.filter((v) => v.status === 'uncertain').length,
    dimensions: dimensionViews(result, views, input.checks),
    tables: report ? tableViews(result, views, input.corrections) : [],
    corrections: (input.corrections ?? []).map((c) => ({
      where: describeEvidence(c.table === 'requests' ? { table: c.table, row: c.row, col: c.col } : { table: c.table, row: c.row }, report),
      before: c.before === null ? '空' : String(c.before),
      after: c.value === null ? '空' : String(c.value),
      reason: c.reason,
      reviewer: c.reviewer,
    })),
    earlierDecisions: earlierDecisions(input.decisions).map((d) => ({
      title: checkInfo(d.check, input.checks).title,
      message: d.message,
      action: d.action === 'dismiss' ? '撤销' : '确认',
      reason: d.reason,
      reviewer: d.reviewer,
      at: d.at,
    })),
    warnings: report?.warnings ?? [],
  };
}

/** Decisions re-anchored to no current finding (findingIndex −1): the latest per check and wording. */
function earlierDecisions(decisions: ReviewerDecision[] | undefined): ReviewerDecision[] {
  const latest = new Map<string, ReviewerDecision>();
  for (const d of decisions ?? []) if (d.findingIndex < 0) latest.set(`${d.check}\u0000${d.message}`, d);
  return [...latest.values()];
}

// ---------------------------------------------------------------- rectification notice

export interface NoticeProblemView {
  number: number;
  title: string;
  /** Plain description of the defect (the finding's message). */
  description: string;
  rule: string | null;
  where: string[];
  pending: boolean;
}

export interface NoticeView {
  documentTitle: string;
  office: string;
  noticeNo: string | null;
  department: string;
  year: number | null;
  fileName: string;
  score: string;
  grade: string;
  fixBy: string;
  issuedOn: string;
  problems: NoticeProblemView[];
}

const MAX_NOTICE_PLACES = 4;

/** The rule as the department should read it: the check's docs without how the tool checks it. */
function ruleText(docs: string): string {
  return docs.replace(/本检查[^。]*。/g, '').trim() || docs;
}

export function buildNoticeView(input: NoticeInput): NoticeView {
  const { result } = input;
  const department = departmentOf(result);
  const views = findingViews(result, input.decisions, input.checks);
  const problems: NoticeProblemView[] = [];
  for (const v of views) {
    if (v.status !== 'fail' && v.status !== 'uncertain') continue;
    const info = checkInfo(v.check, input.checks);
    problems.push({
      number: problems.length + 1,
      title: info.title,
      description: v.message,
      rule: info.docs ? ruleText(info.docs) : null,
      where: v.evidence.length > MAX_NOTICE_PLACES ? [...v.evidence.slice(0, MAX_NOTICE_PLACES), `等共 ${v.evidence.length} 处`] : v.evidence,
      pending: v.status === 'uncertain',
    });
  }
  if (result.error) {
    problems.unshift({ number: 0, title: '报告文件无法读取', description: result.error, rule: null, where: [baseName(result.file)], pending: false });
    problems.forEach((p, i) => (p.number = i + 1));
  }
  return {
    documentTitle: `${department}整改通知书`,
    office: input.office?.trim() || DEFAULT_OFFICE,
    noticeNo: input.noticeNo ?? null,
    department,
    year: result.report?.year ?? null,
    fileName: baseName(result.file),
    score: result.score?.score === null || result.score?.score === undefined ? '—' : formatPoints(result.score.score),
    grade: result.score?.grade ?? '—',
    fixBy: input.fixBy,
    issuedOn: input.issuedOn,
    problems,
  };
}

// ---------------------------------------------------------------- summary ranking

/**
 * Competition ranking by score (1, 2, 2, 4): reports without a score (vetoed, unreadable) get null.
 * Returned in the order of `results`.
 */
export function rankResults(results: AuditResult[]): (number | null)[] {
  const scores = results.map((r) => r.score?.score ?? null);
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}

export interface SummaryRowView {
  /** Index of the result in SummaryInput.results (rows are sorted by rank). */
  index: number;
  rank: number | null;
  department: string;
  file: string;
  score: string;
  grade: string;
  veto: string | null;
  onTime: '按时' | '逾期' | '未能判断';
  failedByDimension: number[];
  failedTotal: number;
}

export interface CommonProblemView {
  check: string;
  title: string;
  dimension: string;
  departments: number;
  share: string;
}

export interface SummaryView {
  documentTitle: string;
  title: string;
  office: string;
  year: number;
  generatedAt: string;
  dimensions: string[];
  rows: SummaryRowView[];
  missing: string[];
  common: CommonProblemView[];
  counts: { reports: number; departments: number; scored: number; grades: { grade: string; count: number }[]; late: number };
}

export function onTimeFlag(result: AuditResult): SummaryRowView['onTime'] {
  const statuses = result.findings.filter((f) => f.check === 'deadline').map((f) => f.status);
  if (statuses.length === 0) return '未能判断';
  const v = worstVerdict(statuses);
  return v === 'fail' ? '逾期' : v === 'pass' ? '按时' : '未能判断';
}

export function buildSummaryView(input: SummaryInput): SummaryView {
  const { results } = input;
  const ranks = rankResults(results);
  const dimSet = new Set<string>();
  for (const r of results) for (const d of r.score?.dimensions ?? []) dimSet.add(d.name);
  const failedChecks = results.map((r) => {
    const set = new Set<string>();
    for (const f of r.findings) if (f.status === 'fail') set.add(f.check);
    return set;
  });
  failedChecks.forEach((set, i) => set.forEach((c) => dimSet.add(dimensionOf(c, results[i]!, input.checks))));
  const dimensions = [...dimSet].sort((a, b) => {
    const ia = DIMENSION_ORDER.indexOf(a);
    const ib = DIMENSION_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const rows: SummaryRowView[] = results.map((r, i) => {
    const perDim = dimensions.map(() => 0);
    for (const c of failedChecks[i]!) perDim[dimensions.indexOf(dimensionOf(c, r, input.checks))]! += 1;
    return {
      index: i,
      rank: ranks[i] ?? null,
      department: departmentOf(r),
      file: baseName(r.file),
      score: r.score?.score === null || r.score?.score === undefined ? '—' : formatPoints(r.score.score),
      grade: r.score?.grade ?? '—',
      veto: r.score?.veto ?? (r.error ? '文件无法读取' : null),
      onTime: onTimeFlag(r),
      failedByDimension: perDim,
      failedTotal: failedChecks[i]!.size,
    };
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.department.localeCompare(b.department, 'zh-Hans-CN'));
  // Common problems count departments, not files: a resubmitted report must not count twice.
  const unitKey = (r: AuditResult): string => r.report?.department?.trim() || `file:${r.file}`;
  const perCheck = new Map<string, Set<string>>();
  failedChecks.forEach((set, i) => {
    for (const c of set) perCheck.set(c, (perCheck.get(c) ?? new Set<string>()).add(unitKey(results[i]!)));
  });
  const audited = new Set(results.filter((r) => r.report !== null).map(unitKey)).size;
  const common: CommonProblemView[] = [...perCheck.entries()]
    .map(([check, units]): [string, number] => [check, units.size])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([check, n]) => ({
      check,
      title: checkInfo(check, input.checks).title,
      dimension: checkInfo(check, input.checks).dimension ?? UNSCORED_DIMENSION,
      departments: n,
      share: audited > 0 ? `${Math.round((n / audited) * 100)}%` : '—',
    }));
  const grades = ['优秀', '良好', '合格', '不合格'].map((grade) => ({ grade, count: results.filter((r) => r.score?.grade === grade).length }));
  return {
    documentTitle: `${input.year}年度政府信息公开工作年度报告审核汇总排名表`,
    title: `${input.year}年度政府信息公开工作年度报告审核汇总排名表`,
    office: input.office?.trim() || DEFAULT_OFFICE,
    year: input.year,
    generatedAt: input.generatedAt,
    dimensions,
    rows,
    missing: [...(input.missing ?? [])].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
    common,
    counts: {
      reports: results.length,
      departments: audited,
      scored: results.filter((r) => typeof r.score?.score === 'number').length,
      grades,
      late: rows.filter((r) => r.onTime === '逾期').length,
    },
  };
}
