/**
 * Find the article in a saved web page. Reports are published inside portal pages with navigation,
 * banners, link lists and footers. Starting at the page, we step into the child that holds most of
 * the Chinese text and every statistical table, as long as what we leave behind is boilerplate
 * (navigation by name, link lists, or a line or two). The title, often placed just above the
 * article's container, is kept. Inside the article, navigation-like pieces are removed.
 */
import { findAll, textContent, type HtmlElement, type HtmlNode } from './html-dom.ts';
import { isLayoutTable, tableRows } from './html-blocks.ts';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Tag names that are page furniture wherever they are. */
const FURNITURE_TAGS = new Set(['nav', 'aside']);
/** Tags that are furniture unless they hold the report's title or content. */
const MAYBE_FURNITURE_TAGS = new Set(['header', 'footer']);
/** class/id words used by CMS templates for furniture. */
const FURNITURE_NAME = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|sidebar|side|share|footer|foot|bottom|copyright|header|head|top|topbar|banner|toolbar|search|login|links?|friendlink|related|xgwz|dqwz|fxdh|wzdh)(\d*)($|[\s_-])/i;
const TITLE_NAME = /(^|[\s_-])(title|tit|bt|headline|article-title|art-title|arttitle|news_title|content-title)(\d*)($|[\s_-])/i;
/** A report title mentions the annual report (template wording, not any one report's). */
const REPORT_TITLE = /年度报告|年报|工作报告|情况报告/;

interface Measures {
  cjk: number;
  linkCjk: number;
  statTables: number;
}

export interface ArticleSelection {
  /** Elements to read, in order: an optional title found outside the container, then the container. */
  parts: HtmlElement[];
}

function elementChildren(element: HtmlElement): HtmlElement[] {
  return element.children.filter((child): child is HtmlElement => child.type === 'element');
}

function countCjk(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

/** A table that holds statistics: data (not layout) with at least three rows. */
function isStatTable(element: HtmlElement): boolean {
  return element.name === 'table' && !isLayoutTable(element) && tableRows(element).length >= 3;
}

class Measurer {
  private cache = new WeakMap<HtmlElement, Measures>();

  of(element: HtmlElement): Measures {
    const cached = this.cache.get(element);
    if (cached) return cached;
    const measures: Measures = { cjk: 0, linkCjk: 0, statTables: isStatTable(element) ? 1 : 0 };
    for (const child of element.children) {
      if (child.type === 'text') {
        const n = countCjk(child.text);
        measures.cjk += n;
        if (element.name === 'a') measures.linkCjk += n;
        continue;
      }
      if (child.name === 'title') continue;
      const inner = this.of(child);
      measures.cjk += inner.cjk;
      measures.linkCjk += element.name === 'a' ? inner.cjk : inner.linkCjk;
      measures.statTables += inner.statTables;
    }
    this.cache.set(element, measures);
    return measures;
  }
}

function nameOf(element: HtmlElement): string {
  return `${element.attrs.class ?? ''} ${element.attrs.id ?? ''}`;
}

function holdsReportTitle(element: HtmlElement): boolean {
  return REPORT_TITLE.test(textContent(element));
}

/** Page furniture that may be dropped: navigation, link lists, banners, footers. */
function isFurniture(element: HtmlElement, measure: Measurer): boolean {
  const m = measure.of(element);
  if (m.statTables > 0) return false;
  if (FURNITURE_TAGS.has(element.name)) return true;
  const linkDense = m.cjk > 0 && m.linkCjk / m.cjk >= 0.6;
  // Link lists: most of the text is inside links.
  if (linkDense) return true;
  const text = textContent(element);
  // A banner or header that carries the report's own title is content.
  if (REPORT_TITLE.test(text)) return false;
  const short = countCjk(text) <= 400;
  if (MAYBE_FURNITURE_TAGS.has(element.name) && short) return true;
  return FURNITURE_NAME.test(nameOf(element)) && short && !TITLE_NAME.test(nameOf(element)) && !/^h[1-6]$/.test(element.name);
}

function isTitleLike(element: HtmlElement, measure: Measurer): boolean {
  const m = measure.of(element);
  if (m.cjk === 0 || m.cjk > 120 || m.statTables > 0) return false;
  if (m.linkCjk / m.cjk >= 0.6) return false;
  if (/^h[1-3]$/.test(element.name) || TITLE_NAME.test(nameOf(element))) return true;
  return holdsReportTitle(element) && m.cjk <= 80;
}

/** The nearest title-like element before `child` among its siblings (searching inside them too). */
function titleBefore(parent: HtmlElement, child: HtmlElement, measure: Measurer): HtmlElement | null {
  const siblings = elementChildren(parent);
  for (let i = siblings.indexOf(child) - 1; i >= 0; i--) {
    const sibling = siblings[i];
    if (!sibling || measure.of(sibling).cjk === 0) continue;
    if (isTitleLike(sibling, measure)) return sibling;
    const inner = findAll(sibling, (element) => isTitleLike(element, measure) && (/^h[1-3]$/.test(element.name) || TITLE_NAME.test(nameOf(element))));
    const last = inner[inner.length - 1];
    if (last) return last;
  }
  return null;
}

/** Remove furniture below `element` (mutates the tree; it is ours). */
function stripFurniture(element: HtmlElement, measure: Measurer): void {
  element.children = element.children.filter((child: HtmlNode) => child.type === 'text' || !isFurniture(child, measure));
  for (const child of elementChildren(element)) stripFurniture(child, measure);
}

export function selectArticle(root: HtmlElement): ArticleSelection {
  const measure = new Measurer();
  const total = measure.of(root);
  if (total.cjk === 0) return { parts: [root] };
  let current = root;
  let title: HtmlElement | null = null;
  for (;;) {
    const here = measure.of(current);
    const children = elementChildren(current);
    let best: HtmlElement | null = null;
    for (const child of children) if (!best || measure.of(child).cjk > measure.of(best).cjk) best = child;
    if (!best) break;
    const chosen = measure.of(best);
    if (chosen.cjk < here.cjk * 0.5 || chosen.statTables < here.statTables) break;
    // Text written directly in `current` (not in a child element) would be lost by stepping down.
    const ownText = current.children.reduce((sum, child) => sum + (child.type === 'text' ? countCjk(child.text) : 0), 0);
    if (ownText > 20) break;
    const leftBehindIsFurniture = children.every((child) => {
      if (child === best) return true;
      const m = measure.of(child);
      return m.cjk <= 20 || isFurniture(child, measure) || isTitleLike(child, measure);
    });
    if (!leftBehindIsFurniture) break;
    title = titleBefore(current, best, measure) ?? title;
    current = best;
  }
  stripFurniture(current, measure);
  const parts = [current];
  if (title && !holdsSameText(current, title)) parts.unshift(title);
  return { parts };
}

function holdsSameText(container: HtmlElement, title: HtmlElement): boolean {
  const titleText = textContent(title).replace(/\s+/g, '');
  return titleText.length > 0 && textContent(container).replace(/\s+/g, '').startsWith(titleText);
}

/** The page's own title: <meta name="ArticleTitle">, else <title>. */
export function pageTitle(root: HtmlElement): string | undefined {
  const metas = findAll(root, (element) => element.name === 'meta');
  for (const meta of metas) {
    const name = (meta.attrs.name ?? '').toLowerCase();
    if ((name === 'articletitle' || name === 'title') && meta.attrs.content?.trim()) return meta.attrs.content.replace(/\s+/g, ' ').trim();
  }
  const title = findAll(root, (element) => element.name === 'title')[0];
  const text = title ? textContent(title).replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}
