/**
 * The six parts of the 2021 template (and the items of the 2008 legacy layout), found by their headings.
 * A heading is a top-level numeral (一、… or 第一部分) followed by its part's keyword — the numeral alone
 * is not enough: table 三's rows 一、本年新收… / 四、结转下年度… look like headings too.
 */
import type { PartNumber } from '../../shared/model.ts';
import { LEGACY_ITEMS as LEGACY_ITEM_LABELS, partName, REQUEST_HEADINGS, REVIEW_BLOCKS, withoutNumbering } from '../../shared/template/index.ts';

/** Table 四's block names (reconsideration, lawsuit): a part 四 heading names them. */
const REVIEW_KINDS = [...new Set(REVIEW_BLOCKS.map((b) => b.label))];

const PART_KEYS: Record<PartNumber, string[]> = {
  1: [partName(1), '基本情况', '概述', '基本工作情况', '工作情况', '总体'],
  2: ['主动公开'],
  3: ['收到和处理', '依申请公开', '申请情况', '申请公开'],
  4: [...REVIEW_KINDS, '复议和诉讼', '复议、诉讼'],
  5: ['存在的主要问题', '主要问题', '存在问题', '存在的问题', '改进情况', '改进措施', '工作打算', '问题及改进', '不足'],
  6: ['其他需要报告', '其他事项', '其他需要', '其他'],
};

/** Table 三's numbered rows and first heading, which look like part headings 一–四. */
const TABLE_ROW_LOOKALIKES = ['本年新收', '上年结转', '结转下年度', withoutNumbering(REQUEST_HEADINGS[0]!.label)];

/** Is a heading's title (spaces removed) one of table 三's numbered rows or its results heading? */
export function isTableRowLookalike(title: string): boolean {
  return TABLE_ROW_LOOKALIKES.some((k) => title.includes(k));
}

const NUMERAL_PREFIX = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,2}\s*[、.．,，:：]|[1-9]\s*[、．])\s*/;

export interface HeadingMatch {
  part: PartNumber;
  /** The heading text (up to the first sentence break). */
  heading: string;
}

/** Is this (normalised, simplified) paragraph a part heading? Which part? */
export function matchPartHeading(text: string): HeadingMatch | null {
  const t = text.replace(/\s+/g, '');
  const prefix = NUMERAL_PREFIX.exec(t);
  if (!prefix) return null;
  const rest = t.slice(prefix[0].length);
  // The heading is the text up to the first sentence break; it must be short.
  const cut = rest.search(/[。：:；;]/);
  const title = cut >= 0 ? rest.slice(0, cut) : rest;
  if (title.length === 0 || title.length > 30) return null;
  // Table-row look-alikes: "一、本年新收…数量", "四、结转下年度…".
  if (isTableRowLookalike(title)) return null;
  for (const part of [6, 5, 4, 3, 2, 1] as PartNumber[]) {
    if (PART_KEYS[part].some((k) => title.includes(k))) {
      // "其他" alone is too weak unless the title is short ("六、其他").
      if (part === 6 && !/其他需要|其他事项/.test(title) && title.length > 8) continue;
      // Part 一 keywords are generic; accept only short titles.
      if (part === 1 && title.length > 16) continue;
      return { part, heading: prefix[0] + title };
    }
  }
  return null;
}

/** Keywords of the legacy layout's items (the template's LEGACY_ITEMS), by index. */
const LEGACY_KEYS: string[][] = [
  ['概述', '基本情况', '基本工作情况', partName(1)],
  ['主动公开'],
  ['依申请公开', '申请公开'],
  ['收费', '减免'],
  ['复议', '诉讼'],
  ['存在的主要问题', '主要问题', '存在问题', '改进', '工作打算'],
];

/** Items of 2008 条例 第三十二条 (legacy layout), by keyword. */
export const LEGACY_ITEMS: { item: string; keys: string[] }[] = LEGACY_ITEM_LABELS.map((item, i) => ({ item, keys: LEGACY_KEYS[i]! }));
