/**
 * Who wrote the report. Evidence is weighed, not taken first-come: the title line, the phrase
 * "现向社会公布××局2022年…年度报告", the signature above the date, "本报告由××编制", contact lines,
 * the annex title, and the file name as a last resort. Each candidate must look like an organisation name.
 */
import type { Report } from '../../shared/model.ts';
import { stripInvisible } from '../../shared/invisible.ts';

export const ORG_SUFFIX =
  /(人民政府办公室|人民政府|政府办公室|办公室|办公厅|管理委员会|委员会|街道办事处|办事处|服务中心|中心|分局|局|委|办|厅|院|署|所|站|队|馆|会|部|处|政府|集团|公司|学校|医院|大学|法院|检察院|支队|大队|街道|镇|乡|苏木)$/;

const LEADING_NOISE = /^(关于|请联系|联系|通过|现向社会公布|向社会公布|公布|本报告由|由|是|经|对|在|按照|根据|依据|为|将|本|现|特|及|和|与|的)+/;

/** Longest name kept with its bracketed other names (e.g. 发改委（县粮食和物资储备局、县能源局）). */
const MAX_BRACKETED_NAME = 80;

/**
 * "××委员会（县粮食和物资储备局、县能源局）": one body under several names (合署办公). The bracket is part of
 * the name when everything in it is an organisation name; it is printed with full-width brackets and 、.
 */
function bracketedOrgName(compact: string): string | null {
  const m = /^(.*?)[(（]([^()（）]{2,60})[)）]$/.exec(compact);
  if (!m) return null;
  const head = cleanOrgName(m[1]!);
  if (!head) return null;
  const inner = m[2]!.split(/[、,，]/).map((p) => p.trim());
  const ok = inner.every((p) => p.length >= 2 && p.length <= 30 && ORG_SUFFIX.test(p) && !/[。;；:：!?！？\d]/.test(p));
  if (!ok) return null;
  const name = `${head}（${inner.join('、')}）`;
  return name.length <= MAX_BRACKETED_NAME ? name : null;
}

/** A seal note after a signature ("××局（盖章）") is not part of the name. */
const SEAL_NOTE = /[(（]\s*(?:盖章|印章|公章|签章|章)\s*[)）]\s*$/;

export function cleanOrgName(rawWithSeal: string): string | null {
  const raw = rawWithSeal.replace(SEAL_NOTE, '');
  const bracketed = bracketedOrgName(stripInvisible(raw).replace(/\s+/g, '').replace(LEADING_NOISE, '').replace(/[《》“”"']/g, ''));
  if (bracketed) return bracketed;
  let name = stripInvisible(raw).replace(/\s+/g, '').replace(/[《》“”"'()（）【】\[\]]/g, '');
  name = name.replace(LEADING_NOISE, '');
  name = name.replace(/(关于|的)$/, '');
  if (name.length < 3 || name.length > 40) return null;
  if (!ORG_SUFFIX.test(name)) return null;
  if (/[,，。;；:：、!?！？\d]/.test(name)) return null;
  if (/^(我|本|市|县|区|省)(局|委|办|厅|院|单位)$/.test(name)) return null;
  // Generic words that end in an org suffix but are not a name.
  if (/^(各|全|有关|相关|上级|主管|政务公开办|政府信息公开工作|本机关|该)/.test(name)) return null;
  return name;
}

export interface DepartmentInput {
  title: string | null;
  /** Normalised (simplified) paragraphs in reading order. */
  paragraphs: string[];
  /** Index of the paragraph holding the signing date, when found. */
  signatureDateIndex: number | null;
  fileName: string;
  /** The web page's 发布机构/发布单位 (page chrome), when the text came off a page: often the compiler's office. */
  publisher?: string;
}

type Source = NonNullable<Report['departmentSource']>;

export function findDepartment(input: DepartmentInput): { name: string | null; source: Source | null } {
  const votes = new Map<string, { weight: number; source: Source }>();
  const vote = (raw: string | undefined, weight: number, source: Source): void => {
    const name = raw ? cleanOrgName(raw) : null;
    if (!name) return;
    const prev = votes.get(name);
    if (!prev) votes.set(name, { weight, source });
    else votes.set(name, { weight: prev.weight + weight, source: prev.weight >= weight ? prev.source : source });
  };

  if (input.title) {
    const t = input.title.replace(/\s+/g, '');
    const before = /^(.*?)(?:关于)?(?:(?:19|20)\d{2})年(?:度)?/.exec(t);
    if (before && before[1]) vote(before[1], 10, 'title');
    const after = /^(?:(?:19|20)\d{2})年(?:度)?(.*?)(?:政府信息公开|政务公开|信息公开)/.exec(t);
    if (after && after[1]) vote(after[1], 10, 'title');
    // "××局政府信息公开工作2023年度报告": the name stands before the subject, the year after it.
    const subjectFirst = /^(.*?)(?:关于)?(?:政府信息公开|政务公开|信息公开)/.exec(t);
    if (subjectFirst && subjectFirst[1]) vote(subjectFirst[1], 10, 'title');
  }

  const body = input.paragraphs.join('\n');
  for (const m of body.matchAll(/现向社会公布([^\n,，。]{2,40}?)(?:19|20)\d{2}年/g)) vote(m[1], 8, 'phrase');
  for (const m of body.matchAll(/本报告由([^\n,，。]{2,40}?)(?:根据|按照|依据|编制|依照)/g)) vote(m[1], 6, 'phrase');
  for (const m of body.matchAll(/联系([^\n,，。;；:：]{3,30}?)[,，;；:：。(（]/g)) vote(m[1], 3, 'phrase');
  for (const m of body.matchAll(/通过([^\n,，。]{3,30}?)(?:门户)?网站/g)) vote(m[1], 2, 'phrase');
  const bodyTitles = new Set<string>();
  for (const m of body.matchAll(/(?:^|[\n《])([^\n《》,，。]{3,30}?)(?:19|20)\d{2}年度?政府信息公开(?:工作)?(?:年度)?报告/g)) bodyTitles.add(m[1]!);
  for (const b of bodyTitles) vote(b, 2, 'phrase');

  // The publisher of a web page is weak evidence: a government's report is put up by its office.
  if (input.publisher) vote(input.publisher, 3, 'phrase');

  if (input.signatureDateIndex !== null) {
    // The organisation signs just above the date, or on the same line before it.
    const same = input.paragraphs[input.signatureDateIndex]!.replace(/(?:19|20)\d{2}\s*年.*$|[〇零一二三四五六七八九]{4}\s*年.*$/, '');
    if (same.length >= 3) vote(same, 8, 'signature');
    for (let k = 1; k <= 2; k++) {
      const above = input.paragraphs[input.signatureDateIndex - k];
      if (above !== undefined && above.replace(/\s+/g, '').length <= 30) {
        // Several signing bodies may share one line ("××局 ××办"): take the first.
        vote(above.split(/\s+/)[0], 8 - k, 'signature');
        break;
      }
    }
  }

  // Occurrences in the text support a candidate (a full name is usually repeated; an abbreviation less so).
  // (Paragraphs are normalised: brackets there are half-width.)
  for (const [name, v] of votes) {
    const occurrences = body.split(name.replace(/（/g, '(').replace(/）/g, ')')).length - 1;
    v.weight += Math.min(occurrences, 3);
  }

  if (votes.size === 0) {
    const base = (input.fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
    const stripped = base
      .replace(/(?:19|20)\d{2}年?度?/g, '')
      .replace(/政府信息公开|政务公开|信息公开|工作|年度报告|年报|报告/g, '')
      .replace(/^[\d_\-\s.]+/, '')
      .replace(/(?<![_\-\s.])[_\-\s.]+$/, '');
    const name = cleanOrgName(stripped);
    return name ? { name, source: 'filename' } : { name: null, source: null };
  }
  // The compiler (本报告由××办公室编制) is not the body reporting: its office is only the body's when the body's
  // own name, which it begins with, is a candidate too.
  for (const [name, v] of votes) {
    const body = name.replace(/(办公室|办公厅)$/, '');
    if (body !== name && votes.has(body) && v.source === 'phrase') v.weight = Math.min(v.weight, votes.get(body)!.weight - 1);
  }
  let best: [string, { weight: number; source: Source }] | null = null;
  for (const entry of votes) if (!best || entry[1].weight > best[1].weight) best = entry;
  return { name: completeName(best![0], body), source: best![1].source };
}

/** Place names a short name may leave out in front (洪泽区人民政府 ← 淮安市洪泽区人民政府). */
const PLACE_PREFIX = /([\u4e00-\u9fff]{2,7}?(?:省|自治区|市|自治州|州|盟|地区))$/;

/**
 * A title often names the body without its higher place: "洪泽区人民政府2023年…". When the text writes the
 * same name with a place in front (the signature, the compiler's line), that full name is the body's.
 */
export function completeName(name: string, body: string): string {
  if (!/^[\u4e00-\u9fff]{2,6}?(?:区|县|旗|镇|乡|街道|开发区|新区)/.test(name)) return name;
  const counts = new Map<string, number>();
  let at = body.indexOf(name);
  while (at >= 0) {
    const prefix = PLACE_PREFIX.exec(body.slice(Math.max(0, at - 10), at));
    // Words before the place ("本报告由淮安市…") are not part of it.
    const full = prefix ? cleanOrgName(prefix[1]! + name) : null;
    if (full && full !== name && full.endsWith(name)) counts.set(full, (counts.get(full) ?? 0) + 1);
    at = body.indexOf(name, at + name.length);
  }
  let best: string | null = null;
  let most = 0;
  for (const [full, n] of counts) {
    if (n > most) {
      best = full;
      most = n;
    }
  }
  return best ?? name;
}

export function isGovernmentName(name: string | null): boolean {
  if (!name) return false;
  return /(人民政府|政府|街道办事处|街道)$/.test(name) && !/政府办公室$/.test(name);
}
