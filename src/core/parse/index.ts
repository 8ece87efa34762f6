/**
 * Document → Report: metadata, the six parts, the three canonical tables, narrative paragraphs.
 * Matching runs on normalised simplified text; everything the reviewer sees keeps the original.
 */
import type { Block, Document } from '../document.ts';
import type { PartNumber, Report, ReportParagraph, SectionInfo } from '../../shared/model.ts';
import { normalizeText } from '../text/normalize.ts';
import { looksTraditional } from '../text/traditional.ts';
import { findDepartment, isGovernmentName } from './department.ts';
import { detectGeneration } from './generation.ts';
import { findSigningDate, findStatedPeriod, findTitle, findYear } from './meta.ts';
import { LEGACY_ITEMS, matchPartHeading } from './sections.ts';
import { partTitle } from '../../shared/template/index.ts';
import { extractTables, type LocatedBlock } from './tables/index.ts';
import { stripPageChrome } from './page-chrome.ts';
import { splitFlatText } from './inline-headings.ts';

function documentText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join('\n')))
    .join('\n');
}

export function parseDocument(doc: Document, fileName: string): Report {
  // Web page text: chrome off (its fields kept as evidence), one-line bodies cut at their inline headings.
  const page = stripPageChrome(doc.blocks);
  const blocks = splitFlatText(page.blocks);
  const traditional = looksTraditional(documentText(blocks));
  const norm = (t: string): string => normalizeText(t, { simplified: traditional });

  // Walk the blocks once: find part headings (in template order) and tag every block with its part.
  const located: LocatedBlock[] = [];
  const paragraphs: ReportParagraph[] = [];
  const sections = new Map<PartNumber, SectionInfo>();
  let legacyHeadings = 0;
  let part = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const text = norm(block.text);
      const heading = matchPartHeading(text);
      if (heading && heading.part > part && !sections.has(heading.part)) {
        part = heading.part;
        sections.set(heading.part, {
          part: heading.part,
          title: block.text.trim(),
          found: true,
          headingIndex: paragraphs.length,
          ...(block.pos.page !== undefined ? { page: block.pos.page } : {}),
          ...(block.pos.offset !== undefined ? { offset: block.pos.offset } : {}),
        });
      }
      if (/^([一二三四五六七八九十]{1,2}[、.．]|第[一二三四五六七八]部分)/.test(text) && LEGACY_ITEMS.some((i) => i.keys.some((k) => text.slice(0, 24).includes(k)))) {
        legacyHeadings += 1;
      }
      paragraphs.push({
        original: block.text,
        text,
        part,
        ...(block.pos.page !== undefined ? { page: block.pos.page } : {}),
        ...(block.pos.offset !== undefined ? { offset: block.pos.offset } : {}),
      });
    }
    located.push({ block, part });
  }

  const extracted = extractTables(located, { simplified: traditional });
  const pageTitle = doc.metaTitle ?? page.chrome.title;
  const title = findTitle(paragraphs, pageTitle ? norm(pageTitle) : undefined);
  const signing = findSigningDate(paragraphs);
  const statedPeriod = findStatedPeriod(paragraphs);
  // Undated text taken off a web page: the page's publication date (发布时间/生成日期) stands in for the signature.
  const signedOn = signing?.date.iso ?? page.chrome.publishedOn ?? null;
  const year = findYear({ title, paragraphs, period: statedPeriod, signedOn });
  const department = findDepartment({
    title,
    paragraphs: paragraphs.map((p) => p.text),
    signatureDateIndex: signing?.index ?? null,
    fileName,
    ...(page.chrome.publisher ? { publisher: norm(page.chrome.publisher) } : {}),
  });
  const hasTables = extracted.tables.active !== null || extracted.tables.requests !== null || extracted.tables.review !== null;
  const generation = detectGeneration({
    year,
    partsFound: new Set(sections.keys()),
    legacyHeadings,
    active2019: extracted.active2019,
    requests2019: extracted.requests2019,
    hasActiveTable: extracted.tables.active !== null,
    hasTables,
  });

  // The 2019 template has a single row for the last result group: rows 20–21 have no cells there, so they are 0, not blanks.
  const requests = extracted.tables.requests;
  if (generation === '2019' && requests) {
    for (const row of [20, 21]) {
      if (!extracted.requestsLabels.some((l) => l.canonical === row)) requests[row] = new Array<number | null>(7).fill(0);
    }
  }

  const allSections: SectionInfo[] = ([1, 2, 3, 4, 5, 6] as PartNumber[]).map(
    (p) => sections.get(p) ?? { part: p, title: partTitle(p), found: false },
  );
  const legacyItems =
    generation === 'legacy'
      ? LEGACY_ITEMS.map((item) => ({
          item: item.item,
          found: paragraphs.some((p) => /^([一二三四五六七八九十]{1,2}[、.．]|第[一二三四五六七八]部分|\(?[一二三四五六七八九十]\))/.test(p.text) && item.keys.some((k) => p.text.slice(0, 30).includes(k))),
        }))
      : undefined;

  return {
    file: fileName,
    format: doc.format,
    department: department.name,
    departmentSource: department.source,
    year,
    signedOn,
    generation,
    title,
    isGovernment: isGovernmentName(department.name),
    sections: allSections,
    ...(legacyItems ? { legacyItems } : {}),
    tables: extracted.tables,
    tableSources: extracted.sources,
    requestsLabels: extracted.requestsLabels,
    ...(extracted.runCuts.length > 0 ? { runCuts: extracted.runCuts } : {}),
    paragraphs,
    statedPeriod,
    ...(doc.pages !== undefined ? { pages: doc.pages } : {}),
    ...(doc.ocr ? { ocr: doc.ocr } : {}),
    traditional,
    warnings: [...doc.warnings, ...extracted.warnings],
  };
}
