/**
 * mammoth parses every Word XML part with xmldom into a full DOM, then copies that into its own element
 * tree. xmldom is slow: 5 ms for the 40 KB document.xml of a typical (slimmed) report, a third of reading
 * the whole .docx. saxes, a strict namespace-aware XML parser, reads the same part in 1.5 ms.
 *
 * So mammoth's `parseFromString` (lib/xml/xmldom.js, looked up by its reader at every call) is replaced by
 * one that builds, with saxes, just the part of a DOM that mammoth's reader walks: elements with their
 * namespace URI, local name, attributes and children, and text nodes. Everything else xmldom makes
 * (comments, processing instructions, CDATA sections) is skipped by that reader anyway. When saxes refuses
 * a part (anything not well-formed XML, e.g. a control character WPS left in a run), xmldom gets it as
 * before, so nothing that was readable stops being readable.
 */
import { createRequire } from 'node:module';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** The DOM members mammoth's lib/xml/reader.js reads. */
interface FastAttribute {
  namespaceURI: string | null;
  localName: string;
  value: string;
}

interface FastElement {
  nodeType: 1;
  tagName: string;
  namespaceURI: string | null;
  localName: string;
  attributes: FastAttribute[];
  childNodes: FastNode[];
}

interface FastText {
  nodeType: 3;
  nodeValue: string;
}

type FastNode = FastElement | FastText;

interface FastDocument {
  documentElement: FastElement;
}

/** Parses `xml` into the DOM subset above; throws when saxes finds it not well-formed. */
export function parseWordXml(xml: string): FastDocument {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: FastElement[] = [];
  let root: FastElement | null = null;
  // Text between two pieces of markup comes as one node, as xmldom makes it.
  let pendingText = '';
  const flushText = (): void => {
    if (pendingText === '') return;
    const parent = stack[stack.length - 1];
    if (parent) parent.childNodes.push({ nodeType: 3, nodeValue: pendingText });
    pendingText = '';
  };
  parser.on('opentag', (tag: SaxesTagNS) => {
    flushText();
    const attributes: FastAttribute[] = [];
    for (const name in tag.attributes) {
      const attribute = tag.attributes[name]!;
      attributes.push({ namespaceURI: attribute.uri || null, localName: attribute.local, value: attribute.value });
    }
    const element: FastElement = {
      nodeType: 1,
      tagName: tag.name,
      namespaceURI: tag.uri || null,
      localName: tag.local,
      attributes,
      childNodes: [],
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.childNodes.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    flushText();
    stack.pop();
  });
  parser.on('text', (text: string) => {
    pendingText += text;
  });
  // A CDATA section, comment or processing instruction ends a text node, as in xmldom (its node is skipped).
  parser.on('cdata', flushText);
  parser.on('comment', flushText);
  parser.on('processinginstruction', flushText);
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return { documentElement: root };
}

interface MammothXmlModule {
  parseFromString: (xml: string) => unknown;
}

let installed: boolean | undefined;

/**
 * Points mammoth at `parseWordXml` (falling back to xmldom for what saxes refuses). Returns false, leaving
 * mammoth as it was, if its internals are not where this expects them (another mammoth version).
 */
export function installFastWordXml(): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  try {
    const module = createRequire(import.meta.url)('mammoth/lib/xml/xmldom.js') as Partial<MammothXmlModule>;
    const xmldomParse = module.parseFromString;
    if (typeof xmldomParse !== 'function') return false;
    module.parseFromString = (xml: string): unknown => {
      try {
        return parseWordXml(xml);
      } catch {
        return xmldomParse(xml);
      }
    };
    installed = true;
  } catch {
    // mammoth's layout changed: it keeps its own parser.
  }
  return installed;
}
