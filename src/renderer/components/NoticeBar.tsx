/** One line of feedback (errors in red); closes by button or after a while for info messages. */
import { useEffect } from 'react';
import { useApp } from '../store.ts';

export function NoticeBar() {
  const notice = useApp((s) => s.notice);
  const clear = useApp((s) => s.clearNotice);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(clear, 6000);
    return () => clearTimeout(timer);
  }, [notice, clear]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" className="link" onClick={clear} aria-label="关闭提示">
        关闭
      </button>
    </div>
  );
}
