/** View model of the audit sheet (审核意见单). */
import type { CellCorrection, ReviewerComment, ReviewerDecision } from '../../shared/api.ts';
import { earlierDecisions } from '../../shared/decisions.ts';
import type { AuditResult, Verdict } from '../../shared/model.ts';
import { checkInfo } from '../../shared/check-catalogue.ts';
import type { CheckInfoMap } from '../../shared/check-catalogue.ts';
import { baseName, describeEvidence, formatPoints, formatScore, GENERATION_LABELS, VERDICT_LABELS, worstVerdict } from './format.ts';
import { DEFAULT_OFFICE, departmentOf, dimensionOf, dimensionRank, findingViews, type EffectiveStatus, type FindingView } from './finding-view.ts';
import { tableViews, type GridView } from './grid-view.ts';
import { cellFields } from '../../shared/template/index.ts';
import { DECIDED_LABELS, DECISION_LABELS } from '../../shared/wording.ts';

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
  /** The reviewer's overall comment, printed in the 审核意见 box (lines to write on when there is none). */
  comment?: ReviewerComment | null;
}

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
  file: { name: string; path: string; sha256: string; pages: number | null; format: string; sizeText: string; ocrPages: number[] | null };
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
  earlierDecisions: { title: string; message: string; action: string; reason: string; reviewer: string; at: string }[];
  warnings: string[];
  comment: { text: string; reviewer: string; at: string } | null;
  /** The small line at the foot of every page: the original's SHA-256 and the engine that audited it. */
  footer: string;
}

/** A check's findings printed in full; beyond them, one line each (their cells are marked in the tables). */
const FULL_FINDINGS = 3;
/** Evidence lines printed under one finding; the rest are counted. */
const EVIDENCE_LINES = 3;

/** Repeated findings of one check, condensed: the first few with their evidence, the rest as one line each. */
function condensed(findings: FindingView[]): FindingView[] {
  return findings.map((f, i) => {
    if (i >= FULL_FINDINGS) return { ...f, evidence: [] };
    if (f.evidence.length <= EVIDENCE_LINES) return f;
    return { ...f, evidence: [...f.evidence.slice(0, EVIDENCE_LINES - 1), `……等共 ${f.evidence.length} 处`] };
  });
}

const STATUS_LABEL: Record<EffectiveStatus, string> = { ...VERDICT_LABELS, dismissed: DECIDED_LABELS.dismiss };

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
        findings: condensed(list.filter((f) => f.status !== 'pass' && f.status !== 'na')),
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
      ocrPages: report?.ocr ? report.ocr.pages : null,
      sizeText: sizeText(result.size),
    },
    signedOn: report?.signedOn ?? null,
    importedAt: input.importedAt ?? null,
    auditedAt: input.auditedAt,
    rubric: result.score ? `${result.score.rubric.id} 第${result.score.rubric.version}版` : '—',
    engineVersion: input.engineVersion,
    score: formatScore(result.score?.score),
    grade: result.score?.grade ?? '—',
    veto: result.score?.veto ?? (result.error ? '文件无法读取' : null),
    error: result.error,
    rank: input.rank ? `第 ${input.rank.rank} 名 / 共 ${input.rank.of} 家` : '—',
    failedCount: views.filter((v) => v.status === 'fail').length,
    uncertainCount: views.filter((v) => v.status === 'uncertain').length,
    dimensions: dimensionViews(result, views, input.checks),
    tables: report ? tableViews(result, views, input.corrections) : [],
    corrections: (input.corrections ?? []).map((c) => ({
      where: describeEvidence(cellFields(c.cell), report),
      before: c.before === null ? '空' : String(c.before),
      after: c.value === null ? '空' : String(c.value),
      reason: c.reason,
      reviewer: c.reviewer,
    })),
    earlierDecisions: earlierDecisions(input.decisions ?? []).map((d) => ({
      title: checkInfo(d.check, input.checks).title,
      message: d.message,
      action: DECISION_LABELS[d.action],
      reason: d.reason,
      reviewer: d.reviewer,
      at: d.at,
    })),
    warnings: report?.warnings ?? [],
    comment: input.comment && input.comment.text.trim() !== '' ? { text: input.comment.text.trim(), reviewer: input.comment.reviewer, at: input.comment.at } : null,
    // Plain spaces: a character the document does not use elsewhere may not be loaded from the embedded font in time for the page margin.
    footer: `原件 SHA-256：${result.sha256} · 审核引擎 ${input.engineVersion}`,
  };
}
