/**
 * Which template a report follows: 2021 (国办公开办函〔2021〕30号), 2019 (〔2019〕60号 trial, table 二 with
 * 22 values and the last result group of table 三 as a single row), or legacy (2008 条例: seven items, statistics annex).
 */
import type { Generation, PartNumber } from '../../shared/model.ts';

export function detectGeneration(input: {
  year: number | null;
  partsFound: Set<PartNumber>;
  legacyHeadings: number;
  active2019: boolean;
  requests2019: boolean;
  hasActiveTable: boolean;
  hasTables: boolean;
}): Generation {
  // Table 二's columns are the clearest mark of the template. Some 2021-format reports keep the old
  // single row for the last result group in table 三 (a label defect, not another template), so that row only
  // decides when table 二 is absent.
  if (input.active2019) return '2019';
  if (!input.hasActiveTable && input.requests2019) return '2019';
  const newFormatSignals = input.hasTables || (input.partsFound.has(4) && input.partsFound.has(6));
  if (input.year !== null && input.year <= 2018 && !input.hasTables) return 'legacy';
  if (!newFormatSignals && input.legacyHeadings >= 3) return 'legacy';
  return '2021';
}
