/**
 * Year-over-year trend of applications received, carried over and administrative reconsiderations: of the region (each year's roll-up) or of one
 * department (its latest report of each year). Shown once at least two years have values.
 */
import { useEffect, useState } from 'react';
import { trendChart, type TrendPoint } from '../../shared/year-charts.ts';
import { api } from '../api/client.ts';
import { useApp } from '../store.ts';
import { ChartFigure } from './ChartFigure.tsx';

export function TrendChart({ departmentId, title }: { departmentId?: number; title: string }) {
  const dataVersion = useApp((s) => s.dataVersion);
  const [points, setPoints] = useState<TrendPoint[]>([]);
  useEffect(() => {
    let live = true;
    const load = departmentId === undefined ? api.regionTrend() : api.departmentTrend({ departmentId });
    load.then(
      (t) => live && setPoints(t.points),
      () => live && setPoints([]),
    );
    return () => {
      live = false;
    };
  }, [departmentId, dataVersion]);
  const withValues = points.filter((p) => p.received !== null || p.carried !== null || p.reconsideration !== null);
  if (withValues.length < 2) return null;
  return (
    <section className="card trend-chart" aria-label={title}>
      <ChartFigure chart={trendChart(title, points)} width={560} />
    </section>
  );
}
