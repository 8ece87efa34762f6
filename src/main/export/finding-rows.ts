/** One row per finding, shared by the CSV and the workbook's 问题清单 sheet. */
import { dimensionOf, type CheckInfoMap } from '../../shared/check-catalogue.ts';
import { baseName, checkInfo, departmentOf, describeEvidence, VERDICT_LABELS } from '../engine-documents.ts';
import type { AuditResult } from '../../shared/model.ts';

export const FINDING_COLUMNS = ['单位', '年度', '文件', '检查项编号', '检查项', '评分维度', '结论', '严重程度', '扣分', '问题说明', '位置与依据'] as const;

export type FindingRow = [string, number | '', string, string, string, string, string, string, number, string, string];

const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;

export function findingRows(results: AuditResult[], checks?: CheckInfoMap): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const r of results) {
    const department = departmentOf(r);
    const year = r.report?.year ?? '';
    const file = baseName(r.file);
    if (r.error) rows.push([department, year, file, 'file.unreadable', '文件无法读取', '', '不通过', '错误', 0, r.error, '']);
    for (const f of r.findings) {
      const info = checkInfo(f.check, checks);
      const dimension = dimensionOf(f.check, r.score, checks);
      rows.push([
        department,
        year,
        file,
        f.check,
        info.title,
        dimension,
        VERDICT_LABELS[f.status],
        SEVERITY_LABELS[f.severity],
        f.deduction,
        f.message,
        f.evidence.map((e) => describeEvidence(e, r.report)).join('；'),
      ]);
    }
  }
  return rows;
}
