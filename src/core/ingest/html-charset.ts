/**
 * Bytes of a saved web page → string: BOM, then the charset the page declares (<meta charset> or
 * http-equiv Content-Type), then strict UTF-8, then GB18030. A declared charset that does not fit
 * the bytes (pages declaring utf-8 while saved as GBK are common) falls back the same way.
 */
import iconv from 'iconv-lite';

export interface DecodedHtml {
  text: string;
  encoding: string;
  /** Set when the declared charset was wrong or unknown and another was used. */
  note?: string;
}

/** Labels that name the GB family: read them all as GB18030, its superset. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'hz-gb-2312', 'gb_2312-80', 'iso-ir-58', 'chinese', 'csiso58gb231280']);
const BIG5_LABELS = new Set(['big5', 'big5-hkscs', 'cn-big5', 'x-x-big5', 'csbig5']);

/** The charset a page declares in its first bytes, lower-cased; '' when none. */
export function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  const meta = /<meta[^>]+charset\s*=\s*(?:["']\s*)?([A-Za-z0-9_:.-]+)/i.exec(head);
  if (meta?.[1]) return meta[1].toLowerCase();
  // MHT part headers and XML declarations.
  const header = /(?:^|\n)content-type:[^\n]*charset\s*=\s*"?([A-Za-z0-9_:.-]+)/i.exec(head);
  if (header?.[1]) return header[1].toLowerCase();
  const xml = /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.-]+)/i.exec(head);
  return xml?.[1]?.toLowerCase() ?? '';
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function iconvDecode(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Decode `bytes` whose charset may be given by the container (MHT part header) or by the page. */
export function decodeHtmlBytes(bytes: Uint8Array, givenCharset = ''): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const declared = givenCharset.toLowerCase() || declaredCharset(bytes);
  const utf8 = strictUtf8(bytes);
  if (GB_LABELS.has(declared)) {
    // Pure ASCII or valid UTF-8 with CJK saved under a stale gb2312 declaration: UTF-8 wins only
    // when the bytes contain multi-byte sequences that are valid UTF-8 (GBK text almost never is).
    if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) {
      const asGb = iconvDecode(bytes, 'gb18030');
      if (cjkShare(utf8) > cjkShare(asGb)) return { text: utf8, encoding: 'utf-8', note: `网页声明的编码为 ${declared}，实际按 UTF-8 读取` };
    }
    return { text: iconvDecode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
  if (BIG5_LABELS.has(declared)) return { text: iconvDecode(bytes, 'big5'), encoding: 'big5' };
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared) && !/^(us-)?ascii$|^iso-8859-1$|^windows-1252$|^latin1$/.test(declared)) {
    return { text: iconvDecode(bytes, declared), encoding: declared };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const note = declared === 'utf-8' || declared === 'utf8' ? '网页声明的编码为 UTF-8，但内容不是有效的 UTF-8，已按 GB18030 读取' : undefined;
  const decoded: DecodedHtml = { text: iconvDecode(bytes, 'gb18030'), encoding: 'gb18030' };
  if (note) decoded.note = note;
  return decoded;
}

function cjkShare(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const nonAscii = text.match(/[^\x00-\x7f]/g)?.length ?? 0;
  return nonAscii === 0 ? 0 : cjk / nonAscii;
}
