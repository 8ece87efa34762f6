/** Dates as written in reports: 2023年1月10日, 2023 年 1 月 10 日, 2023-01-10, 二〇二三年一月十日. */

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  let n = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** 十 = 10, 十一 = 11, 二十 = 20, 三十一 = 31. */
export function chineseSmallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  if (s.length === 1 && CN_DIGITS[s] !== undefined) return CN_DIGITS[s]!;
  return null;
}

export interface FoundDate {
  iso: string;
  year: number;
  month: number;
  day: number;
  index: number;
  text: string;
}

const ARABIC_DATE = /((?:19|20)\d{2})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?/g;
const CHINESE_DATE = /([〇零一二三四五六七八九OoＯ]{4}|(?:19|20)\d{2})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g;

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(ARABIC_DATE)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) out.push({ iso: iso(y, mo, d), year: y, month: mo, day: d, index: m.index, text: m[0] });
  }
  for (const m of text.matchAll(CHINESE_DATE)) {
    const y = chineseYear(m[1]!);
    const mo = chineseSmallNumber(m[2]!);
    const d = chineseSmallNumber(m[3]!);
    if (y !== null && mo !== null && d !== null && valid(y, mo, d)) out.push({ iso: iso(y, mo, d), year: y, month: mo, day: d, index: m.index, text: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}
