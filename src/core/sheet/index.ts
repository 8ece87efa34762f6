/**
 * Printable documents as complete HTML (embedded CSS, no scripts): the CLI prints them to PDF with
 * Chromium, the app shows and prints the same HTML. Pure: data in → markup out (react-dom/server).
 * Fonts are not embedded here (core has no file access): main/print/fonts.ts `embedFonts(html)` adds them.
 */
import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AuditSheet } from './AuditSheet.tsx';
import { HtmlDocument } from './HtmlDocument.tsx';
import { RectificationNotice } from './RectificationNotice.tsx';
import { documentCss } from './styles.ts';
import { SummaryTable } from './SummaryTable.tsx';
import { buildSheetView, type SheetInput } from './sheet-view.ts';
import { buildNoticeView, type NoticeInput } from './notice-view.ts';
import { buildSummaryView, type SummaryInput } from './summary-view.ts';

export interface RenderedDocument {
  html: string;
  title: string;
}

function page(kind: 'sheet' | 'notice' | 'summary', title: string, body: ReactElement, css: string = documentCss(kind)): RenderedDocument {
  const doc = createElement(HtmlDocument, { title, css, bodyClass: kind, children: body });
  return { html: `<!DOCTYPE html>${renderToStaticMarkup(doc)}`, title };
}

export function renderSheetHtml(input: SheetInput): RenderedDocument {
  const view = buildSheetView(input);
  return page('sheet', view.documentTitle, createElement(AuditSheet, { view }), documentCss('sheet', { footer: view.footer }));
}

export function renderNoticeHtml(input: NoticeInput): RenderedDocument {
  const view = buildNoticeView(input);
  return page('notice', view.documentTitle, createElement(RectificationNotice, { view }));
}

export function renderSummaryHtml(input: SummaryInput): RenderedDocument {
  const view = buildSummaryView(input);
  return page('summary', view.documentTitle, createElement(SummaryTable, { view }));
}

export { buildNoticeView, buildSheetView, buildSummaryView };
export { departmentOf, findingViews } from './finding-view.ts';
export { rankResults } from './summary-view.ts';
export type { NoticeInput, SheetInput, SummaryInput };
export type { SheetView } from './sheet-view.ts';
export type { NoticeView } from './notice-view.ts';
export type { SummaryView } from './summary-view.ts';
export { DEFAULT_CHECKS, checkInfo } from '../../shared/check-catalogue.ts';
export type { CheckInfo, CheckInfoMap } from '../../shared/check-catalogue.ts';
export { EMBEDDED_FONT_FAMILY } from './styles.ts';
