/**
 * Runs of digits the reader could not cut for sure (web page text with cells written together): each is
 * listed with its candidate cuts; choosing one asks for a reason and records it as cell corrections
 * through the ordinary correctCell API, so it shows in the version history and the printed sheet.
 */
import type { RunCut } from '../../shared/model.ts';
import { openRuns } from '../../shared/run-cells.ts';
import type { Report } from '../../shared/model.ts';
import { TABLE_TITLES } from '../labels.ts';

export interface RunChoice {
  cut: RunCut;
  /** The cells' values in order (one of cut.candidates). */
  values: number[];
}

export function RunCutPicker({ report, onChoose }: { report: Report; onChoose?: (choice: RunChoice) => void }) {
  const runs = openRuns(report);
  if (runs.length === 0) return null;
  return (
    <section className="run-cuts" aria-label="连写数字待确认">
      <h3>连写数字待确认（{runs.length} 处）</h3>
      <p className="muted">原文中这些行的数字连在一起，按表格勾稽关系{runs.some((r) => r.status === 'impossible') ? '有多种切分或无一相符' : '有多种切分'}。请对照原文选定一种，选定后作为更正记录保存。</p>
      <ul>
        {runs.map((cut, i) => (
          <li key={i} className="run-cut" data-run={i}>
            <div>
              <strong>{TABLE_TITLES[cut.table]}</strong> “{cut.label}”：<code>{cut.raw}</code>
              {cut.status === 'impossible' ? <span className="tag bad">无一切分满足总计</span> : null}
            </div>
            {cut.candidates.length > 0 && (
              <div className="run-candidates">
                {cut.candidates.map((values, k) => (
                  <button type="button" key={k} disabled={!onChoose} onClick={() => onChoose?.({ cut, values })} aria-label={`选定切分 ${values.join('|')}`}>
                    {values.join(' | ')}
                  </button>
                ))}
                {cut.more ? <span className="muted">（另有更多切分，可逐格更正）</span> : null}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
