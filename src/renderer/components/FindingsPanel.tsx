/**
 * The findings of one report grouped by rubric dimension, with deductions, evidence links and the reviewer's
 * decision (确认 / 驳回). Passing and not-applicable checks are hidden unless asked for.
 */
import { useState } from 'react';
import type { ReviewerDecision } from '../../shared/api.ts';
import { decisionPerFinding, earlierDecisions } from '../../shared/decisions.ts';
import type { AuditResult, Evidence, Finding } from '../../shared/model.ts';
import { DECIDED_LABELS, describeEvidence, VERDICT_LABELS } from '../../shared/wording.ts';
import { dimensionOf, dimensionRank } from '../../shared/check-catalogue.ts';
import { checkTitle } from '../labels.ts';

/** The scan's picture of a cell or line read by OCR, beside the value, so the reviewer can compare them. */
function OcrPicture({ reading }: { reading: NonNullable<Evidence['ocr']> }) {
  const percent = Math.round(reading.confidence * 100);
  return (
    <span className="ocr-reading">
      {/* Only our own PNG data URLs are shown (never a link to elsewhere). */}
      {reading.image?.startsWith('data:image/png;base64,') && <img className="ocr-crop" src={reading.image} alt="扫描件原件图像" />}
      <span className="muted">（OCR识别，把握 {percent}%）</span>
    </span>
  );
}

export interface FindingGroup {
  dimension: string;
  items: { finding: Finding; index: number }[];
  lost: number;
}

export function groupFindings(result: AuditResult): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  result.findings.forEach((finding, index) => {
    const dimension = dimensionOf(finding.check, result.score);
    const group = groups.get(dimension) ?? { dimension, items: [], lost: 0 };
    group.items.push({ finding, index });
    group.lost += finding.deduction;
    groups.set(dimension, group);
  });
  return [...groups.values()].sort((a, b) => dimensionRank(a.dimension, result.score) - dimensionRank(b.dimension, result.score));
}

export function FindingsPanel({
  result,
  decisions,
  selected,
  onSelect,
  onDecide,
}: {
  result: AuditResult;
  decisions: ReviewerDecision[];
  selected: number | null;
  onSelect: (index: number) => void;
  onDecide: (index: number, action: 'confirm' | 'dismiss') => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const latest = decisionPerFinding(decisions);
  const open = (f: Finding) => f.status === 'fail' || f.status === 'uncertain';
  const groups = groupFindings(result)
    .map((g) => ({ ...g, items: g.items.filter(({ finding, index }) => showAll || open(finding) || latest.has(index)) }))
    .filter((g) => g.items.length > 0);
  const hidden = result.findings.filter((f) => !open(f)).length;
  const earlier = earlierDecisions(decisions);

  return (
    <div className="findings">
      <div className="findings-head">
        <h2>发现的问题</h2>
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          显示通过项（{hidden}）
        </label>
      </div>
      {groups.length === 0 && <p className="muted">没有发现问题。</p>}
      {groups.map((group) => {
        const weight = result.score?.dimensions.find((d) => d.name === group.dimension);
        return (
          <section key={group.dimension} className="finding-group">
            <h3>
              {group.dimension}
              {weight ? (
                <span className="muted">
                  {' '}
                  扣 {weight.lost} / {weight.weight} 分
                </span>
              ) : null}
            </h3>
            <ul>
              {group.items.map(({ finding, index }) => {
                const decision = latest.get(index);
                const dismissed = decision?.action === 'dismiss';
                return (
                  <li
                    key={index}
                    className={['finding', `status-${finding.status}`, dismissed ? 'dismissed' : '', selected === index ? 'selected' : ''].filter(Boolean).join(' ')}
                    data-finding={index}
                    data-check={finding.check}
                  >
                    <button type="button" className="finding-main" onClick={() => onSelect(index)} aria-label={`${checkTitle(finding.check)}：${finding.message}`}>
                      <span className={dismissed ? 'verdict verdict-na' : `verdict verdict-${finding.status}`}>{dismissed ? DECIDED_LABELS.dismiss : VERDICT_LABELS[finding.status]}</span>
                      <span className="finding-title">{checkTitle(finding.check)}</span>
                      {finding.deduction > 0 && <span className="deduction">−{finding.deduction}</span>}
                    </button>
                    <p className="finding-message">{finding.message}</p>
                    {finding.evidence.length > 0 && (
                      <ul className="evidence">
                        {finding.evidence.slice(0, 6).map((ev, i) => (
                          <li key={i}>
                            {describeEvidence(ev, result.report)}
                            {ev.ocr && <OcrPicture reading={ev.ocr} />}
                          </li>
                        ))}
                        {finding.evidence.length > 6 && <li className="muted">另有 {finding.evidence.length - 6} 处</li>}
                      </ul>
                    )}
                    {decision && (
                      <p className={`decision decision-${decision.action}`}>
                        {DECIDED_LABELS[decision.action]}：{decision.reason}（{decision.reviewer}，{decision.at.slice(0, 16).replace('T', ' ')}）
                      </p>
                    )}
                    {(open(finding) || decision) && (
                      <div className="finding-actions">
                        {decision?.action !== 'confirm' && (
                          <button type="button" onClick={() => onDecide(index, 'confirm')}>
                            确认
                          </button>
                        )}
                        {decision?.action !== 'dismiss' && (
                          <button type="button" onClick={() => onDecide(index, 'dismiss')}>
                            驳回
                          </button>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {earlier.length > 0 && (
        <section className="finding-group orphan-decisions">
          <h3>
            早先的审核意见<span className="muted">（对应的问题在重新检查后已不存在，意见保留备查）</span>
          </h3>
          <ul>
            {earlier.map((d) => (
              <li key={d.id} className="finding orphan" data-check={d.check}>
                <p className="finding-title">{checkTitle(d.check)}</p>
                <p className="finding-message muted">原问题：{d.message}</p>
                <p className={`decision decision-${d.action}`}>
                  {DECIDED_LABELS[d.action]}：{d.reason}（{d.reviewer}，{d.at.slice(0, 16).replace('T', ' ')}）
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
