/** 总览 charts of the year: grade distribution and failed checks per dimension, as on the printed summary. */
import { useEffect, useState } from 'react';
import type { YearCharts } from '../../shared/year-charts.ts';
import { api } from '../api/client.ts';
import { useApp } from '../store.ts';
import { ChartFigure } from './ChartFigure.tsx';

export function OverviewCharts({ year }: { year: number }) {
  const dataVersion = useApp((s) => s.dataVersion);
  const [charts, setCharts] = useState<YearCharts | null>(null);
  useEffect(() => {
    let live = true;
    api.yearCharts({ year }).then(
      (c) => live && setCharts(c),
      // The table below still works without the charts; a failed fetch only hides them.
      () => live && setCharts(null),
    );
    return () => {
      live = false;
    };
  }, [year, dataVersion]);
  if (!charts || charts.grades.bars.every((b) => b.value === 0)) return null;
  return (
    <section className="card overview-charts" aria-label="图表">
      <ChartFigure chart={charts.grades} width={460} />
      <ChartFigure chart={charts.dimensions} width={460} />
    </section>
  );
}
