/**
 * The reviewer's overall comment (审核意见) on a report: printed in the audit sheet's 审核意见 box (empty: the
 * box prints with lines to write on). Saved with the reviewer's name; each save is kept, the latest holds.
 */
import { useEffect, useState } from 'react';
import type { ReportDetail } from '../../shared/api.ts';
import { api, errorText } from '../api/client.ts';
import { useApp } from '../store.ts';

export function CommentCard({ detail, onSaved }: { detail: ReportDetail; onSaved: (updated: ReportDetail) => void }) {
  const storedReviewer = useApp((s) => s.reviewer);
  const setReviewer = useApp((s) => s.setReviewer);
  const notify = useApp((s) => s.notify);
  const saved = detail.comment?.text ?? '';
  const [text, setText] = useState(saved);
  const [reviewer, setLocalReviewer] = useState(storedReviewer);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Another report, or someone else's save arriving with a refresh: show what is stored.
  useEffect(() => setText(saved), [detail.summary.reportId, saved]);
  const changed = text.trim() !== saved.trim();

  async function save() {
    if (!reviewer.trim()) return setError('请填写审核人姓名');
    setBusy(true);
    setError(null);
    setReviewer(reviewer.trim());
    try {
      const updated = await api.saveComment({ reportId: detail.summary.reportId, text, reviewer: reviewer.trim() });
      onSaved(updated);
      notify('info', text.trim() ? '审核意见已保存，将印在审核意见单上' : '审核意见已清空，审核意见单上留空白供手写');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card comment-card" aria-label="审核意见">
      <h2>审核意见</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          总体意见（印在审核意见单“审核意见”栏；留空则打印空白栏供手写）
          <textarea value={text} rows={4} maxLength={2000} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          审核人
          <input value={reviewer} maxLength={40} onChange={(e) => setLocalReviewer(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !changed}>
            {busy ? '正在保存…' : '保存审核意见'}
          </button>
          {detail.comment && !changed ? (
            <span className="muted small">
              已保存（{detail.comment.reviewer}，{detail.comment.at.slice(0, 16).replace('T', ' ')}）
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
