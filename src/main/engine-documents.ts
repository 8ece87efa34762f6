/**
 * The door from the backend to the printed documents and exports of src/core (core/sheet, the JSON export).
 * Apart from engine.ts because it loads React (react-dom/server), which the parsing workers must not.
 */
export { exportDocument } from '../core/export-json.ts';
export { EMBEDDED_FONT_FAMILY, checkInfo, departmentOf, rankResults, renderNoticeHtml, renderSheetHtml, renderSummaryHtml } from '../core/sheet/index.ts';
export { buildSummaryView } from '../core/sheet/summary-view.ts';
export { buildCircularView, type CircularInput, type CircularView } from '../core/sheet/circular-view.ts';
export { GENERATION_LABELS, VERDICT_LABELS, baseName, describeEvidence } from '../core/sheet/format.ts';
