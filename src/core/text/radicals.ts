/**
 * CJK radical code points → the unified ideographs they stand for.
 * PDFs printed from WPS/Word often map glyphs to radical code points (⻔ U+2ED4 instead of 门 U+95E8,
 * ⾏ U+2F8F instead of 行), so text looks right but "部门" never matches. Kangxi radicals (U+2F00–U+2FD5)
 * have NFKC decompositions; most of the CJK Radicals Supplement (U+2E80–U+2EF3) do not, hence the table.
 */

/** Simplified and common forms from the CJK Radicals Supplement block. */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2E81': '厂', '\u2E85': '亻', '\u2E86': '冂', '\u2E87': '几', '\u2E8A': '卜', '\u2E8B': '卩',
  '\u2E8C': '小', '\u2E8D': '小', '\u2E8E': '兀', '\u2E8F': '尢', '\u2E90': '尢', '\u2E91': '尢',
  '\u2E92': '巳', '\u2E93': '幺', '\u2E94': '彐', '\u2E96': '忄', '\u2E97': '心', '\u2E98': '扌',
  '\u2E99': '攵', '\u2E9B': '旡', '\u2E9C': '日', '\u2E9D': '月', '\u2E9E': '歹', '\u2E9F': '母',
  '\u2EA0': '民', '\u2EA1': '氵', '\u2EA2': '氺', '\u2EA3': '灬', '\u2EA4': '爫', '\u2EA5': '爫',
  '\u2EA6': '丬', '\u2EA7': '牛', '\u2EA8': '犭', '\u2EA9': '王', '\u2EAA': '疋', '\u2EAB': '罒',
  '\u2EAC': '示', '\u2EAD': '礻', '\u2EAE': '竹', '\u2EAF': '糹', '\u2EB0': '纟', '\u2EB1': '罒',
  '\u2EB2': '罒', '\u2EB3': '网', '\u2EB4': '罒', '\u2EB5': '罒', '\u2EB6': '羊', '\u2EB7': '羊',
  '\u2EB8': '羊', '\u2EB9': '耂', '\u2EBA': '肀', '\u2EBB': '聿', '\u2EBC': '月', '\u2EBD': '臼',
  '\u2EBE': '艹', '\u2EBF': '艹', '\u2EC0': '艹', '\u2EC1': '虎', '\u2EC2': '衤', '\u2EC3': '西',
  '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC7': '角', '\u2EC8': '讠', '\u2EC9': '贝',
  '\u2ECA': '足', '\u2ECB': '车', '\u2ECC': '辶', '\u2ECD': '辶', '\u2ECE': '辶', '\u2ECF': '阝',
  '\u2ED0': '钅', '\u2ED1': '長', '\u2ED2': '镸', '\u2ED3': '长', '\u2ED4': '门', '\u2ED5': '阝',
  '\u2ED6': '阝', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风',
  '\u2EDC': '飞', '\u2EDD': '食', '\u2EDE': '飠', '\u2EDF': '飠', '\u2EE0': '饣', '\u2EE2': '马',
  '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦',
  '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉', '\u2EEC': '齐', '\u2EED': '歯', '\u2EEE': '齿',
  '\u2EEF': '竜', '\u2EF0': '龙', '\u2EF1': '龜', '\u2EF2': '亀', '\u2EF3': '龟',
};

const RADICAL_RANGE = /[\u2E80-\u2FDF]/g;

/** The unified ideograph for one radical code point, or the character itself when none is known. */
export function radicalToIdeograph(ch: string): string {
  const mapped = SUPPLEMENT[ch];
  if (mapped !== undefined) return mapped;
  const nfkc = ch.normalize('NFKC');
  return nfkc.length > 0 ? nfkc : ch;
}

/** Replaces every CJK radical code point in `text`; everything else is left exactly as it was. */
export function mapRadicals(text: string): string {
  if (!hasRadical(text)) return text;
  return text.replace(RADICAL_RANGE, radicalToIdeograph);
}

export function hasRadical(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2e80 && c <= 0x2fdf) return true;
  }
  return false;
}
