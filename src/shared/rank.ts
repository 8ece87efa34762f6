/**
 * The one ranking rule (screen, sheets, summary): competition ranking by score (1, 2, 2, 4); a report
 * vetoed 不合格 (一票否决) keeps its points but ranks below every report that was not vetoed; reports
 * without a score (unreadable, not a report, not submitted) are not ranked (null).
 */
export interface Rankable {
  score: number | null;
  vetoed: boolean;
}

const VETO_PENALTY = 1000;

export function competitionRanks(entries: readonly Rankable[]): (number | null)[] {
  const keys = entries.map((e) => (e.score === null ? null : e.score - (e.vetoed ? VETO_PENALTY : 0)));
  return keys.map((k) => (k === null ? null : 1 + keys.filter((o) => o !== null && o > k).length));
}
