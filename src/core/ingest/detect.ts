/**
 * Decide a file's real format from its first bytes (magic numbers), not its extension:
 * departments rename .wps to .docx and save web pages as .doc.
 */
import type { SourceFormat } from '../../shared/model.ts';

export type DetectedKind =
  | { kind: 'supported'; format: SourceFormat }
  | { kind: 'unsupported'; reason: string };

const SUPPORTED_EXTENSIONS: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  docx: 'docx',
  pdf: 'pdf',
  htm: 'html',
  html: 'html',
  shtml: 'html',
  mht: 'html',
  doc: 'doc',
  wps: 'doc',
};

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** Formats we read, by extension; used to pick files out of a folder. */
export function isSupportedExtension(fileName: string): boolean {
  return extensionOf(fileName) in SUPPORTED_EXTENSIONS;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK..
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003 / WPS / encrypted OOXML
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  return /<(!doctype html|html|head|body|meta|table|div|p)[\s>]/.test(head);
}

/** Detect the format by content; the extension only breaks ties between text-like formats. */
export function detectFormat(fileName: string, bytes: Uint8Array): DetectedKind {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) return { kind: 'unsupported', reason: '空文件（0 字节）' };
  // PDF headers may be preceded by a little junk; the spec allows 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (startsWith(bytes, PDF) || head.includes('%PDF-')) return { kind: 'supported', format: 'pdf' };
  if (startsWith(bytes, ZIP)) return { kind: 'supported', format: 'docx' };
  if (startsWith(bytes, OLE)) return { kind: 'supported', format: 'doc' };
  if (startsWith(bytes, RTF)) return { kind: 'unsupported', reason: 'RTF 格式文件（扩展名为 .' + ext + '），请另存为 .docx 或 PDF 后重新导入' };
  if (looksLikeHtml(bytes)) return { kind: 'supported', format: 'html' };
  const byExtension = SUPPORTED_EXTENSIONS[ext];
  if (byExtension === 'txt' || byExtension === 'html') return { kind: 'supported', format: byExtension };
  if (byExtension === 'docx' || byExtension === 'pdf' || byExtension === 'doc') {
    return { kind: 'unsupported', reason: `扩展名为 .${ext}，但文件内容不是 ${ext.toUpperCase()} 格式（文件已损坏或格式不符）` };
  }
  return { kind: 'unsupported', reason: `不支持的文件类型（.${ext || '无扩展名'}）` };
}
