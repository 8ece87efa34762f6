/**
 * A small, forgiving HTML reader: text → element tree. It never runs anything: scripts, styles,
 * comments, processing instructions and embedded content are dropped while tokenizing, so their
 * text can never reach a report. It implies the end tags real pages leave out (</p>, </li>, </td>,
 * </tr>) and ignores end tags that close nothing, which is all the grid and article finders need.
 */
import { decodeEntities } from './html-entities.ts';

export interface HtmlElement {
  type: 'element';
  /** Lower-case tag name; '#root' for the document itself. */
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}

export interface HtmlText {
  type: 'text';
  /** Decoded text (entities resolved), whitespace as written. */
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements whose content is not markup; the first group is dropped with its content. */
const DROPPED_RAW = new Set(['script', 'style', 'textarea', 'xmp', 'noembed', 'noframes', 'iframe', 'template', 'plaintext']);
const KEPT_RAW = new Set(['title']);

/** Elements dropped with everything inside them (content never shown as text). */
const DROPPED = new Set(['svg', 'math', 'object', 'applet', 'canvas', 'video', 'audio', 'select', 'map', 'noscript', 'button']);

const BLOCKS_THAT_CLOSE_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

/** Where an implied or explicit end tag stops searching upwards. */
const TABLE_SCOPE = new Set(['table', '#root']);
const CELL_SCOPE = new Set(['td', 'th', 'caption', 'table', '#root']);

function newElement(name: string, attrs: Record<string, string>, parent: HtmlElement | null): HtmlElement {
  return { type: 'element', name, attrs, children: [], parent };
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!name || name in attrs) continue;
    attrs[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

/** Index of the '>' ending a tag that starts at `from`, honouring quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      // A quote only opens a value right after '='; stray quotes in broken markup are literal.
      let j = i - 1;
      while (j > from && /\s/.test(html[j] ?? '')) j--;
      if (html[j] === '=') quote = ch;
    } else if (ch === '>') {
      return i;
    }
  }
  return -1;
}

/**
 * How deep elements may nest; deeper start tags are dropped (their text kept in the deepest element), as
 * browsers do (Chromium stops at 512). The tree's readers walk it recursively: 3,000 nested tables
 * overflowed the stack.
 */
export const MAX_HTML_DEPTH = 512;

class TreeBuilder {
  readonly root = newElement('#root', {}, null);
  private stack: HtmlElement[] = [this.root];
  /** Start tags dropped below MAX_HTML_DEPTH and not yet ended. */
  private tooDeep = 0;
  /** Depth inside a dropped element (its content is parsed but not kept). */
  private droppedDepth = 0;
  private droppedName = '';

  private get current(): HtmlElement {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  text(text: string): void {
    if (this.droppedDepth > 0 || !text) return;
    const last = this.current.children[this.current.children.length - 1];
    if (last && last.type === 'text') last.text += text;
    else this.current.children.push({ type: 'text', text });
  }

  /** Index in the stack of the nearest open `names`, not looking past `scope`; -1 if none. */
  private findOpen(names: Set<string>, scope: Set<string>): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const name = this.stack[i]?.name ?? '';
      if (names.has(name)) return i;
      if (scope.has(name)) return -1;
    }
    return -1;
  }

  private popTo(index: number): void {
    if (index > 0) this.stack.length = index;
  }

  start(name: string, attrs: Record<string, string>, selfClosing: boolean): void {
    if (this.droppedDepth > 0) {
      if (name === this.droppedName && !VOID.has(name) && !selfClosing) this.droppedDepth++;
      return;
    }
    if (DROPPED.has(name)) {
      if (!VOID.has(name) && !selfClosing) {
        this.droppedDepth = 1;
        this.droppedName = name;
      }
      return;
    }
    if (name === 'html' || name === 'body') {
      // Keep one root; attributes of <body> are irrelevant to the text.
      return;
    }
    if (this.stack.length > MAX_HTML_DEPTH && !VOID.has(name)) {
      if (!selfClosing) this.tooDeep++;
      return;
    }
    this.implyEndTags(name);
    const element = newElement(name, attrs, this.current);
    this.current.children.push(element);
    if (!VOID.has(name) && !selfClosing) this.stack.push(element);
  }

  private implyEndTags(name: string): void {
    if (BLOCKS_THAT_CLOSE_P.has(name)) this.popTo(this.findOpen(new Set(['p']), CELL_SCOPE));
    if (name === 'li') this.popTo(this.findOpen(new Set(['li']), new Set(['ul', 'ol', 'td', 'th', 'table', '#root'])));
    if (name === 'dt' || name === 'dd') this.popTo(this.findOpen(new Set(['dt', 'dd']), new Set(['dl', 'td', 'th', 'table', '#root'])));
    if (name === 'td' || name === 'th') this.popTo(this.findOpen(new Set(['td', 'th']), TABLE_SCOPE));
    // Popping to the open row (or section) also closes the cell open inside it.
    if (name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      this.popTo(this.findOpen(new Set(['tr']), TABLE_SCOPE));
    }
    if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
      this.popTo(this.findOpen(new Set(['tbody', 'thead', 'tfoot']), TABLE_SCOPE));
    }
    if (name === 'option') this.popTo(this.findOpen(new Set(['option']), CELL_SCOPE));
  }

  end(name: string): void {
    if (this.droppedDepth > 0) {
      if (name === this.droppedName) this.droppedDepth--;
      return;
    }
    if (name === 'html' || name === 'body') return;
    if (this.tooDeep > 0) {
      this.tooDeep--;
      return;
    }
    if (name === 'br') {
      // "</br>" is treated as <br> by browsers.
      this.start('br', {}, true);
      return;
    }
    const isTablePart = name === 'table' || name === 'tr' || name === 'td' || name === 'th' || name === 'tbody'
      || name === 'thead' || name === 'tfoot' || name === 'caption';
    const index = this.findOpen(new Set([name]), isTablePart ? endTagScope(name) : CELL_SCOPE);
    this.popTo(index);
  }
}

/** </table> may close across everything; </tr> and </td> stop at their table. */
function endTagScope(name: string): Set<string> {
  return name === 'table' ? new Set(['#root']) : TABLE_SCOPE;
}

/** Parse HTML text into an element tree (root named '#root'). */
export function parseHtml(html: string): HtmlElement {
  const builder = new TreeBuilder();
  let i = 0;
  const n = html.length;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) builder.text(decodeEntities(html.slice(textStart, end)));
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      textStart = i;
      continue;
    }
    if (next === '!' || next === '?') {
      flushText(lt);
      // <![CDATA[ ... ]]> in HTML is a bogus comment; <!DOCTYPE>, <?xml ?> likewise carry no text.
      const close = html.startsWith('<![CDATA[', lt) ? html.indexOf(']]>', lt) : html.indexOf('>', lt);
      i = close < 0 ? n : close + (html.startsWith('<![CDATA[', lt) ? 3 : 1);
      textStart = i;
      continue;
    }
    const isEnd = next === '/';
    const nameStart = isEnd ? lt + 2 : lt + 1;
    const nameMatch = /^[A-Za-z][A-Za-z0-9:_-]*/.exec(html.slice(nameStart, nameStart + 64));
    if (!nameMatch) {
      // A literal '<' in text ("a < b").
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, nameStart + nameMatch[0].length);
    if (end < 0) break;
    flushText(lt);
    const name = nameMatch[0].toLowerCase();
    if (isEnd) {
      builder.end(name);
      i = end + 1;
      textStart = i;
      continue;
    }
    const attrSource = html.slice(nameStart + nameMatch[0].length, end);
    const selfClosing = attrSource.trimEnd().endsWith('/');
    i = end + 1;
    textStart = i;
    if ((DROPPED_RAW.has(name) || KEPT_RAW.has(name)) && !selfClosing) {
      // Raw text: everything up to the matching end tag is content, never markup.
      const closeMatch = new RegExp(`</${name}[\\s>/]`, 'i').exec(html.slice(i));
      const contentEnd = closeMatch ? i + closeMatch.index : n;
      if (KEPT_RAW.has(name)) {
        builder.start(name, parseAttributes(attrSource), false);
        builder.text(decodeEntities(html.slice(i, contentEnd)));
        builder.end(name);
      }
      const after = closeMatch ? html.indexOf('>', contentEnd) : -1;
      i = after < 0 ? n : after + 1;
      textStart = i;
      continue;
    }
    builder.start(name, parseAttributes(attrSource), selfClosing);
  }
  flushText(n);
  return builder.root;
}

/** Elements below `node` (depth first, document order) that satisfy `test`; does not descend into matches. */
export function findAll(node: HtmlElement, test: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (element: HtmlElement): void => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      else walk(child);
    }
  };
  walk(node);
  return found;
}

/** All text below `node`, concatenated as written. */
export function textContent(node: HtmlNode): string {
  if (node.type === 'text') return node.text;
  let out = '';
  for (const child of node.children) out += textContent(child);
  return out;
}
