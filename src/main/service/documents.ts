/** AuditorApi: the printable documents (audit sheet, rectification notice, the year's summary) as HTML. */
import type { AuditorApi } from '../../shared/api.ts';
import type { Store } from '../store/store.ts';
import { ENGINE_VERSION } from '../engine.ts';
import { renderNoticeHtml, renderSheetHtml, renderSummaryHtml } from '../engine-documents.ts';
import { embedFonts } from '../print/fonts.ts';
import { ServiceError, guard } from './errors.ts';
import { reportDetail } from './reports.ts';
import { loadYearFromStore } from '../export/from-store.ts';
import { officeName } from './settings.ts';
import { competitionRanks } from '../../shared/rank.ts';

/** 第 N 名 / 共 M 家 among the scored latest reports of the report's year, as on the summary. */
async function rankOf(store: Store, reportId: number, year: number | null): Promise<{ rank: number; of: number } | null> {
  if (year === null) return null;
  const latest = await store.reports.summaries({ year, latestOnly: true });
  const ranks = competitionRanks(latest.map((r) => ({ score: r.score, vetoed: Boolean(r.veto) })));
  const rank = ranks[latest.findIndex((r) => r.reportId === reportId)];
  return rank === null || rank === undefined ? null : { rank, of: ranks.filter((r) => r !== null).length };
}

export function documentApi(store: Store, fallbackOffice: string | undefined): Pick<AuditorApi, 'renderDocument'> {
  return {
    renderDocument: (input) =>
      guard(async () => {
        const office = await officeName(store, fallbackOffice);
        // The preview must look like the printed PDF on any machine: embed the bundled CJK font.
        const withFonts = (doc: { html: string; title: string }): { html: string; title: string } => ({ ...doc, html: embedFonts(doc.html) });
        if (input.kind === 'summary') {
          if (input.year === undefined) throw new ServiceError('invalid', '生成汇总表需要指定年度');
          const year = input.year;
          // The same year as the batch export and the overview: latest reports, stored names, decisions applied.
          const { results, decisions, missing } = await loadYearFromStore(store, year);
          return withFonts(renderSummaryHtml({
            year,
            results,
            decisions,
            missing,
            generatedAt: new Date().toISOString(),
            ...(office ? { office } : {}),
          }));
        }
        if (input.reportId === undefined) throw new ServiceError('invalid', '生成审核意见单或整改通知需要指定报告');
        const d = await reportDetail(store, input.reportId);
        if (input.kind === 'sheet') {
          return withFonts(renderSheetHtml({
            result: d.result,
            importedAt: d.summary.importedAt,
            auditedAt: new Date().toISOString(),
            engineVersion: ENGINE_VERSION,
            decisions: d.decisions,
            corrections: d.corrections,
            comment: d.comment,
            rank: await rankOf(store, input.reportId, d.summary.year),
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
