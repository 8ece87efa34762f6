/**
 * A 40 MB .txt (one real report padded with millions of characters of narrative) must not stall the thread
 * that serves the UI: it is read and refused in the parsing worker (正文过长), its original is hashed in
 * slices and never written, and the event loop keeps answering API calls meanwhile (measured as event-loop
 * delay, not wall time, so the test holds on a loaded machine). The rest of the batch is imported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createService } from '../../src/main/service.ts';
import { startWebServer } from '../../src/main/web/server.ts';
import { maxReportChars } from '../../src/main/settings.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../assets/samples');

function post(port: number, token: string, method: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-ogi-token': token } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

test('the text limit: OGI_MAX_TEXT_CHARS overrides the default of a million characters', () => {
  assert.equal(maxReportChars({}), 1_000_000);
  assert.equal(maxReportChars({ OGI_MAX_TEXT_CHARS: '5000' }), 5000);
  assert.equal(maxReportChars({ OGI_MAX_TEXT_CHARS: 'x' }), 1_000_000);
});

test('a 40 MB .txt is refused in the worker while the API keeps answering', { timeout: 300_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-large-text-'));
  const input = path.join(tmp, 'in');
  fs.mkdirSync(input);
  const samples = fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt')).sort();
  const base = fs.readFileSync(path.join(SAMPLES, samples[0]!), 'utf8');
  const line = '本机关坚持以人民为中心，持续推进政府信息公开工作，做到应公开尽公开，依法保障人民群众知情权。\n';
  const copies = Math.ceil((40 * 1024 * 1024) / Buffer.byteLength(line));
  fs.writeFileSync(path.join(input, '超大年报.txt'), base + line.repeat(copies));
  fs.copyFileSync(path.join(SAMPLES, samples[1]!), path.join(input, samples[1]!));

  const service = createService({ dbPath: path.join(tmp, 'a.db'), poolSize: 1, startWorkers: true });
  const server = await startWebServer({ service, rendererDir: path.join(tmp, 'renderer') });
  try {
    await service.workersReady();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const { jobId } = await service.importPaths({ paths: [input] });
    let finished = false;
    const answered: number[] = [];
    const calls = (async () => {
      while (!finished) {
        answered.push(await post(server.port, server.token, 'changeStamp'));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const result = await service.waitForImport(jobId);
    finished = true;
    await calls;
    delay.disable();

    const worstMs = delay.max / 1e6;
    console.log(`# 40 MB .txt: worst event-loop delay ${worstMs.toFixed(0)} ms over ${answered.length} API calls`);
    const refused = result.errors.find((e) => path.basename(e.file) === '超大年报.txt');
    assert.ok(refused, JSON.stringify(result.errors));
    assert.match(refused.reason, /正文过长（约 \d[\d,]* 万字），超过一份年报 100 万字 的上限/);
    assert.equal(result.imported, 1, '同批的其他文件照常导入');
    assert.ok(answered.length > 0 && answered.every((status) => status === 200));
    assert.ok(worstMs < 2000, `界面线程被阻塞 ${worstMs.toFixed(0)} ms`);
    // Refused files are not stored: the database holds no 40 MB original.
    assert.ok(fs.statSync(path.join(tmp, 'a.db')).size < 20 * 1024 * 1024);
  } finally {
    await server.close();
    await service.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
