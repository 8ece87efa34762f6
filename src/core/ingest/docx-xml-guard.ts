/**
 * The XML parts of a .docx are checked before mammoth parses them: a part cut short, a part with a DOCTYPE
 * (entity declarations: Word never writes them, and they are the vehicle of XXE and billion-laughs files),
 * and a part nested deeper than any real report (mammoth converts elements recursively, so 3,000 nested
 * tables overflowed its stack) are each refused with a message saying which and why.
 */
import { IngestError } from '../document.ts';
import type { GuardedZip } from './zip-guard.ts';

/** Tables inside tables: real reports use two or three levels at most. */
export const MAX_TABLE_NESTING = 50;
/** Elements inside elements, whatever they are (a normal document is 10–30 deep). */
export const MAX_ELEMENT_NESTING = 1000;

/** Name of the root element of an XML part (after the declaration, comments and processing instructions). */
function rootElementName(xml: string): string | null {
  const match = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(xml);
  return match?.[1] ?? null;
}

/**
 * True when an XML part ends where its root element ends. A part cut short (a file saved or copied only in
 * part) is otherwise handed to xmldom, whose error recovery on unclosed elements takes time quadratic in
 * the document: a 1.5 MB document.xml cut 1 KB before its end took 110 s. Found by fuzzing.
 */
export function xmlPartComplete(xml: string): boolean {
  const root = rootElementName(xml);
  if (!root) return xml.trim() === '';
  let end = xml.trimEnd();
  // Comments and processing instructions may follow the root element.
  for (;;) {
    const opener = end.endsWith('-->') ? '<!--' : end.endsWith('?>') ? '<?' : null;
    const at = opener ? end.lastIndexOf(opener) : -1;
    if (at < 0) break;
    end = end.slice(0, at).trimEnd();
  }
  if (end.endsWith(`</${root}>`)) return true;
  // A root that is a single empty element: <root .../>
  return new RegExp(`^\\uFEFF?\\s*(?:<\\?[\\s\\S]*?\\?>\\s*|<!--[\\s\\S]*?-->\\s*)*<${root.replace(/[.]/g, '\\.')}\\b[^<]*/>$`).test(end);
}

export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE/i.test(xml);
}

/** The deepest nesting of elements and of Word tables (w:tbl) in a part, in one pass over its tags. */
export function xmlNesting(xml: string): { elements: number; tables: number } {
  let depth = 0;
  let tables = 0;
  const deepest = { elements: 0, tables: 0 };
  const open: boolean[] = [];
  // A tag: closing or opening, its name and the rest up to '>' (Word escapes '>' in attribute values).
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)(\s[^>]*)?>/g)) {
    if (m[1]) {
      depth = Math.max(0, depth - 1);
      if (open.pop()) tables--;
    } else if (!(m[3] ?? '').endsWith('/')) {
      const isTable = m[2] === 'w:tbl';
      open.push(isTable);
      depth++;
      if (isTable) tables++;
      deepest.elements = Math.max(deepest.elements, depth);
      deepest.tables = Math.max(deepest.tables, tables);
    }
  }
  return deepest;
}

function refuse(name: string, why: string): never {
  throw new IngestError('damaged', `Word 文档（.docx）无法读取：“${name}”${why}`);
}

/** Refuses, saying why, an XML part of the zip that cannot be handed to mammoth safely. */
export function checkXmlPart(name: string, xml: string): void {
  if (hasDoctype(xml)) refuse(name, '含有 DOCTYPE 声明（文档类型定义、实体）。Word 保存的文档从不含此类声明，出于安全考虑不予读取，请用 Word 或 WPS 重新保存后导入');
  if (!xmlPartComplete(xml)) refuse(name, '的内容不完整（结尾缺失，文件可能保存或复制不完整）');
  const nesting = xmlNesting(xml);
  if (nesting.tables > MAX_TABLE_NESTING) refuse(name, `中的表格层层嵌套达 ${nesting.tables} 层（超过 ${MAX_TABLE_NESTING} 层），不是正常的年报表格，无法读取`);
  if (nesting.elements > MAX_ELEMENT_NESTING) refuse(name, `的结构嵌套达 ${nesting.elements} 层（超过 ${MAX_ELEMENT_NESTING} 层），不是正常的 Word 文档，无法读取`);
}

/** The zip as mammoth sees it, refusing XML parts that cannot be read safely. */
export function refusingUnreadableXml(zip: GuardedZip): GuardedZip {
  return {
    ...zip,
    read: async (name, encoding) => {
      const data = await zip.read(name, encoding);
      if (typeof data === 'string' && /\.(xml|rels)$/i.test(name)) checkXmlPart(name, data);
      return data;
    },
  };
}
