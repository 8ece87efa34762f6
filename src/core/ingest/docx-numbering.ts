/**
 * Word's automatic numbering ("一、" "（二）" "3." typed by Word, not by the author) is not text in
 * document.xml, and mammoth drops it. Part headings and table row labels depend on it, so before
 * mammoth reads the document we compute each numbered paragraph's number from numbering.xml (and
 * numbered paragraph styles in styles.xml) and write it into the paragraph as an ordinary run.
 */
import type { GuardedZip } from './zip-guard.ts';

interface LevelFormat {
  numFmt: string;
  lvlText: string;
  start: number;
  /** What follows the number: tab (default), space or nothing. */
  suffix: string;
}

interface NumberingDefinitions {
  /** numId → ilvl → format */
  levels: Map<string, Map<number, LevelFormat>>;
  /** paragraph styleId → numbering it applies */
  styleNumbering: Map<string, { numId: string; ilvl: number }>;
}

function attribute(xml: string, name: string): string | undefined {
  return new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];
}

function readLevels(xml: string): Map<number, LevelFormat> {
  const levels = new Map<number, LevelFormat>();
  for (const match of xml.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const body = match[2] ?? '';
    levels.set(Number(match[1]), {
      numFmt: attribute(body, 'numFmt') ?? 'decimal',
      lvlText: attribute(body, 'lvlText') ?? '',
      start: Number(attribute(body, 'start') ?? '1') || 0,
      suffix: attribute(body, 'suff') ?? 'tab',
    });
  }
  return levels;
}

export function readNumberingDefinitions(numberingXml: string, stylesXml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, LevelFormat>>();
  for (const match of numberingXml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstracts.set(match[1] ?? '', readLevels(match[2] ?? ''));
  }
  const levels = new Map<string, Map<number, LevelFormat>>();
  for (const match of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = match[2] ?? '';
    const base = abstracts.get(attribute(body, 'abstractNumId') ?? '') ?? new Map<number, LevelFormat>();
    const merged = new Map(base);
    for (const override of body.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(override[1]);
      const inner = override[2] ?? '';
      const replaced = readLevels(inner).get(ilvl);
      const startOverride = attribute(inner, 'startOverride');
      const level = replaced ?? merged.get(ilvl);
      if (level) merged.set(ilvl, startOverride !== undefined ? { ...level, start: Number(startOverride) } : level);
    }
    levels.set(match[1] ?? '', merged);
  }
  const styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  for (const match of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(match[2] ?? '')?.[1];
    const numId = numPr ? attribute(numPr, 'numId') : undefined;
    if (numPr && numId) styleNumbering.set(match[1] ?? '', { numId, ilvl: Number(attribute(numPr, 'ilvl') ?? '0') });
  }
  return { levels, styleNumbering };
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/** 1..9999 in Chinese counting (十一, 二十, 一百零五). */
function chineseCounting(n: number, digits: string[], units: [string, string, string]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const [ten, hundred, thousand] = units;
  const parts: string[] = [];
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  if (thousands) parts.push(digits[thousands] + thousand);
  if (hundreds) parts.push(digits[hundreds] + hundred);
  else if (thousands && (tens || ones)) parts.push(digits[0] ?? '');
  if (tens) parts.push(tens === 1 && n < 20 ? ten : (digits[tens] ?? '') + ten);
  else if ((thousands || hundreds) && ones) parts.push(digits[0] ?? '');
  if (ones) parts.push(digits[ones] ?? '');
  return parts.join('');
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) while (rest >= value) {
    out += symbol;
    rest -= value;
  }
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return chineseCounting(n, CHINESE_DIGITS, ['十', '百', '千']);
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return chineseCounting(n, LEGAL_DIGITS, ['拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).split('').map((d) => CHINESE_DIGITS[Number(d)] ?? d).join('');
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(n - 1) % 12] ?? String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    default:
      return String(n);
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Write the numbers of automatically numbered paragraphs into document.xml as text runs. */
export function writeListNumbers(documentXml: string, definitions: NumberingDefinitions): string {
  if (definitions.levels.size === 0) return documentXml;
  const counters = new Map<string, number[]>();
  return documentXml.replace(/<w:p\b(?:\s[^>]*[^/])?>(?:(?!<w:p[\s>])[\s\S])*?<\/w:p>/g, (paragraph) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph);
    const properties = pPr?.[1] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(properties)?.[1];
    let numId = numPr ? attribute(numPr, 'numId') : undefined;
    let ilvl = numPr ? Number(attribute(numPr, 'ilvl') ?? '0') : 0;
    if (numId === undefined) {
      const style = attribute(properties, 'pStyle');
      const fromStyle = style ? definitions.styleNumbering.get(style) : undefined;
      if (!fromStyle) return paragraph;
      numId = fromStyle.numId;
      ilvl = numPr ? ilvl : fromStyle.ilvl;
    }
    const levels = definitions.levels.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.numFmt === 'bullet' || level.numFmt === 'none') return paragraph;
    const counts = counters.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1; // deeper levels restart
    counters.set(numId, counts);
    let text = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const format = levels.get(at);
      return formatNumber(counts[at] ?? format?.start ?? 1, at === ilvl ? level.numFmt : (format?.numFmt ?? 'decimal'));
    });
    if (!text) return paragraph;
    // Chinese list markers end in punctuation ("一、" "（一）"); others are followed by a tab or space.
    if (level.suffix !== 'nothing' && !/[、，．.）)：:]$/.test(text)) text += ' ';
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
    if (pPr) {
      const end = (pPr.index ?? 0) + pPr[0].length;
      // Without numPr mammoth reads it as a plain paragraph, so the number is not doubled as a list.
      const cleaned = pPr[0].replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, '');
      return paragraph.slice(0, pPr.index) + cleaned + run + paragraph.slice(end);
    }
    const open = /^<w:p\b[^>]*>/.exec(paragraph)?.[0] ?? '<w:p>';
    return open + run + paragraph.slice(open.length);
  });
}

/** Path of the numbering part, from the document's relationships (usually word/numbering.xml). */
async function numberingPath(zip: GuardedZip): Promise<string | null> {
  const relsPath = 'word/_rels/document.xml.rels';
  if (zip.exists(relsPath)) {
    const rels = await zip.read(relsPath, 'utf-8');
    const target = typeof rels === 'string' ? /<Relationship\b[^>]*Type="[^"]*\/numbering"[^>]*Target="([^"]+)"/.exec(rels)?.[1]
      ?? /<Relationship\b[^>]*Target="([^"]+)"[^>]*Type="[^"]*\/numbering"/.exec(rels)?.[1] : undefined;
    if (target) return target.startsWith('/') ? target.slice(1) : `word/${target}`;
  }
  return zip.exists('word/numbering.xml') ? 'word/numbering.xml' : null;
}

/** A zip whose word/document.xml carries its list numbers as text (unchanged when it has no numbering). */
export async function withListNumbers(zip: GuardedZip): Promise<GuardedZip> {
  const path = await numberingPath(zip);
  if (!path || !zip.exists(path)) return zip;
  const numbering = await zip.read(path, 'utf-8');
  const styles = zip.exists('word/styles.xml') ? await zip.read('word/styles.xml', 'utf-8') : '';
  if (typeof numbering !== 'string' || typeof styles !== 'string') return zip;
  const definitions = readNumberingDefinitions(numbering, styles);
  if (definitions.levels.size === 0) return zip;
  return {
    ...zip,
    read: async (name, encoding) => {
      if (name !== 'word/document.xml') return zip.read(name, encoding);
      const xml = await zip.read(name, 'utf-8');
      const rewritten = typeof xml === 'string' ? writeListNumbers(xml, definitions) : xml;
      return encoding ? rewritten : new TextEncoder().encode(typeof rewritten === 'string' ? rewritten : '');
    },
  };
}
