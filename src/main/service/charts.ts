/**
 * AuditorApi: the charts' data. The year's grade distribution and failed checks per dimension come from the
 * summary's own view of the same results the printed summary uses, so screen and paper show the same numbers;
 * the trends of applications received, carried over and administrative reconsiderations over the imported years come from each year's roll-up (the
 * region) or the department's latest report of each year (corrections applied).
 */
import type { AuditorApi } from '../../shared/api.ts';
import { trendValues, type TrendPoint } from '../../shared/year-charts.ts';
import { buildSummaryView } from '../engine-documents.ts';
import { effectiveReport } from '../auditing.ts';
import { loadYearRollup } from '../export/rollup.ts';
import type { Store } from '../store/store.ts';
import { ServiceError, guard } from './errors.ts';
import { auditResultOf } from './reports.ts';

const NO_VALUES = { received: null, carried: null, reconsideration: null } as const;

export function chartsApi(store: Store): Pick<AuditorApi, 'yearCharts' | 'regionTrend' | 'departmentTrend'> {
  return {
    yearCharts: (input) =>
      guard(async () => {
        const results = [];
        for (const r of await store.reports.summaries({ year: input.year, latestOnly: true })) results.push(await auditResultOf(store, r.reportId));
        return buildSummaryView({ year: input.year, results, generatedAt: '' }).charts;
      }),
    regionTrend: () =>
      guard(async () => {
        const points: (TrendPoint & { departments: number })[] = [];
        for (const year of await store.reports.years()) {
          const { rollup } = await loadYearRollup(store, year);
          // A year where no department's tables could be added has no region values (not zeros).
          points.push({ year, ...(rollup.included.length > 0 ? trendValues(rollup.tables) : NO_VALUES), departments: rollup.included.length });
        }
        return { points: points.sort((a, b) => a.year - b.year) };
      }),
    departmentTrend: (input) =>
      guard(async () => {
        const department = await store.departments.get(input.departmentId);
        if (!department) throw new ServiceError('not-found', `单位不存在：${input.departmentId}`);
        const points: TrendPoint[] = [];
        for (const year of await store.reports.years()) {
          const id = await store.reports.latestId(input.departmentId, year);
          const report = id !== null ? await effectiveReport(store, id) : null;
          if (!report) continue;
          // The 2019 trial and legacy formats have other tables: their cells are not these.
          points.push({ year, ...(report.generation === '2021' ? trendValues(report.tables) : NO_VALUES) });
        }
        return { department: department.name, points: points.sort((a, b) => a.year - b.year) };
      }),
  };
}
