/**
 * Numbers as Chinese reports write them: Arabic digits (with thousands separators and decimals)
 * and Chinese numerals (十四, 一百二十, 两千零五, 〇). Used by the narrative checks.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Parses a Chinese numeral ("十四", "一百零二", "二〇二四") or Arabic digits; null when it is neither. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/[,，]/g, '');
  if (t === '') return null;
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (![...t].every((ch) => ch in DIGITS || ch in SMALL_UNITS || ch in BIG_UNITS)) return null;
  // Digit-by-digit form without units: 二〇二四
  if ([...t].every((ch) => ch in DIGITS) && t.length > 1) {
    return Number([...t].map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of t) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * BIG_UNITS[ch]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Regex source matching one number (Arabic or Chinese numeral). A number starts where a run of digits
 * (numerals) starts: without the lookbehinds a long digit run not followed by a unit was tried from every
 * one of its digits — quadratic (100,000 digits took 95 s).
 */
export const NUMBER_PATTERN = `(?:(?<!\\d)(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|(?<![${CHINESE_NUMERAL_CHARS}])[${CHINESE_NUMERAL_CHARS}]+)`;

export interface NumberMatch {
  value: number;
  /** The unit written right after the number (件, 条, %…), '' when none. */
  unit: string;
  /** Index of the number's first character in the searched text. */
  index: number;
  /** Index just after the unit. */
  end: number;
  raw: string;
}

const COUNT_UNITS = '件|条|项|个|篇|次|期|份|起|人次|人|家|场|户|万元|元|%|％';

/** Every number followed by a unit in the text (years "2024年" and dates are skipped: 年/月/日 are not units here). */
export function findCountedNumbers(text: string, units: string = COUNT_UNITS): NumberMatch[] {
  const re = new RegExp(`(${NUMBER_PATTERN})\\s*(${units})`, 'gu');
  const out: NumberMatch[] = [];
  for (const m of text.matchAll(re)) {
    const raw = m[1]!;
    // A Chinese numeral glued to a word ("一是", "统一") is not a count: require a clean start.
    if (raw === '一' || raw === '两' || raw === '万' || raw === '亿') {
      // "统一", "每一项", "进一步": a lone 一 glued to a word is rarely a count.
      const prev = text[m.index! - 1] ?? '';
      if (/[\u4e00-\u9fff]/.test(prev) && !/[共计为有达收了是至和及与]/.test(prev)) continue;
    }
    const value = parseNumber(raw);
    if (value === null) continue;
    out.push({ value, unit: m[2]!.replace('％', '%'), index: m.index!, end: m.index! + m[0].length, raw });
  }
  return out;
}

/** Number of decimals written ("89.3" → 1). */
export function decimalsOf(raw: string): number {
  const dot = raw.indexOf('.');
  return dot < 0 ? 0 : raw.length - dot - 1;
}
