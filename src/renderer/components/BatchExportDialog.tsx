/**
 * 批量导出: one action for the year's documents — all audit sheets as one PDF (page numbers restart per
 * department) and one PDF per department, all rectification notices, the summary/ranking PDF and the Excel
 * workbook. Desktop: written into a folder the reviewer picks; browser mode: one zip download.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExportProgress } from '../../shared/api.ts';
import { api, desktop, errorText } from '../api/client.ts';
import { Modal } from './Modal.tsx';

export function BatchExportDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const live = useRef(true);
  useEffect(() => () => {
    live.current = false;
  }, []);

  async function start() {
    setFailure(null);
    setStarting(true);
    try {
      let folder: string | undefined;
      if (desktop) {
        const chosen = await desktop.choosePaths({ kind: 'folder' });
        if (chosen.length === 0) return;
        folder = chosen[0];
      }
      const { jobId } = await api.exportYear(folder ? { year, folder } : { year });
      for (;;) {
        const p = await api.exportStatus({ jobId });
        if (!live.current) return;
        setProgress(p);
        if (p.finished) {
          if (p.error) setFailure(p.error);
          else if (p.download) triggerDownload(`download/${encodeURIComponent(jobId)}`, p.download);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } catch (error) {
      if (live.current) setFailure(errorText(error));
    } finally {
      if (live.current) setStarting(false);
    }
  }

  const running = starting || (progress !== null && !progress.finished);
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Modal title={`批量导出 ${year} 年度文书`} onClose={onClose}>
      <p>一次生成本年度全部文书：</p>
      <ul className="plain-list bullets">
        <li>全部审核意见单（合并为一个 PDF，每个单位单独编页；另附每个单位一个 PDF），每张均填写名次</li>
        <li>全部整改通知书（合并 PDF 及每个单位一个 PDF）</li>
        <li>汇总排名表（PDF）、汇总表（Excel：汇总和问题清单）</li>
        <li>本地区统计汇总（rollup.xlsx、rollup.json）和通报稿（circular.docx，可在 Word/WPS 中修改）</li>
      </ul>
      <p className="muted">{desktop ? '点击“开始导出”后选择保存的文件夹。' : '完成后浏览器会下载一个 zip 压缩包。'}</p>
      {progress && (
        <div className="export-progress" role="status" aria-live="polite">
          <div className="progress">
            <div className="progress-fill" style={{ width: `${progress.finished && !progress.error ? 100 : percent}%` }} />
            <div className="progress-text">
              {progress.finished
                ? progress.error
                  ? '导出失败'
                  : `已完成：审核意见单 ${progress.sheets} 份，整改通知书 ${progress.notices} 份`
                : `正在生成 ${progress.done}/${progress.total || '…'} ${progress.current ?? ''}`}
            </div>
          </div>
          {progress.finished && !progress.error && (
            <p className="export-done">
              {progress.folder ? `已保存到：${progress.folder}` : `已下载：${progress.download ?? ''}`}（共 {progress.files.length} 个文件）
            </p>
          )}
        </div>
      )}
      {failure && <p className="error-text">{failure}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={running} onClick={() => void start()}>
          {running ? '正在导出…' : progress?.finished ? '重新导出' : '开始导出'}
        </button>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
    </Modal>
  );
}

function triggerDownload(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
