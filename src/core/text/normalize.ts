/**
 * Text normalisation for MATCHING (never for display): the reviewer always sees the original.
 * - NFKC: full-width digits, letters and punctuation → half-width（（→(, ２→2, ，→,）
 * - CJK radical code points that PDF fonts emit (⻔ for 门) → unified ideographs
 * - inline pinyin damage from web copy-paste: 根據(jù) → 根據
 * - traditional → simplified (only when asked; see traditional.ts)
 * - whitespace collapsed; spaces between CJK characters removed (PDF and web tables insert them: "商业 企业")
 */
import { toSimplified } from './traditional.ts';
import { mapRadicals } from './radicals.ts';

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** (jù) (guó) … after a CJK character: the pinyin a web page printed as ruby text. */
const INLINE_PINYIN = new RegExp(`(?<=[\\u3400-\\u9fff])\\((?=[a-z${TONE_VOWELS}ü]*[${TONE_VOWELS}])[a-z${TONE_VOWELS}ü]{1,7}\\)`, 'gu');

export function removeInlinePinyin(text: string): string {
  return text.replace(INLINE_PINYIN, '');
}

export function hasInlinePinyin(text: string): boolean {
  INLINE_PINYIN.lastIndex = 0;
  const found = INLINE_PINYIN.test(text);
  INLINE_PINYIN.lastIndex = 0;
  return found;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’';
/** CJK without the ideographic space, which is also \\s: a run of spaces may only start after a non-space. */
const CJK_BEFORE_SPACE = '\\u3001-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK_BEFORE_SPACE}])\\s+(?=[${CJK}])`, 'gu');
/** PDFs print "2024 年 1 月": drop spaces between digits and CJK. */
const SPACE_DIGIT_CJK = new RegExp(`(?<=\\d)\\s+(?=[${CJK}])|(?<=[${CJK_BEFORE_SPACE}])\\s+(?=\\d)`, 'gu');

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** 二〇二三年 → 2023年: years written in Chinese numerals (titles, signatures) match like Arabic ones. */
function arabicYears(text: string): string {
  return text.replace(/([〇零Ｏ一二三四五六七八九]{4})(?=\s*年)/g, (m) => {
    const digits = [...m].map((ch) => CN_DIGIT[ch] ?? '').join('');
    return /^(19|20)\d\d$/.test(digits) ? digits : m;
  });
}

export interface NormalizeOptions {
  simplified?: boolean;
}

export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  let out = mapRadicals(text.normalize('NFKC'));
  out = out.replace(/[\u00a0\u2002-\u200b\u3000\ufeff]/g, ' ');
  out = removeInlinePinyin(out);
  out = arabicYears(out);
  if (options.simplified) out = toSimplified(out);
  out = out.replace(/[ \t\r\n]+/g, ' ').trim();
  out = out.replace(SPACE_BETWEEN_CJK, '').replace(SPACE_DIGIT_CJK, '');
  return out;
}

/** For label matching: normalised, then every space and most punctuation removed. */
export function compactLabel(text: string, options: NormalizeOptions = {}): string {
  return normalizeText(text, options).replace(/[\s"'“”‘’:：,，.。、;；]/g, '');
}
