/**
 * Web adapter hardening beyond web-server.test.ts: loopback only, the token on every API method, on the
 * event stream and on static assets, cross-origin and simple-form requests refused, request body limits
 * (declared and streamed), and the server still answering after refusing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { API_METHODS } from '../../src/shared/api.ts';
import { createService } from '../../src/main/service.ts';
import { startWebServer, TOKEN_HEADER } from '../../src/main/web/server.ts';

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else req.end(opts.body);
  });
}

/** First bytes of a streaming response (SSE never ends). */
function peek(port: number, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: pathname, headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] });
      req.destroy();
    });
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

test('web adapter: loopback only; token on every method, the event stream and assets; origins, form posts and body limits refused', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-web-sec-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!DOCTYPE html><html><head><title>t</title></head><body><script type="module" crossorigin src="/assets/app.js"></script></body></html>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log("app")');
  const service = createService({ dbPath: path.join(dir, 'a.db'), poolSize: 1 });
  const server = await startWebServer({ service, rendererDir: renderer, maxBodyBytes: 64 * 1024 });
  const json = { 'content-type': 'application/json' };
  const auth = { ...json, [TOKEN_HEADER]: server.token };
  try {
    // Bound to 127.0.0.1 only: not reachable on the machine's other addresses.
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await connects('127.0.0.1', server.port), true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal)
      .map((a) => a.address);
    for (const address of others) assert.equal(await connects(address, server.port), false, `reachable on ${address}`);
    t.diagnostic(`checked ${others.length} non-loopback address(es): ${others.join(', ') || 'none'}`);

    // Every API method needs the token (and a wrong one of the right length is refused too).
    const forged = 'x'.repeat(server.token.length);
    for (const method of API_METHODS) {
      const none = await request(server.port, { path: `/api/${method}`, headers: json, body: '{}' });
      assert.equal(none.status, 401, method);
      const wrong = await request(server.port, { path: `/api/${method}`, headers: { ...json, [TOKEN_HEADER]: forged }, body: '{}' });
      assert.equal(wrong.status, 401, method);
    }

    // Event stream: token in header or query, nothing without.
    assert.equal((await peek(server.port, '/api/events')).status, 401);
    assert.equal((await peek(server.port, `/api/events?token=${forged}`)).status, 401);
    const events = await peek(server.port, `/api/events?token=${server.token}`);
    assert.equal(events.status, 200);
    assert.match(events.type ?? '', /text\/event-stream/);

    // Static assets: only with the token (the page's cookie); the cookie is HttpOnly and SameSite=Strict.
    assert.equal((await request(server.port, { method: 'GET', path: '/assets/app.js' })).status, 401);
    const page = await request(server.port, { method: 'GET', path: `/?token=${server.token}` });
    const cookie = String(page.headers['set-cookie'] ?? '');
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const asset = await request(server.port, { method: 'GET', path: '/assets/app.js', headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(asset.status, 200);
    assert.equal(asset.body, 'console.log("app")');
    assert.equal(asset.headers['x-content-type-options'], 'nosniff');
    for (const traversal of ['/assets/..%2f..%2fa.db', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5ca.db']) {
      const r = await request(server.port, { method: 'GET', path: `${traversal}?token=${server.token}` });
      // Refused, or (extensionless client-side route) the app page itself; never a file outside the renderer.
      assert.ok(r.status === 403 || r.status === 404 || (r.status === 200 && r.body.includes('<title>t</title>')), `${traversal}: ${r.status}`);
      assert.doesNotMatch(r.body, /SQLite|root:/);
    }

    // Cross-origin and rebinding attempts, even with the token.
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', 'file://']) {
      assert.equal((await request(server.port, { path: '/api/listYears', headers: { ...auth, origin }, body: '{}' })).status, 403, origin);
    }
    assert.equal((await request(server.port, { path: '/api/listYears', headers: { ...auth, host: `127.0.0.1:${server.port + 1}` }, body: '{}' })).status, 403);
    // A form post (the only cross-site request without a preflight) is not JSON: refused.
    const form = await request(server.port, { path: '/api/setRoster', headers: { 'content-type': 'application/x-www-form-urlencoded', [TOKEN_HEADER]: server.token }, body: 'year=2024' });
    assert.equal(form.status, 415);
    assert.equal((await request(server.port, { method: 'GET', path: '/api/listYears', headers: auth })).status, 405);

    // Body limits: declared too large → 413 before reading; streamed without a length → 413 once over.
    const big = Buffer.alloc(200 * 1024, 0x20);
    const declared = await request(server.port, { path: '/api/saveRubric', headers: auth, body: big });
    assert.equal(declared.status, 413);
    assert.match(JSON.parse(declared.body).error.message, /请求体超过 0\.1 MB 上限/);
    const streamed = await request(server.port, { path: '/api/saveRubric', headers: { ...auth, 'transfer-encoding': 'chunked' }, chunks: Array.from({ length: 20 }, () => Buffer.alloc(16 * 1024, 0x20)) }).catch(
      (err: NodeJS.ErrnoException) => ({ status: err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 413 : 0, body: '', headers: {} }),
    );
    assert.equal(streamed.status, 413);
    // Still serving after the refusals.
    const after = await request(server.port, { path: '/api/listYears', headers: auth, body: '{}' });
    assert.equal(after.status, 200);
    assert.deepEqual(JSON.parse(after.body), { ok: true, value: [] });
  } finally {
    await server.close();
    await service.close();
  }
});
