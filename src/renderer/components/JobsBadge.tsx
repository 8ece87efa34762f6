/** Header indicator of running imports; a click opens the import screen. */
import { useApp } from '../store.ts';

export function JobsBadge({ onOpen }: { onOpen: () => void }) {
  const jobs = useApp((s) => s.jobs);
  const running = jobs.filter((job) => !job.progress?.finished && !job.failure);
  if (running.length === 0) return <div className="jobs-badge" />;
  const total = running.reduce((sum, job) => sum + (job.progress?.total ?? 0), 0);
  const done = running.reduce((sum, job) => sum + (job.progress?.done ?? 0), 0);
  return (
    <button type="button" className="jobs-badge running" onClick={onOpen}>
      正在导入 {done}/{total || '…'}
    </button>
  );
}
