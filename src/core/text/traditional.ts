/**
 * Traditional → simplified conversion for matching (the original text is kept for display).
 * Converting costs little, but only reports that really are in traditional script are converted,
 * so simplified text is never touched by dictionary quirks. The dictionaries (~0.1 s to load and build)
 * are loaded on the first conversion, so threads that never meet traditional text never load them.
 */
import { createRequire } from 'node:module';

type OpenCC = typeof import('opencc-js/t2cn');

let converter: ((text: string) => string) | null = null;

function toSimplifiedUnchecked(text: string): string {
  converter ??= (createRequire(import.meta.url)('opencc-js/t2cn') as OpenCC).Converter({ from: 'hk', to: 'cn' });
  return converter(text);
}

/**
 * Characters that are frequent in these reports and only exist in traditional script (each one changes
 * when converted: a test checks this against the dictionary).
 */
export const TRADITIONAL_MARKERS = '據華國開條門網頁資訊報關於處機構會議發佈應當種類簡稱現實際權際體製總計與為這個們時間廳區縣單審訴訟範圍費務請書經濟業類將對問題進動數據狀態條項況'.split('');
const MARKER_SET = new Set(TRADITIONAL_MARKERS);

/** Share of marker characters among CJK characters; > 2 % means the text is traditional. */
export function looksTraditional(text: string): boolean {
  let cjk = 0;
  let markers = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x4e00 && code <= 0x9fff) {
      cjk += 1;
      if (MARKER_SET.has(ch)) markers += 1;
    }
  }
  return cjk > 0 && markers / cjk > 0.02;
}

export function toSimplified(text: string): string {
  return toSimplifiedUnchecked(text);
}
