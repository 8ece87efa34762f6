/** A printed table's column widths (its colgroup). */
import type { ReactNode } from 'react';

/** Each width a CSS length, or null for a column that takes its share of what is left. */
export function Columns(props: { widths: readonly (string | null)[] }): ReactNode {
  return (
    <colgroup>
      {props.widths.map((width, i) => (
        <col key={i} style={width === null ? undefined : { width }} />
      ))}
    </colgroup>
  );
}
