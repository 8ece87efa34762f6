import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src/main/service.ts';
import { startWebServer } from '../../src/main/web/server.ts';

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

test('web adapter: token, loopback only, origin checks, validation, CSP', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-web-'));
  const service = createService({ dbPath: path.join(dir, 'a.db'), poolSize: 1 });
  const server = await startWebServer({ service, rendererDir: path.join(dir, 'renderer') });
  const json = { 'content-type': 'application/json' };
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const noToken = await request(server.port, { path: '/api/listYears', headers: json, body: '{}' });
    assert.equal(noToken.status, 401);
    assert.equal(JSON.parse(noToken.body).ok, false);
    const wrong = await request(server.port, { path: '/api/listYears', headers: { ...json, 'x-ogi-token': 'nope' }, body: '{}' });
    assert.equal(wrong.status, 401);

    const ok = await request(server.port, { path: '/api/listYears', headers: { ...json, 'x-ogi-token': server.token }, body: '{}' });
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { ok: true, value: [] });
    assert.match(String(ok.headers['content-security-policy']), /default-src 'self'/);

    const foreign = await request(server.port, { path: '/api/listYears', headers: { ...json, 'x-ogi-token': server.token, origin: 'http://evil.example' }, body: '{}' });
    assert.equal(foreign.status, 403);
    const rebinding = await request(server.port, { path: '/api/listYears', headers: { ...json, 'x-ogi-token': server.token, host: 'evil.example' }, body: '{}' });
    assert.equal(rebinding.status, 403);
    const sameOrigin = await request(server.port, { path: '/api/listYears', headers: { ...json, 'x-ogi-token': server.token, origin: server.url }, body: '{}' });
    assert.equal(sameOrigin.status, 200);

    const bad = await request(server.port, { path: '/api/getReport', headers: { ...json, 'x-ogi-token': server.token }, body: '{"reportId":"x"}' });
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body).error.message, /reportId/);
    const missing = await request(server.port, { path: '/api/getReport', headers: { ...json, 'x-ogi-token': server.token }, body: '{"reportId":99}' });
    assert.equal(missing.status, 404);
    const rubric = await request(server.port, { path: '/api/saveRubric', headers: { ...json, 'x-ogi-token': server.token }, body: JSON.stringify({ json: '{"id":"x"}' }) });
    assert.equal(rubric.status, 400);
    assert.match(JSON.parse(rubric.body).error.message, /评分规则无效/);

    // index.html only with the token; the token is injected as a meta tag.
    fs.mkdirSync(path.join(dir, 'renderer'));
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!DOCTYPE html><html><head><title>t</title></head><body></body></html>');
    assert.equal((await request(server.port, { method: 'GET', path: '/' })).status, 401);
    const page = await request(server.port, { method: 'GET', path: `/?token=${server.token}` });
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(`<meta name="ogi-token" content="${server.token}">`));
    assert.equal((await request(server.port, { method: 'GET', path: '/../../etc/passwd' })).status !== 200, true);
  } finally {
    await server.close();
    await service.close();
  }
});
