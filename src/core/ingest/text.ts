/**
 * Plain text (.txt) → Document. Tables written as text come in several shapes (see DOMAIN.md):
 * one row per line with `|` between cells, one cell per line ending in ` |` with `|||` fillers,
 * rows padded with `|||`, tab-separated cells, blank cells between pipes.
 */
import { IngestError, type Block, type Document, type TableRowBlock } from '../document.ts';
import { binaryShare, decodeText } from './decode.ts';

interface Line {
  text: string;
  offset: number;
  line: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let number = 1;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.replace(/\r$/, ''), offset, line: number });
    offset += raw.length + 1;
    number += 1;
  }
  return lines;
}

function isPipeLine(text: string): boolean {
  return text.includes('|') || text.includes('｜');
}

/** Markdown's line under a table header (| --- | :---: |): layout, not a row of cells. */
const MARKDOWN_RULE = /^\s*(?:[|｜]\s*)?:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*(?:[|｜]\s*)?$/;

function isTabLine(text: string): boolean {
  return text.trim().split('\t').filter((c) => c.trim() !== '').length >= 2;
}

/** Cells of one pipe line: a leading pipe opens the row, text after the last pipe is not a cell. */
function pipeCells(text: string): string[] {
  const pieces = text.replace(/｜/g, '|').split('|');
  if (pieces.length > 0 && pieces[0]!.trim() === '') pieces.shift();
  if (pieces.length > 0 && pieces[pieces.length - 1]!.trim() === '') pieces.pop();
  return pieces.map((c) => c.trim());
}

/** Lines of one cell each ("规章 |"), as pasted from some web pages: rows must be re-cut later. */
function isOneCellPerLine(lines: Line[]): boolean {
  const cellLines = lines.filter((l) => l.text.trim() !== '' && !/^\s*\|+\s*$/.test(l.text));
  if (cellLines.length < 6) return false;
  const single = cellLines.filter((l) => pipeCells(l.text).length <= 1).length;
  return single / cellLines.length > 0.8;
}

function tableFromLines(lines: Line[], kind: 'pipe' | 'tab'): Block {
  const uncertain = kind === 'pipe' && isOneCellPerLine(lines);
  const rows: TableRowBlock[] = [];
  for (const l of lines) {
    if (l.text.trim() === '' || MARKDOWN_RULE.test(l.text)) continue;
    const cells = kind === 'pipe' ? pipeCells(l.text) : l.text.split('\t').map((c) => c.trim());
    let cursor = l.offset;
    rows.push({
      cells: cells.map((c) => {
        const at = c === '' ? cursor : l.text.indexOf(c, cursor - l.offset) + l.offset;
        if (c !== '') cursor = at + c.length;
        return { text: c, pos: { offset: at >= 0 ? at : l.offset, line: l.line } };
      }),
      pos: { offset: l.offset, line: l.line },
    });
  }
  const first = lines[0]!;
  return { kind: 'table', rows, pos: { offset: first.offset, line: first.line }, ...(uncertain ? { rowsUncertain: true } : {}) };
}

export function documentFromText(text: string, format: 'txt' | 'html' = 'txt'): Document {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const trimmed = l.text.trim();
    if (trimmed === '') {
      i += 1;
      continue;
    }
    const kind = isPipeLine(l.text) ? 'pipe' : isTabLine(l.text) ? 'tab' : null;
    if (kind) {
      // A table runs while lines keep its separator; blank lines inside it are allowed.
      const group: Line[] = [];
      let j = i;
      while (j < lines.length) {
        const t = lines[j]!.text;
        if (t.trim() === '') {
          j += 1;
          continue;
        }
        if (kind === 'pipe' ? !isPipeLine(t) : !isTabLine(t)) break;
        group.push(lines[j]!);
        j += 1;
      }
      blocks.push(tableFromLines(group, kind));
      i = j;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: trimmed.replace(/\s+/g, ' '), pos: { offset: l.offset, line: l.line } });
    i += 1;
  }
  return { format, blocks, warnings: [] };
}

export async function ingestText(bytes: Uint8Array): Promise<Document> {
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw new IngestError('empty', '文件没有文字内容（空文本文件）');
  if (binaryShare(text) > 0.05) throw new IngestError('wrong-format', '文件内容不是文本（可能是二进制文件被改了扩展名）');
  return documentFromText(text);
}
