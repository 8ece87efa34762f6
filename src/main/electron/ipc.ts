/**
 * IPC adapter: one `ipcMain.handle('ogi:<method>')` per entry of API_METHODS over the service, plus the
 * desktop-shell channels. Every handler checks the sender frame, validates the payload and answers with
 * an ApiResult, so the renderer never sees a raw Electron error.
 */
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../../shared/api.ts';
import type { ApiResult, AuditorApi } from '../../shared/api.ts';
import { DESKTOP_CHANNELS } from '../../shared/desktop.ts';
import { choosePaths } from './dialogs.ts';
import { printHtml, savePdf } from './print.ts';
import { isTrustedSender } from './security.ts';
import { validateInput } from '../web/validate.ts';

function failure(code: string, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function errorResult(error: unknown): ApiResult<never> {
  const code = typeof error === 'object' && error && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'error';
  const message = error instanceof Error ? error.message : String(error);
  return failure(code, message);
}

function guarded<T>(trustedUrl: string, run: (event: IpcMainInvokeEvent, input: unknown) => Promise<T>) {
  return async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<T>> => {
    if (!isTrustedSender(event.senderFrame, trustedUrl)) return failure('forbidden', '拒绝来自未知页面的请求');
    try {
      return { ok: true, value: await run(event, input) };
    } catch (error) {
      return errorResult(error);
    }
  };
}

function htmlDocument(input: unknown): { html: string; title: string } {
  const record = (input ?? {}) as Record<string, unknown>;
  if (typeof record['html'] !== 'string' || typeof record['title'] !== 'string') throw new Error('打印：缺少 html 或 title');
  return { html: record['html'], title: record['title'] };
}

export function registerIpc(service: AuditorApi, trustedUrl: string, getWindow: () => BrowserWindow | null): void {
  for (const method of API_METHODS) {
    ipcMain.handle(
      `ogi:${method}`,
      guarded(trustedUrl, async (_event, input) => {
        // One validator for both adapters (web and IPC), naming the bad field in Chinese.
        const problem = validateInput(method, input);
        if (problem) throw Object.assign(new Error(problem), { code: 'invalid' });
        const call = service[method] as (arg: unknown) => Promise<unknown>;
        return call.call(service, input ?? {});
      }),
    );
  }
  ipcMain.handle(
    DESKTOP_CHANNELS.choosePaths,
    guarded(trustedUrl, async (_event, input) => {
      const kind = (input as { kind?: unknown } | null)?.kind;
      if (kind !== 'folder' && kind !== 'files') throw new Error('选择：kind 必须是 folder 或 files');
      const win = getWindow();
      return win ? choosePaths(win, kind) : [];
    }),
  );
  ipcMain.handle(
    DESKTOP_CHANNELS.printHtml,
    guarded(trustedUrl, async (_event, input) => printHtml(htmlDocument(input).html)),
  );
  ipcMain.handle(
    DESKTOP_CHANNELS.savePdf,
    guarded(trustedUrl, async (_event, input) => {
      const doc = htmlDocument(input);
      const win = getWindow();
      if (!win) throw new Error('没有窗口');
      return savePdf(win, doc.html, doc.title);
    }),
  );
}
