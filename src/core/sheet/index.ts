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
import { buildNoticeView, buildSheetView, buildSummaryView } from './view-model.ts';
import type { NoticeInput, SheetInput, SummaryInput } from './view-model.ts';

export interface RenderedDocument {
  html: string;
  title: string;
}

function page(kind: 'sheet' | 'notice' | 'summary', title: string, body: ReactElement): RenderedDocument {
  const doc = createElement(HtmlDocument, { title, css: documentCss(kind), bodyClass: kind, children: body });
  return { html: `<!DOCTYPE html>${renderToStaticMarkup(doc)}`, title };
}

export function renderSheetHtml(input: SheetInput): RenderedDocument {
  const view = buildSheetView(input);
  return page('sheet', view.documentTitle, createElement(AuditSheet, { view }));
}

export function renderNoticeHtml(input: NoticeInput): RenderedDocument {
  const view = buildNoticeView(input);
  return page('notice', view.documentTitle, createElement(RectificationNotice, { view }));
}

export function renderSummaryHtml(input: SummaryInput): RenderedDocument {
  const view = buildSummaryView(input);
  return page('summary', view.documentTitle, createElement(SummaryTable, { view }));
}

export { buildNoticeView, buildSheetView, buildSummaryView, departmentOf, findingViews, rankResults } from './view-model.ts';
export type { NoticeInput, SheetInput, SummaryInput, SheetView, NoticeView, SummaryView } from './view-model.ts';
export { DEFAULT_CHECKS, checkInfo } from './check-catalogue.ts';
export type { CheckInfo, CheckInfoMap } from './check-catalogue.ts';
export { EMBEDDED_FONT_FAMILY } from './styles.ts';
