/** A report's failed findings per rubric dimension ("数据准确 2，要素齐全 1"), grouped as the printed sheet and summary group them. */
import { dimensionCounts } from '../../shared/problem-counts.ts';

export function FailedByDimension({ counts }: { counts: Record<string, number> }) {
  const list = dimensionCounts({ byCheck: {}, byDimension: counts });
  if (list.length === 0) return <>—</>;
  return <>{list.map((d) => `${d.dimension} ${d.count}`).join('，')}</>;
}
