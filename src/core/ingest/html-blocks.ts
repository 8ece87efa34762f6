/**
 * HTML element tree → Document blocks, shared by the .docx reader (mammoth's HTML) and the web-page reader.
 *
 * - Paragraph-like elements (p, headings, list items, divs, <br>-separated lines) become paragraph blocks.
 * - A data table becomes a TableBlock whose merged cells are expanded into a full grid: a cell with
 *   rowspan=22 appears in each of its 22 rows, the copies marked `spanned: true`; colspan likewise; short
 *   rows are padded with '' so every row has the same width.
 * - A table that holds other tables, or has a single column, is page layout, not data: its cells are read
 *   as ordinary content, so the tables inside it come out as tables of their own.
 * - Every block, row and cell carries `pos.offset`: its start in the text made by joining the blocks in
 *   reading order (paragraph + '\n'; table cells + '\t', rows ending with '\n'). Spanned copies carry the
 *   offset of the cell they copy.
 */
import type { Block, ParagraphBlock, TableBlock, TableRowBlock, TableCellBlock } from '../document.ts';
import type { HtmlElement, HtmlNode } from './html-dom.ts';

/** Elements whose boundaries end a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements that never contribute text (their content, if any, is not part of the page's reading text). */
const SKIPPED = new Set(['head', 'title', 'meta', 'link', 'base', 'img', 'input', 'col', 'colgroup', 'option', 'optgroup']);

/** Largest span honoured; bigger values are clipped (a bogus rowspan=65534 must not build a huge grid). */
const MAX_COLSPAN = 1000;
const MAX_COLUMNS = 2000;

/** Whitespace including full-width spaces: collapsed to one space within a line. */
const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** Content the page hides from readers (hidden attribute, display:none) is not part of the report. */
function isHidden(element: HtmlElement): boolean {
  return 'hidden' in element.attrs || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.attrs.style ?? '');
}

function elementChildren(element: HtmlElement): HtmlElement[] {
  return element.children.filter((child): child is HtmlElement => child.type === 'element');
}

/** The rows of a table in order: its own <tr>s, including those inside thead/tbody/tfoot, never a nested table's. */
export function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of elementChildren(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      rows.push(...elementChildren(child).filter((row) => row.name === 'tr'));
    }
  }
  return rows;
}

function rowCells(row: HtmlElement): HtmlElement[] {
  return elementChildren(row).filter((cell) => cell.name === 'td' || cell.name === 'th');
}

function containsTable(element: HtmlElement): boolean {
  for (const child of elementChildren(element)) {
    if (child.name === 'table' || containsTable(child)) return true;
  }
  return false;
}

/** A table used to lay out a page or frame text, rather than to hold data. */
export function isLayoutTable(table: HtmlElement): boolean {
  const rows = tableRows(table);
  if (rows.some((row) => rowCells(row).some(containsTable))) return true;
  const widest = Math.max(0, ...rows.map((row) => rowCells(row).reduce((sum, cell) => sum + spanOf(cell, 'colspan'), 0)));
  return widest <= 1;
}

function spanOf(cell: HtmlElement, attribute: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(cell.attrs[attribute] ?? '1', 10);
  if (!Number.isFinite(value) || value < 1) return attribute === 'rowspan' && value === 0 ? Number.MAX_SAFE_INTEGER : 1;
  return attribute === 'colspan' ? Math.min(value, MAX_COLSPAN) : value;
}

/** A cell's text: block elements and <br> inside it separated by spaces, whitespace collapsed, '' when blank. */
export function cellText(cell: HtmlElement): string {
  const parts: string[] = [];
  const walk = (node: HtmlNode): void => {
    if (node.type === 'text') {
      parts.push(node.text);
      return;
    }
    if (SKIPPED.has(node.name) || isHidden(node)) return;
    if (node.name === 'br' || node.name === 'hr') {
      parts.push(' ');
      return;
    }
    const isBlock = BLOCK_ELEMENTS.has(node.name);
    if (isBlock) parts.push(' ');
    for (const child of node.children) walk(child);
    if (isBlock) parts.push(' ');
  };
  for (const child of cell.children) walk(child);
  return collapseWhitespace(parts.join(''));
}

class BlockEmitter {
  readonly blocks: Block[] = [];
  offset: number;
  private inline: string[] = [];

  constructor(startOffset: number) {
    this.offset = startOffset;
  }

  addText(text: string): void {
    this.inline.push(text);
  }

  /** End the current paragraph (if it has any text). */
  flush(): void {
    if (this.inline.length === 0) return;
    const text = collapseWhitespace(this.inline.join(''));
    this.inline = [];
    if (!text) return;
    const block: ParagraphBlock = { kind: 'paragraph', text, pos: { offset: this.offset } };
    this.blocks.push(block);
    this.offset += text.length + 1;
  }

  addTable(table: HtmlElement): void {
    this.flush();
    const grid = expandGrid(table, this.offset);
    if (grid.block.rows.length > 0) this.blocks.push(grid.block);
    this.offset = grid.endOffset;
  }
}

/**
 * Expand a data table into a rectangular grid. Offsets count each source cell once, in source order
 * (cell text + '\t'); a row with no source cell of its own (all copies) still ends with '\n'.
 */
export function expandGrid(table: HtmlElement, startOffset: number): { block: TableBlock; endOffset: number } {
  const sourceRows = tableRows(table);
  const grid: Array<Array<(TableCellBlock & { spanned?: boolean }) | undefined>> = sourceRows.map(() => []);
  const rowOffsets: number[] = [];
  let offset = startOffset;
  sourceRows.forEach((row, r) => {
    rowOffsets.push(offset);
    let column = 0;
    const line = grid[r] ?? [];
    for (const cell of rowCells(row)) {
      while (line[column] !== undefined) column++;
      if (column >= MAX_COLUMNS) break;
      const text = cellText(cell);
      const original: TableCellBlock = { text, pos: { offset } };
      offset += text.length + 1;
      const rowspan = Math.min(spanOf(cell, 'rowspan'), sourceRows.length - r);
      const colspan = Math.min(spanOf(cell, 'colspan'), MAX_COLUMNS - column);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr];
        if (!target) break;
        for (let dc = 0; dc < colspan; dc++) {
          // An overlapping span (malformed table) never overwrites a cell already placed.
          if (target[column + dc] !== undefined) continue;
          target[column + dc] = dr === 0 && dc === 0 ? original : { text, pos: original.pos, spanned: true };
        }
      }
      column += colspan;
    }
    if (rowCells(row).length === 0) offset += 1;
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  const rows: TableRowBlock[] = [];
  grid.forEach((line, r) => {
    const cells: Array<TableCellBlock & { spanned?: boolean }> = [];
    for (let c = 0; c < width; c++) cells.push(line[c] ?? { text: '', pos: { offset: rowOffsets[r] } });
    rows.push({ cells, pos: { offset: rowOffsets[r] } });
  });
  // Drop rows that are entirely empty and hold no source cell (e.g. <tr></tr> spacers).
  const kept = rows.filter((row, r) => rowCells(sourceRows[r] as HtmlElement).length > 0 || row.cells.some((cell) => cell.text));
  return { block: { kind: 'table', rows: kept, pos: { offset: startOffset } }, endOffset: offset };
}

/** Turn the content of `root` into blocks; offsets start at `startOffset`. */
export function htmlToBlocks(root: HtmlElement, startOffset = 0): Block[] {
  const emitter = new BlockEmitter(startOffset);
  const walk = (node: HtmlNode): void => {
    if (node.type === 'text') {
      emitter.addText(node.text);
      return;
    }
    if (SKIPPED.has(node.name) || isHidden(node)) return;
    if (node.name === 'br') {
      // Outside tables a line break starts a new paragraph (web pages separate paragraphs with <br>).
      emitter.flush();
      return;
    }
    if (node.name === 'table') {
      if (isLayoutTable(node)) {
        emitter.flush();
        for (const row of tableRows(node)) {
          for (const cell of rowCells(row)) {
            for (const child of cell.children) walk(child);
            emitter.flush();
          }
        }
        // Text placed directly in <table> outside any row (broken markup) is still content.
        for (const child of node.children) if (child.type === 'text') emitter.addText(child.text);
        emitter.flush();
      } else {
        for (const caption of elementChildren(node).filter((child) => child.name === 'caption')) {
          emitter.flush();
          emitter.addText(cellText(caption));
          emitter.flush();
        }
        emitter.addTable(node);
      }
      return;
    }
    const isBlock = BLOCK_ELEMENTS.has(node.name);
    if (isBlock) emitter.flush();
    for (const child of node.children) walk(child);
    if (isBlock) emitter.flush();
  };
  walk(root);
  emitter.flush();
  return emitter.blocks;
}
