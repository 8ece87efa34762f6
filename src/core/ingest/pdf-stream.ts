import type { TextPiece } from './pdf-page.ts';
import type { GridTable } from './pdf-lattice.ts';
export function findStreamTables(pieces: readonly TextPiece[]): { tables: GridTable[]; rest: TextPiece[] } {
  return { tables: [], rest: [...pieces] };
}
