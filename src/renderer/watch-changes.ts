/**
 * Several reviewers on one database: the screens refresh when someone else imports, decides or corrects.
 * Polls the backend's change stamp (cheap: a few index lookups) and bumps `dataVersion` when it moves.
 */
import { api } from './api/client.ts';
import { useApp } from './store.ts';

const POLL_MS = 5000;

/** Start watching; returns the function that stops it. */
export function watchOtherReviewers(): () => void {
  let last: string | null = null;
  let stopped = false;
  const poll = async (): Promise<void> => {
    try {
      const { stamp } = await api.changeStamp();
      if (last !== null && stamp !== last) useApp.getState().dataChanged();
      last = stamp;
    } catch {
      // The backend is busy or restarting: try again at the next tick.
    }
  };
  void poll();
  const timer = setInterval(() => {
    if (!stopped && document.visibilityState === 'visible') void poll();
  }, POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
