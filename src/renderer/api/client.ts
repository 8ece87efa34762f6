/**
 * The UI's only way to the backend: `window.ogi` (Electron preload) when present, else HTTP to the web
 * adapter: POST /api/<method> with JSON and the per-run token from <meta name="ogi-token">, answered
 * with an ApiResult.
 */
import { API_METHODS } from '../../shared/api.ts';
import type { ApiResult, AuditorApi } from '../../shared/api.ts';
import type { DesktopShell } from '../../shared/desktop.ts';

declare global {
  interface Window {
    ogi?: AuditorApi;
    ogiDesktop?: DesktopShell;
  }
}

/** Error from the backend with its code ('validation', 'not-found'…). */
export class ApiError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const TOKEN_KEY = 'ogi.token';

/**
 * Browser mode is opened as /?token=…: once the page holds the token (the meta tag the server injected), it
 * is taken out of the address bar and history, and kept in sessionStorage for this tab. A reload is let in by
 * the HttpOnly cookie the server set with the page.
 */
function adoptToken(): void {
  const token = document.querySelector('meta[name="ogi-token"]')?.getAttribute('content');
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

function readToken(): string {
  return document.querySelector('meta[name="ogi-token"]')?.getAttribute('content') ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function post(method: string, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ogi-token': readToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    throw new ApiError('network', `无法连接后端服务（${error instanceof Error ? error.message : String(error)}）`);
  }
  let body: ApiResult<unknown>;
  try {
    body = (await response.json()) as ApiResult<unknown>;
  } catch {
    throw new ApiError(`http-${response.status}`, `后端返回了无法识别的内容（HTTP ${response.status}）`);
  }
  if (body.ok) return body.value;
  throw new ApiError(body.error.code, body.error.message);
}

function httpApi(): AuditorApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) api[method] = (input?: unknown) => post(method, input);
  return api as unknown as AuditorApi;
}

/** Errors from the preload arrive as "[code] message"; turn them back into ApiError. */
function preloadApi(inner: AuditorApi): AuditorApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = async (input?: unknown) => {
      try {
        return await (inner[method] as (arg: unknown) => Promise<unknown>)(input ?? {});
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        const match = /^(?:Error invoking remote method '[^']*': )?(?:Error: )?\[([\w.-]+)\] ([\s\S]*)$/.exec(text);
        throw match ? new ApiError(match[1]!, match[2]!) : new ApiError('error', text);
      }
    };
  }
  return api as unknown as AuditorApi;
}

if (!window.ogi) adoptToken();

export const api: AuditorApi = window.ogi ? preloadApi(window.ogi) : httpApi();
export const desktop: DesktopShell | null = window.ogiDesktop ?? null;

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
