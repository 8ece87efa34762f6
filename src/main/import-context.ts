/**
 * What every report of one import reads alike, read once per import instead of once per report: the
 * office's settings (deadlines, local items) and each year's roster. An import already takes its rubric
 * as it was when it started; the office settings and the roster are taken the same way. Each read spared
 * is a round trip to a PostgreSQL server (see Store.roundTrips).
 */
import type { RosterRow, Store } from './store/store.ts';
import { officeOptions, type OfficeOptions } from './auditing.ts';

export class ImportContext {
  private office: Promise<OfficeOptions> | null = null;
  private readonly rosters = new Map<number, Promise<Map<number, RosterRow>>>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  officeOptions(): Promise<OfficeOptions> {
    this.office ??= officeOptions(this.store);
    return this.office;
  }

  async rosterEntry(year: number, departmentId: number): Promise<RosterRow | null> {
    let roster = this.rosters.get(year);
    if (!roster) {
      roster = this.store.roster.forYear(year).then((rows) => new Map(rows.map((r) => [r.departmentId, r])));
      this.rosters.set(year, roster);
    }
    return (await roster).get(departmentId) ?? null;
  }
}
