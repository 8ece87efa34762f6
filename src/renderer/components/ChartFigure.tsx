/**
 * One chart on screen: the SVG of src/shared/charts.ts (the picture the printed summary shows) with its numbers
 * as a table under 数据 for readers who cannot see the picture or want the exact values.
 */
import { chartDescription, chartSvg, chartTable, type Chart } from '../../shared/charts.ts';

export function ChartFigure({ chart, width }: { chart: Chart; width?: number }) {
  const table = chartTable(chart);
  return (
    <figure className="chart-figure">
      {/* The renderer never injects markup: the SVG is shown as an image (no script can run in it), named by its title and numbers. */}
      <img className="chart-svg" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(chart, width))}`} alt={`${chart.title}：${chartDescription(chart)}`} />
      <details className="chart-data">
        <summary>数据（{chart.title}）</summary>
        <table className="grid compact">
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
