/** Native open dialogs for choosing report folders or files. */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';

const REPORT_FILTERS = [
  { name: '年度报告 (docx, pdf, txt, doc, html)', extensions: ['docx', 'pdf', 'txt', 'doc', 'html', 'htm'] },
  { name: '全部文件', extensions: ['*'] },
];

export async function choosePaths(win: BrowserWindow, kind: 'folder' | 'files'): Promise<string[]> {
  const result = await dialog.showOpenDialog(win, {
    title: kind === 'folder' ? '选择存放年度报告的文件夹' : '选择年度报告文件',
    buttonLabel: '导入',
    properties: kind === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    filters: kind === 'files' ? REPORT_FILTERS : undefined,
  });
  return result.canceled ? [] : result.filePaths;
}
