/**
 * Bytes → string for text-like files: BOM → strict UTF-8 → GB18030.
 * Detectors misfire on short GBK text, so no guessing: UTF-8 is either valid or it is not.
 */
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const damaged = new TextDecoder('utf-8').decode(bytes);
    if (isDamagedUtf8(damaged)) return { text: damaged, encoding: 'utf-8' };
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
  }
}

/**
 * A UTF-8 Chinese text with a few bad bytes (a damaged copy) is still UTF-8: read as GB18030 the whole
 * text would turn to nonsense. GBK text read as UTF-8 breaks on nearly every Chinese character instead.
 */
function isDamagedUtf8(text: string): boolean {
  let replaced = 0;
  let cjk = 0;
  let visible = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) replaced++;
    else if (c > 0x20) {
      visible++;
      if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    }
  }
  return visible > 0 && replaced <= Math.max(1, visible * 0.005) && cjk >= visible * 0.2;
}

/** Share of characters that cannot be text (control characters, replacement chars): binary garbage. */
export function binaryShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad += 1;
  }
  return bad / sample.length;
}
