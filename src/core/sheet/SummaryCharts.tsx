/**
 * The summary's charts (grade distribution, failed checks per dimension): the SVG the overview shows
 * (src/shared/charts.ts), each with its numbers in a caption line for readers who cannot see the picture.
 */
import type { ReactNode } from 'react';
import { chartSvg, chartDescription, type Chart } from '../../shared/charts.ts';
import type { YearCharts } from '../../shared/year-charts.ts';

function Figure(props: { chart: Chart }): ReactNode {
  return (
    <figure className="chart-figure">
      {/* The SVG is built from escaped text only (charts.ts). */}
      <div className="chart-svg" dangerouslySetInnerHTML={{ __html: chartSvg(props.chart, 470) }} />
      <figcaption className="small">
        {props.chart.title}：{chartDescription(props.chart)}
      </figcaption>
    </figure>
  );
}

export function SummaryCharts(props: { charts: YearCharts }): ReactNode {
  return (
    <section className="charts">
      <Figure chart={props.charts.grades} />
      <Figure chart={props.charts.dimensions} />
    </section>
  );
}
