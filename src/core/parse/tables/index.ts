/**
 * Find the three statistical tables in a Document and map them onto the canonical shapes of DOMAIN.md.
 * Which table a block is comes from its content (row labels), then from the part it stands in;
 * a table continued on the next page joins the one before it. A table that is not there is null.
 */
import type { Block, TableBlock, TableCellBlock } from '../../document.ts';
import type { ObservedRowLabel, ReportTables, ReportTableSources, RunCut, TableId } from '../../../shared/model.ts';
import { isActive2019Layout, mapActive } from './active.ts';
import { mapRequests } from './requests.ts';
import { mapReview } from './review.ts';
import { resolveRuns } from './run-resolve.ts';
import { observedRows, rowsFromStream, tableText, type ObservedRow, type RowOptions } from './rows.ts';
import {
  ACTIVE_2021,
  NORMATIVE_DOCUMENTS,
  REQUEST_HEADER,
  REQUEST_ROW,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  requestHeadingName,
  requestRowShort,
} from '../../../shared/template/index.ts';

/** Words that mark each table: fragments of its labels, and some of its labels as the template writes them. */
const CLASS_KEYS: Record<TableId, string[]> = {
  requests: [
    '本年新收', '上年结转', '办理结果', '结转下年度', '国家秘密', '三安全一稳定', '过程性信息', '信访举报',
    REQUEST_HEADER.all,
    requestRowShort(REQUEST_ROW.firstResult),
    ...[1, 2, 3].map(requestHeadingName),
    // The repeated-applications row of the not-processed group.
    requestRowShort(16),
  ],
  review: [REVIEW_COLUMNS[0], REVIEW_COLUMNS[1], REVIEW_COLUMNS[3], '直接起诉', REVIEW_BLOCKS[2]!.sub!],
  active: ['第二十条', ACTIVE_2021.rows[0]!.label, NORMATIVE_DOCUMENTS, ...ACTIVE_2021.rows.slice(2, 5).map((r) => r.label), '事业性收费', '集中采购', '制发件数', '决定数量'],
};

const PART_TABLE: Record<number, TableId> = { 2: 'active', 3: 'requests', 4: 'review' };

export function classifyTable(text: string): TableId | null {
  let best: TableId | null = null;
  let bestHits = 0;
  for (const id of ['requests', 'review', 'active'] as const) {
    const hits = CLASS_KEYS[id].filter((k) => text.includes(k)).length;
    if (hits > bestHits) {
      best = id;
      bestHits = hits;
    }
  }
  return best;
}

export interface LocatedBlock {
  block: Block;
  /** The part (1–6) the block stands in, 0 before part 一. */
  part: number;
}

export interface ExtractedTables {
  tables: ReportTables;
  sources: ReportTableSources;
  requestsLabels: ObservedRowLabel[];
  active2019: boolean;
  requests2019: boolean;
  warnings: string[];
  /** Runs of digits cut into cells (empty when every cell stood on its own). */
  runCuts: RunCut[];
}

/**
 * A table row's text as pieces: labels and numbers, split at spaces and where digits meet words
 * ("规章000行政规范…文件0 0 41" → 规章 | 000 | 行政规范…文件 | 0 | 0 | 41). A digit right before "."/"、" and
 * a word is the next row's list number ("00000002.其他法律…" → 0000000 | 2.其他法律…), not a value.
 */
export function tableTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    // A sign stays with its number ("-1", "结转下年度-10", "130-13").
    // Linear: digit runs start only at a run's start, and \D+? always ends (at a digit or the end).
    // eslint-disable-next-line regexp/no-super-linear-move -- `$` cannot reject, see above
    const parts = word.match(/[-+]?(?<!\d)\d+(?:\.\d+)?(?![\d.])|(?<!\d)\d+(?=\.)|\D+?(?=[-+]\d|\d|$)/g) ?? [];
    let label = '';
    const flush = (): void => {
      // A blank-cell mark glued to the label before it ("出版物-") is a cell, not part of the label.
      const mark = /^(.*[^-—–/／\s])([-—–/／]+)$/.exec(label);
      if (mark) out.push(mark[1]!, mark[2]!);
      else if (label !== '') out.push(label);
      label = '';
    };
    parts.forEach((part, i) => {
      const next = parts[i + 1];
      if (/^[-+]?\d/.test(part) && next !== undefined && /^[.．、][^\d]/.test(next)) {
        // The last digit numbers the next label; the digits before it are this row's values.
        flush();
        if (part.length > 1) out.push(part.slice(0, -1));
        label = part.slice(-1);
      } else if (/^[-+]?\d/.test(part)) {
        flush();
        out.push(part);
      } else {
        label += part;
      }
    });
    flush();
  }
  return out;
}

/**
 * Tables pasted as text without separators (copied out of a PDF or a web page): "label  14  0  0 …" on one
 * line, a whole table on one line with cells spaced or run together, or one cell per line. Table-like
 * paragraphs of the part become a stream of cells, re-cut into rows like one-cell-per-line text. Narrative
 * sentences are left out: a long line with sentence punctuation and few numbers is prose, not a row.
 */
function rowsFromParagraphText(blocks: LocatedBlock[], options: RowOptions): ObservedRow[] {
  const cells: TableCellBlock[] = [];
  for (const { block } of blocks) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.normalize('NFKC').trim();
    const words = text.split(/\s+/);
    const spacedNumbers = words.filter((t) => /^[-+]?\d+(\.\d+)?$/.test(t)).length;
    const prose = text.length > 60 && /[。；;]|，.*，/.test(text) && spacedNumbers < 3;
    if (prose) continue;
    // Numbers inside words ("规章55") are cells only where no sentence ends: "截至2012年末…。" is prose.
    const tokens = /[。！？!?]/.test(text) ? words.filter((w) => w !== '') : tableTokens(text);
    for (const token of tokens) cells.push({ text: token, pos: block.pos });
  }
  return rowsFromStream(cells, options);
}

export function extractTables(located: LocatedBlock[], options: RowOptions): ExtractedTables {
  const groups: Record<TableId, TableBlock[]> = { active: [], requests: [], review: [] };
  let previous: { id: TableId; index: number } | null = null;
  located.forEach(({ block, part }, index) => {
    if (block.kind !== 'table') return;
    const text = tableText(block, options);
    let id = classifyTable(text);
    // A continuation with no labels (e.g. table 四's data row on the next page) joins the table before it.
    if (id === null && previous && index - previous.index <= 3) id = previous.id;
    id ??= PART_TABLE[part] ?? null;
    if (id === null) return;
    groups[id].push(block);
    previous = { id, index };
  });

  const rowsOf = (id: TableId): ObservedRow[] => {
    if (groups[id].length > 0) return groups[id].flatMap((t) => observedRows(t, options));
    const part = Number(Object.entries(PART_TABLE).find(([, v]) => v === id)?.[0]);
    return rowsFromParagraphText(located.filter((l) => l.part === part), options);
  };

  const warnings: string[] = [];
  const activeText = groups.active.map((t) => tableText(t, options)).join(' ');
  const active = mapActive(rowsOf('active'), isActive2019Layout(activeText));
  const requests = mapRequests(rowsOf('requests'));
  const review = mapReview(rowsOf('review'));
  warnings.push(...(active?.warnings ?? []), ...(requests?.warnings ?? []), ...(review?.warnings ?? []));
  const tables: ReportTables = { active: active?.values ?? null, requests: requests?.values ?? null, review: review?.values ?? null };
  const sources: ReportTableSources = { active: active?.sources ?? null, requests: requests?.sources ?? null, review: review?.sources ?? null };
  const runCuts = resolveRuns(tables, sources, [...(active?.runs ?? []), ...(requests?.runs ?? []), ...(review?.runs ?? [])]);
  return {
    tables,
    sources,
    runCuts,
    requestsLabels: requests?.labels ?? [],
    active2019: active?.layout2019 ?? false,
    requests2019: requests?.layout2019 ?? false,
    warnings,
  };
}
