/**
 * Title, year reported on, signing date (落款) and the stated statistics period.
 * Years are weighed like departments: other years appear in every report (document numbers
 * 〔2023〕1号, last year's comparison, next year's plans), so no single mention decides.
 */
import { findDates, type FoundDate } from './dates.ts';
import { cleanOrgName } from './department.ts';

export interface MetaParagraph {
  text: string;
  page?: number;
  offset?: number;
}

export function findTitle(paragraphs: MetaParagraph[], metaTitle: string | undefined): string | null {
  const head = paragraphs.slice(0, 5);
  for (let i = 0; i < head.length; i++) {
    const t = head[i]!.text.replace(/\s+/g, '');
    if (t.length > 70) continue;
    if (/(年度报告|年报)$/.test(t) || (/政府信息公开|政务公开/.test(t) && /报告$/.test(t))) return withNameAbove(head[i - 1]?.text, t);
    // A title wrapped over two lines ("…政府信息公开工" + "作年度报告").
    const next = head[i + 1]?.text.replace(/\s+/g, '');
    if (next && /政府信息公开|政务公开/.test(t) && !/[。，,]/.test(t) && next.length <= 20 && /报告$/.test(next)) return t + next;
  }
  if (metaTitle) {
    const t = metaTitle.replace(/\s+/g, '');
    if (/(政府信息公开|政务公开).*报告/.test(t)) return t;
  }
  return null;
}

/**
 * A title set over two lines with the body's name alone on the first ("临江县交通运输局" / "2024年政府信息公开…报告"):
 * the name belongs to the title. Only a line that is nothing but an organisation name is taken.
 */
function withNameAbove(above: string | undefined, title: string): string {
  if (above === undefined || !/^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年|^(?:关于)?(?:政府信息公开|政务公开)/.test(title)) return title;
  const name = cleanOrgName(above);
  return name && name === above.replace(/\s+/g, '') ? name + title : title;
}

/** The signing date: the last date in the closing paragraphs, standing on its own line (or after the signature). */
export function findSigningDate(paragraphs: MetaParagraph[]): { date: FoundDate; index: number } | null {
  const from = Math.max(0, paragraphs.length - 8);
  for (let i = paragraphs.length - 1; i >= from; i--) {
    const text = paragraphs[i]!.text.trim();
    const dates = findDates(text);
    const last = dates[dates.length - 1];
    if (!last) continue;
    // A date inside a sentence ("于2023年1月5日召开…") is not a signature: the line must end with the date.
    const rest = text.slice(last.index + last.text.length).replace(/[\s。.]/g, '');
    const before = text.slice(0, last.index).replace(/\s+/g, '');
    if (rest === '' && before.length <= 30) return { date: last, index: i };
  }
  return null;
}

const PERIOD = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|－|-|~|～)((?:19|20)\d{2})?年?(\d{1,2})月(\d{1,2})日/;

export function findStatedPeriod(paragraphs: MetaParagraph[]): { from: string; to: string; quote: string; page?: number; offset?: number } | null {
  for (const p of paragraphs) {
    const text = p.text.replace(/\s+/g, '');
    const m = PERIOD.exec(text);
    if (!m) continue;
    const sentenceStart = Math.max(text.lastIndexOf('。', m.index) + 1, 0);
    const sentenceEnd = text.indexOf('。', m.index);
    const sentence = text.slice(sentenceStart, sentenceEnd < 0 ? undefined : sentenceEnd + 1);
    if (!/统计|期间|期限|涵盖|本报告|报告期|时间段|数据/.test(sentence)) continue;
    const y1 = Number(m[1]);
    const y2 = m[4] ? Number(m[4]) : y1;
    const pad = (n: string): string => n.padStart(2, '0');
    return {
      from: `${y1}-${pad(m[2]!)}-${pad(m[3]!)}`,
      to: `${y2}-${pad(m[5]!)}-${pad(m[6]!)}`,
      quote: sentence,
      ...(p.page !== undefined ? { page: p.page } : {}),
      ...(p.offset !== undefined ? { offset: p.offset } : {}),
    };
  }
  return null;
}

export function findYear(input: {
  title: string | null;
  paragraphs: MetaParagraph[];
  period: { from: string } | null;
  signedOn: string | null;
}): number | null {
  const votes = new Map<number, number>();
  const vote = (y: number, w: number): void => {
    if (y < 2000 || y > 2100) return;
    votes.set(y, (votes.get(y) ?? 0) + w);
  };
  if (input.title) {
    const m = /((?:19|20)\d{2})年/.exec(input.title.replace(/\s+/g, ''));
    if (m) vote(Number(m[1]), 20);
  }
  if (input.period) vote(Number(input.period.from.slice(0, 4)), 10);
  if (input.signedOn) {
    const [y, mo] = input.signedOn.split('-').map(Number);
    if (y && mo && mo <= 6) vote(y - 1, 4);
  }
  const text = input.paragraphs.map((p) => p.text.replace(/\s+/g, '')).join('\n');
  for (const m of text.matchAll(/现向社会公布[^\n。]{0,40}?((?:19|20)\d{2})年/g)) vote(Number(m[1]), 10);
  for (const m of text.matchAll(/((?:19|20)\d{2})年度?[,，]?(?:我|本|全)(?:局|委|办|单位|区|县|市|镇|乡|街道|部门|院|中心|厅|年|系统)/g)) vote(Number(m[1]), 3);
  for (const m of text.matchAll(/((?:19|20)\d{2})年度/g)) vote(Number(m[1]), 2);
  // Plain mentions, but not dates (those are meetings and signatures) nor document numbers 〔2023〕.
  for (const m of text.matchAll(/((?:19|20)\d{2})年(?!\d{1,2}月)/g)) vote(Number(m[1]), 1);
  let best: number | null = null;
  let bestVotes = 0;
  for (const [y, v] of votes) {
    if (v > bestVotes || (v === bestVotes && best !== null && y < best)) {
      best = y;
      bestVotes = v;
    }
  }
  return best;
}
