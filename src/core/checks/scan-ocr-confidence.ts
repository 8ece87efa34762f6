import type { Evidence, Report } from '../../shared/model.ts';
import { isDoubtful } from '../ingest/scan/confidence.ts';
import type { Check } from './types.ts';
import { cellEvidence } from './lib/evidence.ts';
import { na, pass, uncertain } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** Evidence items listed in one finding (the reviewer checks them against their pictures). */
const LIMIT = 40;

export const scanOcrConfidence: Check = {
  meta: checkMeta('scan.ocr-confidence'),
  run(report) {
    if (!report.ocr) return [na('不是扫描件')];
    const evidence: Evidence[] = [...doubtfulCells(report)];
    for (const line of report.ocr.doubtfulLines) {
      evidence.push({ page: line.page, text: line.text, ocr: { confidence: line.confidence, ...(line.image ? { image: line.image } : {}) } });
    }
    const pages = `第 ${report.ocr.pages.join('、')} 页`;
    if (evidence.length === 0) return [pass(`扫描件（${pages}）经文字识别读取，识别把握均较高`)];
    const cells = evidence.filter((e) => e.table).length;
    const lines = evidence.length - cells;
    const parts = [cells > 0 ? `${cells} 个表格数值` : '', lines > 0 ? `${lines} 行文字` : ''].filter(Boolean).join('、');
    return [
      uncertain(`扫描件（${pages}）经文字识别读取，其中${parts}识别把握不大，请对照原件图像核对`, evidence.slice(0, LIMIT), {
        measure: evidence.length,
      }),
    ];
  },
};

function* doubtfulCells(report: Report): Generator<Evidence> {
  for (const table of ['active', 'requests', 'review'] as const) {
    if (table === 'requests') {
      const rows = report.tableSources.requests ?? [];
      for (let row = 0; row < rows.length; row++) {
        const cols = rows[row] ?? [];
        for (let col = 0; col < cols.length; col++) {
          const source = cols[col];
          if (source?.ocr && isDoubtful(source.raw, source.ocr.confidence)) yield cellEvidence(report, { table, row, col });
        }
      }
    } else {
      const cells = report.tableSources[table] ?? [];
      for (let row = 0; row < cells.length; row++) {
        const source = cells[row];
        if (source?.ocr && isDoubtful(source.raw, source.ocr.confidence)) yield cellEvidence(report, { table, index: row });
      }
    }
  }
}
