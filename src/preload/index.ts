/**
 * Preload (sandboxed): exposes the typed AuditorApi as `window.ogi` and the small DesktopShell as
 * `window.ogiDesktop`, nothing else. Every API method is one `ipcRenderer.invoke('ogi:<method>')`;
 * the main process answers with an ApiResult, unwrapped here into a value or a thrown Error.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_METHODS } from '../shared/api.ts';
import type { ApiResult, AuditorApi } from '../shared/api.ts';
import { DESKTOP_CHANNELS } from '../shared/desktop.ts';
import type { DesktopShell, MenuCommand } from '../shared/desktop.ts';

/** Error thrown to the renderer; keeps the backend's code in the message prefix (contextBridge drops extra fields). */
function unwrap<T>(result: ApiResult<T>): T {
  if (result && result.ok) return result.value;
  const error = result && !result.ok ? result.error : { code: 'ipc', message: '后端没有返回有效结果' };
  throw new Error(`[${error.code}] ${error.message}`);
}

const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const method of API_METHODS) {
  api[method] = async (input?: unknown) => unwrap(await ipcRenderer.invoke(`ogi:${method}`, input ?? {}));
}

const MENU_COMMANDS: readonly MenuCommand[] = ['import-folder', 'import-files', 'view-import', 'view-overview', 'view-rubric', 'print'];

const desktop: DesktopShell = {
  choosePaths: async (input) => unwrap(await ipcRenderer.invoke(DESKTOP_CHANNELS.choosePaths, input)),
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
  printHtml: async (input) => unwrap(await ipcRenderer.invoke(DESKTOP_CHANNELS.printHtml, input)),
  savePdf: async (input) => unwrap(await ipcRenderer.invoke(DESKTOP_CHANNELS.savePdf, input)),
  onMenu: (listener) => {
    const handler = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(DESKTOP_CHANNELS.menu, handler);
    return () => {
      ipcRenderer.removeListener(DESKTOP_CHANNELS.menu, handler);
    };
  },
};

contextBridge.exposeInMainWorld('ogi', api as unknown as AuditorApi);
contextBridge.exposeInMainWorld('ogiDesktop', desktop);
