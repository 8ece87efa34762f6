/**
 * Department-name normalisation for matching (not for display): simplified script, full-width → half-width,
 * no spaces or punctuation. Also splits a leading place prefix (开平市 / 北湖县 / 某某区) off the name so that
 * 开平市科工商务局 and 科工商务局 can be matched when only one department fits.
 */
import { createRequire } from 'node:module';
import { stripInvisible } from '../../shared/invisible.ts';

type OpenCC = typeof import('opencc-js/t2cn');
let converter: ((text: string) => string) | null = null;

/** The dictionaries load on the first name matched (~0.1 s), not when the store module loads. */
function toSimplified(text: string): string {
  converter ??= (createRequire(import.meta.url)('opencc-js/t2cn') as OpenCC).Converter({ from: 't', to: 'cn' });
  return converter(text);
}

/** Matching key: NFKC, simplified, no whitespace, punctuation or symbols. */
export function normalizeDepartmentName(name: string): string {
  const nfkc = stripInvisible(name).normalize('NFKC');
  return toSimplified(nfkc).replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
}

// A place prefix is 2–7 characters ending in an administrative suffix. One character before 市 is not a
// place ("城市管理局", "市场监督管理局"), so the prefix needs at least two.
const PLACE_PREFIX = /^(\p{Script=Han}{2,7}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗))(?=\p{Script=Han}{2,})/u;

/** Words that end in 市/区/县… but are part of a department's own name, not a place. */
const NOT_A_PLACE = /(城市|超市|市场|社区|园区|开发区|新区管委|景区|街区|山区|林区|牧区|矿区|保护区)$/u;

export interface SplitName {
  /** Leading place names, outermost first (广东省, 江门市, 开平市). */
  places: string[];
  /** The name without its place prefix (科工商务局). */
  core: string;
}

/** Split a normalised name into place prefixes and the core department name. */
export function splitPlacePrefix(normalized: string): SplitName {
  const places: string[] = [];
  let rest = normalized;
  for (let i = 0; i < 4; i++) {
    const m = PLACE_PREFIX.exec(rest);
    if (!m) break;
    const place = m[1]!;
    if (NOT_A_PLACE.test(place)) break;
    places.push(place);
    rest = rest.slice(place.length);
  }
  return { places, core: rest };
}

/**
 * Display form: trimmed, inner whitespace and invisible characters removed (names never contain spaces in
 * Chinese); brackets stay full-width as Chinese names write them (北湖县发展和改革委员会（县粮食和物资储备局、县能源局）).
 */
export function cleanDisplayName(name: string): string {
  return stripInvisible(name).normalize('NFKC').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').trim();
}
