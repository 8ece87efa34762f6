/**
 * Legacy Word 97-2003 (.doc, and Kingsoft .wps, both OLE compound files) → Document, text only,
 * through word-extractor. In its text every table cell ends with a tab, and a row often runs on
 * into the next row (and even into the paragraph after the table) without a line break, so rows
 * are marked uncertain and the table mapper re-cuts them by label.
 */
import WordExtractor from 'word-extractor';
import { IngestError, type Block, type Document, type TableBlock, type TableCellBlock } from '../document.ts';
import { collapseWhitespace } from './html-blocks.ts';

/** True when `bytes` contain `name` as a UTF-16LE string (how OLE directory entries are named). */
function hasOleStreamName(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  const first = pattern[0];
  outer: for (let at = bytes.indexOf(first ?? 0); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(first ?? 0, at + 1)) {
    for (let j = 1; j < pattern.length; j++) if (bytes[at + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** True when the OLE header points its directory past the end of the file (a truncated file). */
function oleDirectoryMissing(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  const sectorSize = sectorShift >= 7 && sectorShift <= 16 ? 2 ** sectorShift : 512;
  const directorySector = view.getUint32(48, true);
  return (directorySector + 1) * sectorSize >= bytes.length;
}

interface TextLine {
  text: string;
  cells: string[] | null;
}

/** Split a body line: cells when it has tabs (trailing tab = end of the last cell), else null. */
function readLine(line: string): TextLine {
  if (!line.includes('\t')) return { text: line, cells: null };
  const parts = line.split('\t');
  // A line ending in a tab ends with a cell; otherwise what follows the last tab is the paragraph
  // written right after the table (row ends carry no line break), handled by the caller.
  if (parts[parts.length - 1] === '') parts.pop();
  return { text: line, cells: parts.map(collapseWhitespace) };
}

/** Turn word-extractor's body text into paragraph and table blocks with offsets. */
export function docTextToBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  let table: TableBlock | null = null;
  const endTable = (): void => {
    if (!table) return;
    const rows = table.rows;
    const hasData = rows.some((row) => row.cells.filter((cell) => cell.text !== '').length >= 2);
    if (hasData) {
      blocks.push(table);
    } else {
      // Tab-separated lines that never hold two cells are tab-aligned text, not a table.
      for (const row of rows) {
        const text = collapseWhitespace(row.cells.map((cell) => cell.text).join(' '));
        if (text) blocks.push({ kind: 'paragraph', text, pos: row.pos });
      }
    }
    table = null;
  };
  const addParagraph = (raw: string, at: number): void => {
    const text = collapseWhitespace(raw);
    if (text) blocks.push({ kind: 'paragraph', text, pos: { offset: at } });
  };
  for (const rawLine of body.split(/\r?\n/)) {
    const line = readLine(rawLine);
    if (!line.cells) {
      endTable();
      addParagraph(line.text, offset);
      offset += rawLine.length + 1;
      continue;
    }
    const endsWithCell = rawLine.endsWith('\t');
    const cellTexts = endsWithCell ? line.cells : line.cells.slice(0, -1);
    const trailing = endsWithCell ? '' : (line.cells[line.cells.length - 1] ?? '');
    if (!table) table = { kind: 'table', rows: [], pos: { offset }, rowsUncertain: true };
    const cells: TableCellBlock[] = [];
    let at = offset;
    for (const [index, text] of cellTexts.entries()) {
      cells.push({ text, pos: { offset: at } });
      at += (rawLine.split('\t')[index] ?? '').length + 1;
    }
    if (cells.length > 0) table.rows.push({ cells, pos: { offset } });
    if (trailing) {
      endTable();
      addParagraph(trailing, at);
    }
    offset += rawLine.length + 1;
  }
  endTable();
  return blocks;
}

export async function ingestDoc(bytes: Uint8Array): Promise<Document> {
  if (hasOleStreamName(bytes, 'EncryptedPackage') || hasOleStreamName(bytes, 'EncryptionInfo')) {
    throw new IngestError('encrypted', 'Word 文件设有密码保护，无法读取');
  }
  if (!hasOleStreamName(bytes, 'WordDocument')) {
    if (oleDirectoryMissing(bytes)) throw new IngestError('damaged', 'Word 97-2003 文档（.doc）不完整（文件可能被截断），无法读取');
    throw new IngestError('wrong-format', '不是 Word 97-2003 文档（.doc）：文件中没有 Word 正文（可能是 Excel、PowerPoint 或其他 Office 文件）');
  }
  let body: string;
  try {
    const extracted = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = extracted.getBody({ filterUnicode: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError('damaged', `Word 97-2003 文档（.doc）无法读取，文件可能已损坏：${reason}`);
  }
  const blocks = docTextToBlocks(body);
  if (blocks.length === 0) throw new IngestError('empty', 'Word 文档（.doc）中没有可读取的文字');
  return {
    format: 'doc',
    blocks,
    warnings: ['旧版 Word 文档（.doc）只能读取文字，表格的行列结构可能不准确；如有条件请另存为 .docx 后重新导入'],
  };
}
