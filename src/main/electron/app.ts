/**
 * App lifecycle: single instance, one window, the service over a SQLite file in the user-data folder,
 * IPC wiring, menu and security defaults.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openService, type AuditorService } from '../service.ts';
import { resolveLocation } from '../database-choice.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { denyAllPermissions, hardenContents, rendererUrl } from './security.ts';
import { createMainWindow } from './window.ts';

// Built layout (electron-vite): out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const here = path.dirname(fileURLToPath(import.meta.url));
const preloadFile = path.join(here, '../preload/index.cjs');
const rendererFile = path.join(here, '../renderer/index.html');
const iconFile = path.join(here, '../../assets/icon.png');
const trustedUrl = rendererUrl(rendererFile);

let mainWindow: BrowserWindow | null = null;
const getWindow = () => mainWindow;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, trustedUrl));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    denyAllPermissions();
    // OGI_DB (a SQLite file or a postgres:// address), else the 数据库 setting, else the file in user data.
    const choiceFile = path.join(app.getPath('userData'), 'database.json');
    let service: AuditorService;
    try {
      const { location, fixed } = resolveLocation(choiceFile, path.join(app.getPath('userData'), 'ogi-auditor.db'), process.env['OGI_DB']);
      service = await openService(location, { startWorkers: true, database: { choiceFile, fixed } });
    } catch (error) {
      dialog.showErrorBox('无法打开数据库', `${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
      return;
    }
    app.on('will-quit', () => void service.close());
    registerIpc(service, trustedUrl, getWindow);
    Menu.setApplicationMenu(buildMenu(getWindow));
    mainWindow = createMainWindow({ preload: preloadFile, rendererUrl: trustedUrl, icon: iconFile });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
