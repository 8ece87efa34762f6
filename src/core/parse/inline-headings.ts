/**
 * Text taken off a web page often holds the whole report on one line: the title, the six parts, the
 * tables and the signature run on (`…全面提升平台建设。二、主动公开…情况 第二十条…`). Such a paragraph is
 * cut where the report's own structure stands in it: the part headings (wherever they are in the line),
 * the numbered sub-headings of the narrative ((一)… after a sentence), the title before part 一 and the
 * signature with its date after the last sentence. Paragraphs without inline headings are left alone.
 */
import type { Block, ParagraphBlock } from '../document.ts';
import { normalizeText } from '../text/normalize.ts';
import { isTableRowLookalike, LEGACY_ITEMS, matchPartHeading } from './sections.ts';

const NUMERALS = '一二三四五六七八九十';
const NUMERAL_VALUE = (s: string): number => (s.length === 1 ? NUMERALS.indexOf(s) + 1 : s === '十' ? 10 : 10 + NUMERALS.indexOf(s[1]!) + 1);

/** A top-level numeral that may open a heading: 二、 二. 二． */
const HEADING_START = /([一二三四五六七八九十]{1,2})\s*[、.．]/g;
/** Where a heading's title stops when nothing else marks it: after these words (the 情况 that ends most part titles…). */
const TITLE_END_WORD = /^.*?(?:情况|事项|措施|概述|概况)/;
/** Characters that end a heading's title. */
const TITLE_BREAK = /[\s(（0-9０-９。：:；;，,]/;

interface Cut {
  at: number;
  /** Where the heading's own text ends (the body after it becomes its own paragraph). */
  headingEnd: number;
  numeral: number;
}

function headingTitleEnd(text: string, from: number): number {
  const window = text.slice(from, from + 32);
  const broken = window.search(TITLE_BREAK);
  const limit = broken < 0 ? window.length : broken;
  const word = TITLE_END_WORD.exec(window.slice(0, limit));
  return from + (word ? word[0].length : limit);
}

function isLegacyHeading(title: string): boolean {
  return title.length <= 24 && LEGACY_ITEMS.some((item) => item.keys.some((k) => title.includes(k)));
}

/** Part headings standing inside a line, in ascending order of their numerals. */
function inlineHeadings(text: string): Cut[] {
  const found: Cut[] = [];
  let last = 0;
  for (const m of text.matchAll(HEADING_START)) {
    const numeral = NUMERAL_VALUE(m[1]!);
    if (numeral <= last) continue;
    const titleStart = m.index + m[0].length;
    const headingEnd = headingTitleEnd(text, titleStart);
    if (headingEnd - titleStart < 2) continue;
    const heading = normalizeText(text.slice(m.index, headingEnd));
    const title = normalizeText(text.slice(titleStart, headingEnd)).replace(/\s+/g, '');
    if (!matchPartHeading(heading) && !isLegacyHeading(title)) continue;
    // Table 三's rows (一、本年新收… 四、结转下年度…) look like headings; matchPartHeading refuses them, and so must we.
    if (isTableRowLookalike(title)) continue;
    found.push({ at: m.index, headingEnd, numeral });
    last = numeral;
  }
  return found;
}

const SENTENCE_END = /[。；;！!？?]/;
const SUBHEADING = /[(（][一二三四五六七八九十]{1,2}[)）]/g;

/** Narrative sub-headings ((一)…) that follow a sentence: each starts a paragraph. */
function subheadingCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(SUBHEADING)) {
    if (m.index === 0) continue;
    const before = text.slice(0, m.index).trimEnd();
    if (before === '' || SENTENCE_END.test(before[before.length - 1]!)) cuts.push(m.index);
  }
  return cuts;
}

/** The report's title at the head of the line: "××局2024年政府信息公开工作年度报告 本报告由…". */
function titleEnd(text: string): number | null {
  // "…年度报告的函" goes on: a letter about the report, not its title.
  const m = /^.{4,70}?(?:年度报告|年报|工作报告)(?=\s|[^\s。，,的]{2})/.exec(text);
  return m && /政府信息公开|政务公开|信息公开/.test(m[0]) ? m[0].length : null;
}

/** The signature after the last sentence: "白河市商务局2025年1月20日". */
function signatureStart(text: string): number | null {
  const trimmed = text.trimEnd();
  if (!/(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年.{1,6}日$/.test(trimmed)) return null;
  let at = -1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(trimmed[i]!)) {
      at = i + 1;
      break;
    }
  }
  if (at <= 0 || trimmed.length - at > 50) return null;
  return at;
}

function piece(block: ParagraphBlock, text: string, from: number, to: number): ParagraphBlock | null {
  const slice = text.slice(from, to);
  const trimmed = slice.trim();
  if (trimmed === '') return null;
  const lead = slice.length - slice.trimStart().length;
  const offset = block.pos.offset !== undefined ? block.pos.offset + from + lead : undefined;
  return { kind: 'paragraph', text: trimmed, pos: { ...block.pos, ...(offset !== undefined ? { offset } : {}) } };
}

/** Cut one flat paragraph at its inline structure; null when it has none. */
export function splitFlatParagraph(block: ParagraphBlock): ParagraphBlock[] | null {
  const text = block.text;
  if (text.length < 40) return null;
  const headings = inlineHeadings(text);
  // One heading at the very start is an ordinary heading line; a line with headings inside it is flat text.
  const inside = headings.filter((h) => h.at > 0);
  if (inside.length === 0) return null;
  if (headings.length < 2) {
    // A single inline heading must stand after a sentence or a space, not inside running words.
    const h = inside[0]!;
    const before = text.slice(0, h.at);
    if (!/[\s。；;！!？?)）\d]$/.test(before)) return null;
  }
  const cuts = new Set<number>([0]);
  for (const h of headings) {
    cuts.add(h.at);
    cuts.add(h.headingEnd);
  }
  const first = headings[0]!;
  const head = titleEnd(text);
  if (head !== null && head < first.at) cuts.add(head);
  for (const at of subheadingCuts(text)) cuts.add(at);
  const lastHeading = headings[headings.length - 1]!;
  const tail = text.slice(lastHeading.headingEnd);
  const signature = signatureStart(tail);
  if (signature !== null) cuts.add(lastHeading.headingEnd + signature);
  const ordered = [...cuts].sort((a, b) => a - b);
  const out: ParagraphBlock[] = [];
  ordered.forEach((from, i) => {
    const p = piece(block, text, from, ordered[i + 1] ?? text.length);
    if (p) out.push(p);
  });
  return out;
}

/** Every paragraph with inline structure cut into its pieces; tables and other paragraphs as they were. */
export function splitFlatText(blocks: readonly Block[]): Block[] {
  let changed = false;
  const out: Block[] = [];
  for (const block of blocks) {
    const pieces = block.kind === 'paragraph' ? splitFlatParagraph(block) : null;
    if (pieces) {
      changed = true;
      out.push(...pieces);
    } else {
      out.push(block);
    }
  }
  return changed ? out : [...blocks];
}
