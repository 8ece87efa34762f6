/**
 * Saved web pages (.htm/.html/.shtml, simple .mht) → Document. Decode the bytes (BOM, declared
 * charset, strict UTF-8, GB18030), parse without running anything, keep the article (not the
 * portal's navigation, banners and footers), then read it with the same block builder as .docx.
 */
import { IngestError, type Block, type Document } from '../document.ts';
import { decodeHtmlBytes } from './html-charset.ts';
import { parseHtml, type HtmlElement } from './html-dom.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { pageTitle, selectArticle } from './html-article.ts';
import { extractMhtHtml, looksLikeMht } from './html-mht.ts';

export async function ingestHtml(bytes: Uint8Array): Promise<Document> {
  const warnings: string[] = [];
  let pageBytes = bytes;
  let givenCharset = '';
  if (looksLikeMht(bytes)) {
    const part = extractMhtHtml(bytes);
    if (!part) throw new IngestError('damaged', '网页存档（.mht）中没有找到网页正文（text/html 部分）');
    pageBytes = part.bytes;
    givenCharset = part.charset;
  }
  const decoded = decodeHtmlBytes(pageBytes, givenCharset);
  if (decoded.note) warnings.push(decoded.note);
  const root = parseHtml(decoded.text);
  const metaTitle = pageTitle(root);
  const { parts } = selectArticle(root);
  // Read the parts as one flow so offsets run on across them.
  const container: HtmlElement = { type: 'element', name: 'div', attrs: {}, children: parts, parent: null };
  const blocks: Block[] = htmlToBlocks(container);
  if (blocks.length === 0) throw new IngestError('empty', '网页中没有可读取的文字');
  const document: Document = { format: 'html', blocks, warnings };
  if (metaTitle) document.metaTitle = metaTitle;
  return document;
}
