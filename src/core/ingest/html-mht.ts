/**
 * .mht / .mhtml (a web page saved as one MIME file): pull out the first text/html part, undo its
 * transfer encoding, and report the charset its header names. Other parts (images, css) are ignored.
 */

export interface MhtHtmlPart {
  bytes: Uint8Array;
  charset: string;
}

/** True when the bytes start like a MIME message rather than like HTML. */
export function looksLikeMht(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return !/^\s*</.test(head) && /^mime-version\s*:/im.test(head)
    && /content-type:\s*(multipart\/|text\/html)/i.test(head);
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Unfold continuation lines first.
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function headerParameter(value: string, name: string): string {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match?.[1] ?? match?.[2] ?? '';
}

function decodeQuotedPrintable(body: string): Uint8Array {
  const soft = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const ch = soft.charCodeAt(i);
    if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(ch & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function decodeBody(body: string, transferEncoding: string): Uint8Array {
  const encoding = transferEncoding.toLowerCase();
  if (encoding === 'base64') return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Uint8Array.from(body, (ch) => ch.charCodeAt(0) & 0xff);
}

/** The HTML part of an MHT file, or null when none is found. */
export function extractMhtHtml(bytes: Uint8Array): MhtHtmlPart | null {
  // latin1 keeps every byte as one char, so 8-bit bodies survive the round trip.
  const text = new TextDecoder('latin1').decode(bytes);
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) return null;
  const headers = parseHeaders(text.slice(0, split.index));
  const body = text.slice(split.index + split[0].length);
  const contentType = headers.get('content-type') ?? '';
  if (/^text\/html/i.test(contentType)) {
    return { bytes: decodeBody(body, headers.get('content-transfer-encoding') ?? ''), charset: headerParameter(contentType, 'charset') };
  }
  const boundary = headerParameter(contentType, 'boundary');
  if (!boundary) return null;
  for (const part of body.split(`--${boundary}`)) {
    const partSplit = /\r?\n\r?\n/.exec(part);
    if (!partSplit) continue;
    const partHeaders = parseHeaders(part.slice(0, partSplit.index).replace(/^\s+/, ''));
    const partType = partHeaders.get('content-type') ?? '';
    if (!/^text\/html/i.test(partType)) continue;
    const partBody = part.slice(partSplit.index + partSplit[0].length).replace(/\r?\n$/, '');
    return { bytes: decodeBody(partBody, partHeaders.get('content-transfer-encoding') ?? ''), charset: headerParameter(partType, 'charset') };
  }
  return null;
}
