/**
 * Test data for the document tests: AuditResults for the cases fixtures. Uses the real engine
 * (src/core/audit.ts) when it is there; until then, results built from answers.json (expected
 * department, year, tables and failing checks) so the documents can be generated and read back.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditResult, Finding, Report } from '../../src/shared/model.ts';
import { DEFAULT_CHECKS } from '../../src/core/sheet/check-catalogue.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const casesDir = path.join(sharedDir, 'fixtures/cases');

export interface FixtureAnswer {
  department: string;
  year: number;
  generation: '2021' | '2019' | 'legacy';
  expect_fail: string[];
  expect_pass: string[];
  note?: string;
  tables: Report['tables'];
}

export function readAnswers(dir: string = casesDir): Record<string, FixtureAnswer> {
  return JSON.parse(readFileSync(path.join(dir, 'answers.json'), 'utf8')) as Record<string, FixtureAnswer>;
}

const WEIGHTS: Record<string, number> = {
  deadline: 8, 'format.generation': 4, 'period.full-year': 3, 'sections.present': 10, 'table.active.complete': 4,
  'table.requests.complete': 6, 'table.review.complete': 5, 'requests.row-total': 6, 'requests.result-total': 6,
  'requests.balance': 6, 'review.totals': 6, 'narrative.requests': 3, 'narrative.normative': 2, 'narrative.enumeration': 1,
  'overview.aspects': 8, 'problems.measures': 8, 'other.fee': 4,
};

function syntheticReport(file: string, a: FixtureAnswer): Report {
  return {
    file, format: 'txt', department: a.department, departmentSource: 'title', year: a.year, signedOn: `${a.year + 1}-01-20`,
    generation: a.generation, title: `${a.department}${a.year}年政府信息公开工作年度报告`, isGovernment: false,
    sections: [], tables: a.tables, tableSources: { active: null, requests: null, review: null }, requestsLabels: [],
    paragraphs: [], statedPeriod: null, pages: 4, traditional: false, warnings: [],
  };
}

function syntheticResult(dir: string, name: string, a: FixtureAnswer): AuditResult {
  const file = path.join(dir, name);
  const bytes = readFileSync(file);
  const findings: Finding[] = [];
  for (const check of a.expect_fail) {
    const evidence = check.startsWith('requests.') ? [{ table: 'requests' as const, row: 23, col: 6, text: '15', page: 2 }] : [{ page: 3, text: a.note ?? check }];
    findings.push({ check, status: 'fail', severity: 'error', message: `${DEFAULT_CHECKS[check]?.title ?? check}：${a.note ?? ''}`, evidence, deduction: Math.min(3, WEIGHTS[check] ?? 0) });
  }
  for (const check of a.expect_pass) findings.push({ check, status: 'pass', severity: 'info', message: '通过', evidence: [], deduction: 0 });
  const lost = findings.reduce((s, f) => s + f.deduction, 0);
  const score = 100 - lost;
  const dims = ['时效与格式', '要素齐全', '数据准确', '内容翔实', '原创与文字'];
  return {
    file, sha256: createHash('sha256').update(bytes).digest('hex'), format: 'txt', size: statSync(file).size, error: null,
    report: syntheticReport(file, a), findings,
    score: {
      score, grade: score >= 90 ? '优秀' : score >= 70 ? '良好' : score >= 60 ? '合格' : '不合格', veto: null,
      deductions: findings.filter((f) => f.deduction > 0).map((f) => ({ check: f.check, dimension: DEFAULT_CHECKS[f.check]?.dimension ?? '其他', points: f.deduction, explanation: f.message })),
      dimensions: dims.map((name) => ({ name, weight: 20, lost: 0 })), rubric: { id: 'default', version: 1 },
    },
  };
}

/** AuditResults for every file listed in the fixture folder's answers.json. */
export function fixtureResults(dir: string = casesDir): AuditResult[] {
  const answers = readAnswers(dir);
  return Object.entries(answers)
    .filter(([name]) => existsSync(path.join(dir, name)))
    .map(([name, a]) => syntheticResult(dir, name, a));
}
