/** Asks for a reason (required) and the reviewer's name (remembered) before a decision or correction. */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useApp } from '../store.ts';
import { Modal } from './Modal.tsx';

export function ReasonDialog({
  title,
  confirmLabel,
  children,
  onSubmit,
  onClose,
}: {
  title: string;
  confirmLabel: string;
  children?: ReactNode;
  onSubmit: (reason: string, reviewer: string) => Promise<void>;
  onClose: () => void;
}) {
  const storedReviewer = useApp((s) => s.reviewer);
  const setReviewer = useApp((s) => s.setReviewer);
  const [reason, setReason] = useState('');
  const [reviewer, setLocalReviewer] = useState(storedReviewer);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!reason.trim()) return setError('请填写理由');
    if (!reviewer.trim()) return setError('请填写审核人姓名');
    setBusy(true);
    setError(null);
    setReviewer(reviewer.trim());
    try {
      await onSubmit(reason.trim(), reviewer.trim());
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={title} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {children}
        <label>
          理由（必填）
          <textarea value={reason} rows={3} autoFocus onChange={(e) => setReason(e.target.value)} />
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
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? '正在保存…' : confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
