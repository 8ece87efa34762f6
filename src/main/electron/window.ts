/** The single application window, created with secure web preferences. */
import { BrowserWindow } from 'electron';
import path from 'node:path';
import { hardenContents } from './security.ts';

export interface WindowPaths {
  preload: string;
  rendererUrl: string;
  icon?: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'OGI 审核台 · 政府信息公开年报审核',
    icon: paths.icon,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: path.resolve(paths.preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  hardenContents(win.webContents, paths.rendererUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(paths.rendererUrl);
  return win;
}
