/**
 * The web adapter: the same AuditorService over HTTP, for browser mode and end-to-end tests.
 * Listens on 127.0.0.1 only; every API call needs the per-run token (header `x-ogi-token`); requests whose
 * Host or Origin is not this server are refused (DNS rebinding, cross-site requests).
 *
 *   POST /api/<method>   JSON body = the method's input → ApiResult JSON
 *   GET  /api/events     Server-Sent Events: `progress` events with ImportProgressUpdate deltas after a snapshot
 *                        (event-stream.ts; token in ?token=, header or cookie)
 *   GET  /download/<job> the zip of a finished batch export (exportYear without a folder), as an attachment
 *   GET  /…              the built renderer (out/renderer); index.html gets
 *                        <meta name="ogi-token" content="…"> injected and needs ?token= once (then a cookie)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { API_METHODS, type ApiMethod, type ApiResult } from '../../shared/api.ts';
import type { AuditorService } from '../service.ts';
import { validateInput } from './validate.ts';
import { ImportEventStream, type EventStreamStats } from './event-stream.ts';

export const TOKEN_HEADER = 'x-ogi-token';
const TOKEN_COOKIE = 'ogi_token';
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const STATUS_BY_CODE: Record<string, number> = { invalid: 400, 'not-found': 404, conflict: 409, 'not-available': 501, closed: 503 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.map': 'application/json; charset=utf-8',
};

export interface WebServerOptions {
  service: AuditorService;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer; default out/renderer under the working directory. */
  rendererDir?: string;
  /** Fixed token (tests); default 32 random bytes. */
  token?: string;
  /** Largest API request body (bytes); default 50 MB. */
  maxBodyBytes?: number;
  /** Bytes of events that may wait for one SSE client that does not read before it is closed; default 1 MB. */
  maxEventBacklogBytes?: number;
}

export interface WebServer {
  url: string;
  /** The URL to open in a browser (with the token). */
  openUrl: string;
  port: number;
  token: string;
  /** The SSE clients and what waits for them (tests: memory stays bounded). */
  eventStats(): EventStreamStats;
  close(): Promise<void>;
}

const API_SET = new Set<string>(API_METHODS);

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function fail(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A declared length over the limit is refused before a byte is read.
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return reject(new Error('too-large'));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; the 413 is sent and the connection closed by the caller.
        req.off('data', onData);
        chunks.length = 0;
        reject(new Error('too-large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { service } = options;
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir ?? 'out/renderer');
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;
  const events = new ImportEventStream(options.maxEventBacklogBytes);

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const unsubscribe = service.onImportProgress((update) => events.broadcast(update));

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') return fail(res, 405, 'method-not-allowed', '接口只接受 POST 请求');
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return fail(res, 401, 'unauthorized', '缺少或错误的访问令牌');
    if (!API_SET.has(method)) return fail(res, 404, 'not-found', `没有这个接口：${method}`);
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return fail(res, 415, 'invalid', '请求体必须是 JSON（Content-Type: application/json）');
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (err) {
      if ((err as Error).message === 'too-large') {
        res.setHeader('connection', 'close');
        res.on('finish', () => req.destroy());
        return fail(res, 413, 'too-large', `请求体超过 ${Math.round((maxBodyBytes / 1024 / 1024) * 10) / 10} MB 上限`);
      }
      throw err;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return fail(res, 400, 'invalid', '请求体不是有效的 JSON');
      }
    }
    const problem = validateInput(method as ApiMethod, input);
    if (problem) return fail(res, 400, 'invalid', problem);
    try {
      const call = service[method as ApiMethod] as (arg: unknown) => Promise<unknown>;
      const value = await call.call(service, input ?? {});
      sendJson(res, 200, { ok: true, value });
    } catch (err) {
      const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'internal';
      const status = STATUS_BY_CODE[code] ?? 500;
      fail(res, status, code, (err as Error).message || '内部错误');
    }
  };

  const handleEvents = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token') ?? cookieToken(req);
    if (!sameToken(given ?? undefined, token)) return fail(res, 401, 'unauthorized', '缺少或错误的访问令牌');
    events.attach(req, res, service.currentImports());
  };

  const serveDownload = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, jobId: string): void => {
    const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token') ?? cookieToken(req);
    if (!sameToken(given ?? undefined, token)) return fail(res, 401, 'unauthorized', '缺少或错误的访问令牌');
    const archive = service.exportArchive(jobId);
    if (!archive) return fail(res, 404, 'not-found', '导出文件不存在或尚未完成');
    fs.stat(archive.file, (err, stat) => {
      if (err) return fail(res, 404, 'not-found', '导出文件已被删除');
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-length': String(stat.size),
        'cache-control': 'no-store',
        // RFC 6266: an ASCII fallback and the Chinese name for browsers that read filename*.
        'content-disposition': `attachment; filename="ogi-export.zip"; filename*=UTF-8''${encodeURIComponent(archive.name)}`,
      });
      fs.createReadStream(archive.file).pipe(res);
    });
  };

  const serveIndex = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const given = url.searchParams.get('token') ?? cookieToken(req);
    if (!sameToken(given ?? undefined, token)) {
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><meta charset="utf-8"><title>需要令牌</title><p>请使用启动时终端打印的完整网址（含 token）打开本页面。</p>');
      return;
    }
    const indexFile = path.join(rendererDir, 'index.html');
    if (!fs.existsSync(indexFile)) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><meta charset="utf-8"><title>界面未构建</title><p>找不到界面文件 ${indexFile}，请先构建前端（npm run build）。接口 /api/* 可正常使用。</p>`);
      return;
    }
    const html = fs
      .readFileSync(indexFile, 'utf8')
      .replace(/<head([^>]*)>/i, (m) => `${m}<meta name="ogi-token" content="${token}">`);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
    });
    res.end(html);
  };

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return fail(res, 400, 'invalid', '路径无效');
    }
    if (rel === '/' || rel === '/index.html') return serveIndex(req, res, url);
    // Assets too only for the page that holds this run's token (the cookie set with index.html).
    const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token') ?? cookieToken(req);
    if (path.extname(rel) && !sameToken(given ?? undefined, token)) return fail(res, 401, 'unauthorized', '缺少或错误的访问令牌');
    const file = path.resolve(rendererDir, `.${rel}`);
    if (!file.startsWith(rendererDir + path.sep)) return fail(res, 403, 'forbidden', '禁止访问');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        // Client-side routes fall back to the app; missing assets are 404.
        if (!path.extname(rel)) return serveIndex(req, res, url);
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('未找到');
        return;
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
  };

  const server = http.createServer((req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    if (!allowedHosts().has(req.headers.host ?? '')) return fail(res, 403, 'forbidden-host', '拒绝访问：Host 不是本机地址');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return fail(res, 403, 'forbidden-origin', '拒绝跨站请求');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events') return handleEvents(req, res, url);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch((err: unknown) => {
        if (!res.headersSent) fail(res, 500, 'internal', (err as Error).message);
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'method-not-allowed', '不支持的请求方法');
    const download = /^\/download\/([\w-]{1,64})$/.exec(url.pathname);
    if (download) return serveDownload(req, res, url, download[1]!);
    serveStatic(req, res, url);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        openUrl: `${url}/?token=${token}`,
        port,
        token,
        eventStats: () => events.stats(),
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            events.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
