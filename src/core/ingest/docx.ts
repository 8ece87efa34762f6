/**
 * .docx → Document. mammoth turns the Word XML into HTML (keeping tables with rowspan/colspan);
 * html-blocks turns that into paragraphs and fully expanded table grids. The zip is checked against
 * size limits before mammoth sees it, and mammoth reads through a guarded zip that never inflates
 * more than each entry declared.
 */
import mammoth from 'mammoth';
import { IngestError, type Document } from '../document.ts';
import { parseHtml } from './html-dom.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { decodeEntities } from './html-entities.ts';
import { withListNumbers } from './docx-numbering.ts';
import { slimWordXml } from './docx-slim.ts';
import { installFastWordXml } from './mammoth-fast-xml.ts';
import { checkZipLimits, DOCX_ZIP_LIMITS, openGuardedZip, readZipDirectory, type GuardedZip } from './zip-guard.ts';
import { refusingUnreadableXml } from './docx-xml-guard.ts';

// mammoth parses Word XML with saxes instead of xmldom (3× faster; see mammoth-fast-xml.ts).
installFastWordXml();

/** Hints for zips that are some other kind of office file. */
function otherZipKind(names: Set<string>): string {
  if (names.has('xl/workbook.xml')) return '（这是 Excel 表格文件）';
  if (names.has('ppt/presentation.xml')) return '（这是 PowerPoint 演示文稿）';
  if (names.has('content.xml') && names.has('mimetype')) return '（这是 OpenDocument / WPS 文档，请另存为 .docx 后重新导入）';
  return '';
}

/** dc:title from docProps/core.xml, when the author filled it in. */
async function readCoreTitle(zip: GuardedZip): Promise<string | undefined> {
  if (!zip.exists('docProps/core.xml')) return undefined;
  try {
    const xml = await zip.read('docProps/core.xml', 'utf-8');
    const match = typeof xml === 'string' ? /<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/.exec(xml) : null;
    const title = match ? decodeEntities(match[1] ?? '').replace(/\s+/g, ' ').trim() : '';
    return title || undefined;
  } catch (error) {
    if (error instanceof IngestError && error.code === 'zip-bomb') throw error;
    return undefined;
  }
}

/** Parts of word/ that mammoth parses: the document, its styles, numbering, notes and comments. */
const WORD_XML_PART = /^word\/[^/]+\.xml$/;

/** The zip as mammoth sees it, with its Word XML cut down to what carries text and table shape. */
function slimmingWordXml(zip: GuardedZip): GuardedZip {
  return {
    ...zip,
    read: async (name, encoding) => {
      if (!WORD_XML_PART.test(name)) return zip.read(name, encoding);
      const xml = await zip.read(name, 'utf-8');
      const slim = typeof xml === 'string' ? slimWordXml(xml) : '';
      return encoding ? slim : new TextEncoder().encode(slim);
    },
  };
}

/** mammoth's notes that only concern styling; they say nothing the reviewer can act on. */
const STYLE_NOISE = /^Unrecognised (paragraph|run|table|numbering) style/i;

export interface DocxReadOptions {
  /** Hand mammoth the document XML as written, formatting and all (tests that slimming changes nothing). */
  keepFormattingXml?: boolean;
}

export async function ingestDocx(bytes: Uint8Array, options: DocxReadOptions = {}): Promise<Document> {
  const entries = readZipDirectory(bytes);
  checkZipLimits(entries, DOCX_ZIP_LIMITS);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('word/document.xml')) {
    throw new IngestError('wrong-format', `不是 Word 文档（.docx）：压缩包中没有 word/document.xml${otherZipKind(names)}`);
  }
  const opened = refusingUnreadableXml(await openGuardedZip(bytes, entries, DOCX_ZIP_LIMITS));
  const zip = await withListNumbers(options.keepFormattingXml ? opened : slimmingWordXml(opened));
  let imageCount = 0;
  const convertImage = mammoth.images.imgElement(async () => {
    // Never read image bytes: we only count them (tables pasted as pictures cannot be read).
    imageCount++;
    return { src: '' };
  });
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    // mammoth accepts an already opened zip as `{ file }` (lib/unzip.js); its typings list only path/buffer.
    const input = { file: zip } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    // No style map: headings and lists would only change which HTML element holds a paragraph, not its
    // text, and mammoth parses its default map anew for every file (~10 % of reading a .docx).
    result = await mammoth.convertToHtml(input, { convertImage, ignoreEmptyParagraphs: true, externalFileAccess: false, includeDefaultStyleMap: false });
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError('damaged', `Word 文档（.docx）内容无法解析，文件可能已损坏：${reason}`);
  }
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const message of result.messages) {
    if (STYLE_NOISE.test(message.message) || seen.has(message.message)) continue;
    seen.add(message.message);
    warnings.push(`读取 Word 文档时的提示：${message.message}`);
  }
  if (imageCount > 0) warnings.push(`文档中有 ${imageCount} 张图片，图片中的文字和表格无法读取`);
  const blocks = htmlToBlocks(parseHtml(result.value));
  if (blocks.length === 0) throw new IngestError('empty', 'Word 文档（.docx）中没有可读取的文字');
  const document: Document = { format: 'docx', blocks, warnings };
  const metaTitle = await readCoreTitle(zip);
  if (metaTitle) document.metaTitle = metaTitle;
  return document;
}
