/**
 * Word XML carries far more layout than text: in a typical report most elements of document.xml are run
 * fonts, spacing, borders and widths that say nothing about the words or the table's shape. mammoth
 * parses every one into a DOM (xmldom) before ignoring it, and that parse is most of the time a .docx
 * takes to read. So before mammoth sees the XML we cut out the elements that are pure formatting.
 *
 * Only elements that never hold text and never change the table grid are cut: run properties, spacing,
 * alignment, indents, borders, shading, widths, proofing marks, bookmarks, section layout. Paragraph
 * styles and numbering (headings, list numbers), gridSpan/vMerge (merged cells), table header rows,
 * fields, hyperlinks, content controls and drawings are kept.
 */

/** Formatting-only WordprocessingML elements (local names, `w:` prefix). */
const FORMATTING_ONLY = new Set([
  'rPr', 'rPrChange', 'pPrChange', 'tblPrChange', 'tcPrChange', 'trPrChange', 'tblPrExChange',
  'spacing', 'jc', 'ind', 'bidi', 'widowControl', 'suppressLineNumbers', 'snapToGrid', 'kinsoku', 'wordWrap',
  'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'adjustRightInd', 'textAlignment', 'keepNext',
  'keepLines', 'tabs', 'contextualSpacing', 'pBdr', 'shd', 'outlineLvl', 'mirrorIndents', 'suppressAutoHyphens',
  'tcW', 'tcBorders', 'tcMar', 'vAlign', 'noWrap', 'tcFitText', 'hideMark', 'cnfStyle',
  'tblW', 'tblBorders', 'tblLayout', 'tblCellMar', 'tblLook', 'tblInd', 'tblCellSpacing', 'tblpPr', 'tblOverlap',
  'trHeight', 'cantSplit',
  'proofErr', 'lastRenderedPageBreak', 'bookmarkStart', 'bookmarkEnd', 'permStart', 'permEnd', 'sectPr',
  // styles.xml: how Word shows its built-in styles in the gallery (hundreds of entries, no content).
  'latentStyles', 'docDefaults',
]);

/** A `w:` start, end or empty tag; attribute values may hold '>' so quoted strings are skipped whole. */
const W_TAG = /<(\/?)w:([A-Za-z]+)(?![A-Za-z])(?:[^<>"']|"[^"]*"|'[^']*')*>/g;

/**
 * A WordprocessingML part (document, styles, numbering, notes) without its formatting-only elements. XML with comments or CDATA sections (which Word
 * never writes, and in which a tag-like string would be misread) is returned unchanged.
 */
export function slimWordXml(xml: string): string {
  if (xml.includes('<!--') || xml.includes('<![CDATA[')) return xml;
  const kept: string[] = [];
  let copiedUpTo = 0;
  // While inside a dropped element: its name and how deep we are in elements of that name.
  let dropping: string | null = null;
  let depth = 0;
  for (const match of xml.matchAll(W_TAG)) {
    const tag = match[0];
    const closing = match[1] === '/';
    const name = match[2]!;
    const selfClosing = tag.endsWith('/>');
    const at = match.index;
    if (dropping !== null) {
      if (name !== dropping || selfClosing) continue;
      depth += closing ? -1 : 1;
      if (depth === 0) {
        dropping = null;
        copiedUpTo = at + tag.length;
      }
      continue;
    }
    if (closing || !FORMATTING_ONLY.has(name)) continue;
    kept.push(xml.slice(copiedUpTo, at));
    copiedUpTo = at + tag.length;
    if (!selfClosing) {
      dropping = name;
      depth = 1;
    }
  }
  // An element left open (malformed XML) is not cut: keep everything from where it began.
  if (dropping !== null) return xml;
  kept.push(xml.slice(copiedUpTo));
  return joinPlainRuns(kept.join(''));
}

/** Revision and paragraph ids Word stamps on paragraphs, rows and runs. */
const REVISION_IDS = / (?:w:rsid\w*|w14:paraId|w14:textId)="[^"]*"/g;
/** Property containers left empty once their formatting is cut. */
const EMPTY_PROPERTIES = /<w:(pPr|rPr|tcPr|trPr|tblPr|tblPrEx)><\/w:\1>/g;
/** The seam between two runs that hold nothing but text (Word splits runs at every change of formatting). */
const RUN_SEAM = /<\/w:t><\/w:r><w:r><w:t(?: xml:space="preserve")?>/g;

/**
 * Once formatting is gone, most runs of a paragraph are bare text next to each other ("(" "一" ")" are
 * three runs in a WPS file): they are joined into one, since the text reads the same either way.
 */
function joinPlainRuns(xml: string): string {
  return xml.replace(REVISION_IDS, '').replace(EMPTY_PROPERTIES, '').replace(RUN_SEAM, '');
}
