/**
 * Preview of a printable document from renderDocument in a fully sandboxed iframe (sandbox="": no scripts,
 * opaque origin). Printing: the Electron shell prints it in a hidden window with JavaScript off; in the
 * browser a second hidden iframe (same origin, still no scripts, modals allowed for the print dialog) is used.
 */
import { useState } from 'react';
import { desktop, errorText } from '../api/client.ts';
import { useApp } from '../store.ts';
import { Modal } from './Modal.tsx';

export function printInBrowser(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.className = 'print-frame';
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 1000);
  };
  document.body.appendChild(frame);
}

export async function printDocument(doc: { html: string; title: string }): Promise<void> {
  if (desktop) await desktop.printHtml(doc);
  else printInBrowser(doc.html);
}

export function DocumentPreview({ doc, onClose }: { doc: { html: string; title: string }; onClose: () => void }) {
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notify('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title={doc.title} onClose={onClose} wide>
      <div className="preview-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run(() => printDocument(doc))}>
          打印
        </button>
        {desktop && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const saved = await desktop!.savePdf(doc);
                if (saved.path) notify('info', `已保存：${saved.path}`);
              })
            }
          >
            另存为 PDF
          </button>
        )}
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      <iframe className="preview-frame" title={doc.title} sandbox="" srcDoc={doc.html} />
    </Modal>
  );
}
