/** AuditorApi: the printable documents (audit sheet, rectification notice, the year's summary) as HTML. */
import type { AuditorApi } from '../../shared/api.ts';
import type { Db } from '../store/db.ts';
import { rosterForYear } from '../store/roster.ts';
import { summaries } from '../store/reports.ts';
import { ENGINE_VERSION } from '../engine.ts';
import { renderNoticeHtml, renderSheetHtml, renderSummaryHtml } from '../engine-documents.ts';
import { embedFonts } from '../print/fonts.ts';
import { ServiceError, guard } from './errors.ts';
import { auditResultOf, reportDetail } from './reports.ts';

export function documentApi(db: Db, office: string | undefined): Pick<AuditorApi, 'renderDocument'> {
  return {
    renderDocument: (input) =>
      guard(() => {
        // The preview must look like the printed PDF on any machine: embed the bundled CJK font.
        const withFonts = (doc: { html: string; title: string }): { html: string; title: string } => ({ ...doc, html: embedFonts(doc.html) });
        if (input.kind === 'summary') {
          if (input.year === undefined) throw new ServiceError('invalid', '生成汇总表需要指定年度');
          const year = input.year;
          const latest = summaries(db, { year, latestOnly: true });
          const missing = rosterForYear(db, year)
            .filter((e) => !latest.some((r) => r.departmentId === e.departmentId))
            .map((e) => e.department);
          return withFonts(renderSummaryHtml({
            year,
            results: latest.map((r) => auditResultOf(db, r.reportId)),
            missing,
            generatedAt: new Date().toISOString(),
            ...(office ? { office } : {}),
          }));
        }
        if (input.reportId === undefined) throw new ServiceError('invalid', '生成审核意见单或整改通知需要指定报告');
        const d = reportDetail(db, input.reportId);
        if (input.kind === 'sheet') {
          return withFonts(renderSheetHtml({
            result: d.result,
            importedAt: d.summary.importedAt,
            auditedAt: new Date().toISOString(),
            engineVersion: ENGINE_VERSION,
            decisions: d.decisions,
            corrections: d.corrections,
            ...(office ? { office } : {}),
          }));
        }
        if (input.kind === 'notice') {
          const today = new Date().toISOString().slice(0, 10);
          const fixBy = input.fixBy ?? new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
          return withFonts(renderNoticeHtml({
            result: d.result,
            fixBy,
            issuedOn: today,
            decisions: d.decisions,
            ...(office ? { office } : {}),
          }));
        }
        throw new ServiceError('invalid', `文书类型无效：${String(input.kind)}`);
      }),
  };
}
