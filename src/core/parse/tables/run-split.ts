/**
 * Runs of digits written without separators ("200000121" for 20|0|0|0|0|1|21), as web pages give table
 * rows when their cells are taken off the page. A run is cut into its row's cells by the template's own
 * arithmetic; numbers carry no leading zeros. Pure: the callers decide what a unique, an ambiguous or an
 * impossible cut means for the report.
 */
import { REQUEST_COLUMN, REVIEW_COLUMNS, REVIEW_TOTAL_COLUMN } from '../../../shared/template/index.ts';

/** No table value in these reports reaches eight digits; longer pieces are never one cell. */
export const MAX_CELL_DIGITS = 7;

/** How many candidate cuts are kept (and shown to the reviewer) per run. */
export const RUN_CANDIDATE_LIMIT = 24;

/**
 * A rule on the cells of one row. Called on every growing prefix (`complete` false) so it can prune
 * early, and on the full row (`complete` true). `ahead` holds the digits not yet placed.
 */
export type RowRule = (cells: readonly number[], complete: boolean, ahead: string) => boolean;

export interface RunCuts {
  /** The cuts that satisfy the rule, in the order found (shorter first cells first). */
  cuts: number[][];
  /** More cuts satisfy the rule than `limit`; `cuts` holds the first ones. */
  overflow: boolean;
}

const DIGITS = /^\d+$/;
const SIGNED = /^[-+]\d+$/;

/**
 * Every way to cut `tokens` (the row's value pieces as separated in the source: a space is always a cut)
 * into `count` cells that the rule accepts. A piece that is not a plain digit string ("1.5") is one cell.
 */
export function cutRun(tokens: readonly string[], count: number, rule: RowRule = () => true, limit = RUN_CANDIDATE_LIMIT): RunCuts {
  const cuts: number[][] = [];
  let overflow = false;
  // A signed piece ("-13", junk data the values check reports) is digits whose first cell carries the sign.
  const raw = tokens.map((t) => t.trim()).filter((t) => t !== '');
  const negative = raw.map((t) => t.startsWith('-') && SIGNED.test(t));
  const pieces = raw.map((t) => (SIGNED.test(t) ? t.replace(/^[-+]/, '') : t));
  if (count <= 0 || pieces.length > count) return { cuts, overflow };
  // With a negative cell ahead a partial sum says nothing: the rule then only judges whole rows.
  const judge: RowRule = negative.some(Boolean) ? (cells, complete, ahead) => !complete || rule(cells, complete, ahead) : rule;
  // capacityFrom[i]: cells the pieces from i on can hold at most (an atomic piece holds one).
  const capacityFrom = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) capacityFrom[i] = capacityFrom[i + 1]! + (DIGITS.test(pieces[i]!) ? pieces[i]!.length : 1);
  if (capacityFrom[0]! < count) return { cuts, overflow };
  const digitsFrom = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) digitsFrom[i] = digitsFrom[i + 1]! + (DIGITS.test(pieces[i]!) ? pieces[i]!.length : 0);
  const allDigits = pieces.filter((p) => DIGITS.test(p)).join('');
  const cells: number[] = [];

  const walk = (piece: number, at: number): boolean => {
    if (piece === pieces.length) {
      if (cells.length === count && judge(cells, true, '')) {
        if (cuts.length >= limit) {
          overflow = true;
          return false;
        }
        cuts.push([...cells]);
      }
      return true;
    }
    const text = pieces[piece]!;
    if (!DIGITS.test(text)) {
      const value = Number(text);
      if (!Number.isFinite(value)) return true;
      return place(value, piece + 1, 0);
    }
    const rest = text.length - at;
    for (let length = 1; length <= Math.min(MAX_CELL_DIGITS, rest); length++) {
      // No leading zeros: a piece starting with 0 is the single cell 0.
      if (length > 1 && text[at] === '0') break;
      const value = Number(text.slice(at, at + length)) * (at === 0 && negative[piece] ? -1 : 1);
      const done = at + length === text.length;
      if (!place(value, done ? piece + 1 : piece, done ? 0 : at + length)) return false;
    }
    return true;
  };

  // Place one cell and go on, if the remaining pieces can still fill the remaining cells.
  const place = (value: number, nextPiece: number, nextAt: number): boolean => {
    cells.push(value);
    const left = count - cells.length;
    const minCells = pieces.length - nextPiece;
    const maxCells = nextAt > 0 ? pieces[nextPiece]!.length - nextAt + capacityFrom[nextPiece + 1]! : capacityFrom[nextPiece]!;
    // The digits left must fit the cells left (each holds one to MAX_CELL_DIGITS digits).
    const digitsLeft = nextAt > 0 ? pieces[nextPiece]!.length - nextAt + digitsFrom[nextPiece + 1]! : digitsFrom[nextPiece]!;
    let going = true;
    if (left >= minCells && left <= maxCells && digitsLeft <= left * MAX_CELL_DIGITS && judge(cells, left === 0, allDigits.slice(allDigits.length - digitsLeft))) {
      going = walk(nextPiece, nextAt);
    }
    cells.pop();
    return going;
  };

  walk(0, 0);
  return { cuts, overflow };
}

/**
 * 表三 row: the six requester columns sum to 总计 (the last). While the six are placed, their sum can
 * be no more than the largest 总计 the remaining digits allow (their longest possible tail).
 */
export const requestsRowRule: RowRule = (cells, complete, ahead) => {
  const parts = REQUEST_COLUMN.total;
  let sum = 0;
  for (let i = 0; i < Math.min(parts, cells.length); i++) sum += cells[i]!;
  if (complete) return cells.length === parts + 1 && sum === cells[parts];
  if (cells.length > parts) return false;
  const totalDigits = Math.min(MAX_CELL_DIGITS, ahead.length - (parts - cells.length));
  return totalDigits > 0 && sum <= Number(ahead.slice(ahead.length - totalDigits));
};

/**
 * 表四 cells from `firstIndex` on (0 = the first block's first column): in each block, the four results sum to
 * its total (the last column). Checked as soon as a block is complete, so long runs are pruned early.
 */
export function reviewRule(firstIndex: number): RowRule {
  const width = REVIEW_COLUMNS.length;
  return (cells) => {
    const n = cells.length;
    const index = firstIndex + n - 1;
    if (index % width !== REVIEW_TOTAL_COLUMN || n < width) return true;
    let sum = 0;
    for (let k = n - width; k < n - 1; k++) sum += cells[k]!;
    return sum === cells[n - 1];
  };
}

/** Cells of a cut shown as the source would have them: 20|0|0|0|0|1|21. */
export function showCut(cut: readonly number[]): string {
  return cut.join('|');
}
