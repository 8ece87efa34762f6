/**
 * Printing of the HTML documents from `renderDocument` (audit sheet, notice, summary). Each document is
 * loaded into a hidden window with JavaScript disabled, then printed or turned into a PDF.
 */
import { BrowserWindow, dialog } from 'electron';
import type { WebContents } from 'electron';
import fs from 'node:fs/promises';
import { hardenContents } from './security.ts';

async function withDocument<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  const url = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
  hardenContents(win.webContents, url);
  try {
    await win.loadURL(url);
    return await use(win.webContents);
  } finally {
    win.destroy();
  }
}

export function printHtml(html: string): Promise<{ printed: boolean }> {
  return withDocument(
    html,
    (contents) =>
      new Promise((resolve, reject) => {
        contents.print({ silent: false, printBackground: true }, (success, reason) => {
          // "cancelled" is the user's choice, not an error.
          if (success || reason === 'cancelled') resolve({ printed: success });
          else reject(new Error(`打印失败：${reason}`));
        });
      }),
  );
}

/** File names may not contain these on Windows. */
function safeFileName(title: string): string {
  return title.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120) || '文档';
}

export async function savePdf(parent: BrowserWindow, html: string, title: string): Promise<{ path: string | null }> {
  const choice = await dialog.showSaveDialog(parent, {
    title: '另存为 PDF',
    defaultPath: `${safeFileName(title)}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { path: null };
  const pdf = await withDocument(html, (contents) => contents.printToPDF({ printBackground: true, pageSize: 'A4' }));
  await fs.writeFile(choice.filePath, pdf);
  return { path: choice.filePath };
}
