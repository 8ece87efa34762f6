/** The machine-readable export of ../shared/spec/OUTPUT.md: one document per run, stable keys. */
import type { AuditResult, Finding, ReportTables, SectionInfo } from '../shared/model.ts';
import { ENGINE_VERSION } from './audit.ts';

export interface ExportedReport {
  file: string;
  sha256: string;
  format: string | null;
  error: string | null;
  department?: string | null;
  year?: number | null;
  generation?: string;
  signedOn?: string | null;
  title?: string | null;
  sections?: Pick<SectionInfo, 'part' | 'title' | 'found'>[];
  tables?: ReportTables;
  findings: Finding[];
  score: number | null;
  grade: string | null;
  veto?: string | null;
}

export interface ExportDocument {
  tool: { name: 'ogi-auditor'; version: string };
  rubric: { id: string; version: number };
  generatedAt: string;
  reports: ExportedReport[];
}

export function exportReport(result: AuditResult): ExportedReport {
  const base = {
    file: result.file,
    sha256: result.sha256,
    format: result.format,
    error: result.error,
    findings: result.findings,
    score: result.score?.score ?? null,
    grade: result.score?.grade ?? null,
    veto: result.score?.veto ?? null,
  };
  const r = result.report;
  if (!r) return base;
  return {
    ...base,
    department: r.department,
    year: r.year,
    generation: r.generation,
    signedOn: r.signedOn,
    title: r.title,
    sections: r.sections.map((s) => ({ part: s.part, title: s.title, found: s.found })),
    tables: r.tables,
  };
}

export function exportDocument(results: AuditResult[], rubric: { id: string; version: number }, now = new Date()): ExportDocument {
  return {
    tool: { name: 'ogi-auditor', version: ENGINE_VERSION },
    rubric,
    generatedAt: now.toISOString(),
    reports: results.map(exportReport),
  };
}
