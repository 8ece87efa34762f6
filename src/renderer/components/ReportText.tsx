/** The report's narrative, paragraph by paragraph, with the evidence of open findings highlighted. */
import type { Report } from '../../shared/model.ts';
import { highlightPieces } from '../evidence.ts';
import type { ParagraphMark } from '../evidence.ts';

export function ReportText({ report, marks, idPrefix }: { report: Report; marks?: Map<number, ParagraphMark>; idPrefix: string }) {
  const headings = new Set(report.sections.filter((s) => s.found && s.headingIndex !== undefined).map((s) => s.headingIndex));
  if (report.paragraphs.length === 0) return <p className="muted">没有读到正文。</p>;
  return (
    <div className="report-text">
      {report.paragraphs.map((p, index) => {
        const mark = marks?.get(index);
        const className = [headings.has(index) ? 'heading' : '', p.fromTable ? 'from-table' : '', mark ? `mark-${mark.tone}` : ''].filter(Boolean).join(' ');
        return (
          <p key={index} id={`${idPrefix}p${index}`} className={className || undefined} data-paragraph={index}>
            {p.page !== undefined && <span className="page-no">第{p.page}页</span>}
            {mark && mark.quotes.length > 0
              ? highlightPieces(p.original, mark.quotes).map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))
              : p.original}
          </p>
        );
      })}
    </div>
  );
}
