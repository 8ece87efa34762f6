/**
 * App state (zustand 5): the current screen (mirrored in location.hash so Back works), the selected year and
 * report, the reviewer's name (remembered in localStorage), running imports, and a message line.
 * Components select single values or use `useShallow`: a selector returning a new object would loop.
 */
import { create } from 'zustand';
import type { ImportProgress } from '../shared/api.ts';
import { applyProgressUpdate, withoutEntries } from '../shared/import-progress.ts';
import { api, errorText } from './api/client.ts';

export type View = 'import' | 'overview' | 'detail' | 'rubric' | 'departments' | 'rollup';

export interface Route {
  view: View;
  reportId: number | null;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  id: number;
}

export interface ImportJob {
  jobId: string;
  label: string;
  progress: ImportProgress | null;
  failure: string | null;
}

export type OverviewSortKey = 'rank' | 'department' | 'score' | 'failed' | 'uncertain' | 'importedAt';

/** The overview's sort and filters, kept while the reviewer opens a department and comes back. */
export interface OverviewView {
  search: string;
  grade: string;
  onlyProblems: boolean;
  /** Worst-first by default: rank descending (未报送 and unscored on top). */
  sort: { key: OverviewSortKey; desc: boolean };
  /** A common problem picked in the overview's panel: only departments failing this check are shown. */
  check: string;
}

interface AppState extends Route {
  overviewView: OverviewView;
  setOverviewView(patch: Partial<OverviewView>): void;
  year: number | null;
  reviewer: string;
  jobs: ImportJob[];
  notice: Notice | null;
  /** Bumped whenever stored data changed (import finished, rescoring), so screens reload. */
  dataVersion: number;
  navigate(route: Partial<Route> & { view: View }): void;
  setYear(year: number | null): void;
  setReviewer(name: string): void;
  notify(kind: Notice['kind'], text: string): void;
  clearNotice(): void;
  trackJob(jobId: string, label: string): void;
  dataChanged(): void;
}

const REVIEWER_KEY = 'ogi.reviewer';
const YEAR_KEY = 'ogi.year';

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'report' && /^\d+$/.test(parts[1] ?? '')) return { view: 'detail', reportId: Number(parts[1]) };
  if (parts[0] === 'import' || parts[0] === 'rubric' || parts[0] === 'overview' || parts[0] === 'departments' || parts[0] === 'rollup') return { view: parts[0], reportId: null };
  return { view: 'overview', reportId: null };
}

export function routeHash(route: Route): string {
  return route.view === 'detail' && route.reportId !== null ? `#/report/${route.reportId}` : `#/${route.view}`;
}

function storedNumber(key: string): number | null {
  const value = Number(localStorage.getItem(key));
  return Number.isInteger(value) && value > 0 ? value : null;
}

let noticeCounter = 0;

export const useApp = create<AppState>()((set, get) => ({
  ...parseHash(location.hash),
  year: storedNumber(YEAR_KEY),
  reviewer: localStorage.getItem(REVIEWER_KEY) ?? '',
  jobs: [],
  notice: null,
  dataVersion: 0,
  overviewView: { search: '', grade: '', onlyProblems: false, sort: { key: 'rank', desc: true }, check: '' },
  setOverviewView(patch) {
    set({ overviewView: { ...get().overviewView, ...patch } });
  },
  navigate(route) {
    const next: Route = { view: route.view, reportId: route.view === 'detail' ? (route.reportId ?? get().reportId) : null };
    const hash = routeHash(next);
    if (location.hash !== hash) history.pushState(null, '', hash);
    set(next);
  },
  setYear(year) {
    if (year === null) localStorage.removeItem(YEAR_KEY);
    else localStorage.setItem(YEAR_KEY, String(year));
    set({ year });
  },
  setReviewer(name) {
    localStorage.setItem(REVIEWER_KEY, name);
    set({ reviewer: name });
  },
  notify(kind, text) {
    set({ notice: { kind, text, id: ++noticeCounter } });
  },
  clearNotice() {
    set({ notice: null });
  },
  trackJob(jobId, label) {
    set({ jobs: [...get().jobs, { jobId, label, progress: null, failure: null }] });
    void pollJob(jobId);
  },
  dataChanged() {
    set({ dataVersion: get().dataVersion + 1 });
  },
}));

function updateJob(jobId: string, patch: Partial<ImportJob>): void {
  useApp.setState((state) => ({ jobs: state.jobs.map((job) => (job.jobId === jobId ? { ...job, ...patch } : job)) }));
}

function heldProgress(jobId: string): ImportProgress | null {
  return useApp.getState().jobs.find((job) => job.jobId === jobId)?.progress ?? null;
}

/**
 * Poll a job until it finishes; failures are shown on the job, never thrown at the user. Each poll asks only
 * for what is new (the skipped/errors entries past those held), so a 5,000-file import costs linear traffic.
 */
async function pollJob(jobId: string): Promise<void> {
  let lastDone = -1;
  for (let failures = 0; failures < 5; ) {
    try {
      const held = heldProgress(jobId);
      const update = await api.importUpdate({ jobId, skippedFrom: held?.skipped.length ?? 0, errorsFrom: held?.errors.length ?? 0 });
      // Entries missed (what was held changed meanwhile): keep the counters, the next poll brings a snapshot.
      const progress = applyProgressUpdate(heldProgress(jobId), update) ?? withoutEntries(update);
      failures = 0;
      updateJob(jobId, { progress, failure: null });
      // Let the overview refresh while a long import runs, not only at the end.
      if (progress.finished || (progress.imported > 0 && progress.done - lastDone >= 10)) {
        lastDone = progress.done;
        useApp.getState().dataChanged();
      }
      if (progress.finished) return;
    } catch (error) {
      failures += 1;
      updateJob(jobId, { failure: errorText(error) });
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

/**
 * The import jobs the server still runs (or finished a short while ago) come back as cards after a page
 * reload or a new window: the jobs live on the server, the page only asks for them.
 */
export async function resumeJobs(): Promise<void> {
  let list: ImportProgress[];
  try {
    list = await api.listImports();
  } catch {
    return; // an older server without the call, or not reachable yet: nothing to show
  }
  for (const progress of list) {
    if (useApp.getState().jobs.some((job) => job.jobId === progress.jobId)) continue;
    useApp.setState((state) => ({ jobs: [...state.jobs, { jobId: progress.jobId, label: progress.label ?? '导入任务', progress, failure: null }] }));
    if (!progress.finished) void pollJob(progress.jobId);
  }
}

addEventListener('popstate', () => useApp.setState(parseHash(location.hash)));
