/**
 * /api/events over real sockets: what an import of N bad files sends grows linearly with N (deltas, not the
 * whole skipped list per event), a client rebuilds the job exactly from the stream, and a client that never
 * reads is closed while what the server queues for it stays bounded (bytes queued, not RSS).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ImportProgress, ImportProgressUpdate } from '../../src/shared/api.ts';
import { applyProgressUpdate } from '../../src/shared/import-progress.ts';
import { createService } from '../../src/main/service.ts';
import { startWebServer } from '../../src/main/web/server.ts';

/** A folder of `count` empty .txt files with long Chinese names (every one but the first is skipped as a duplicate). */
function emptyFiles(root: string, count: number): string {
  const dir = path.join(root, `empty-${count}`);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `某某县某某局二〇二四年政府信息公开工作年度报告（空白稿）第${String(i).padStart(5, '0')}份.txt`), '');
  return dir;
}

interface Listener {
  bytes(): number;
  /** Bytes of the events about one job. */
  bytesOf(jobId: string): number;
  jobs: Map<string, ImportProgress>;
  closed: Promise<void>;
  stop(): void;
}

/** An SSE client that reads everything and rebuilds each job from the updates. */
function listen(port: number, token: string): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const jobs = new Map<string, ImportProgress>();
    let bytes = 0;
    const perJob = new Map<string, number>();
    let pending = '';
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { 'x-ogi-token': token } }, (res) => {
      assert.equal(res.statusCode, 200);
      res.setEncoding('utf8');
      const closed = new Promise<void>((done) => res.on('close', () => done()));
      res.on('data', (chunk: string) => {
        bytes += Buffer.byteLength(chunk);
        pending += chunk;
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const event = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (!data) continue;
          const update = JSON.parse(data) as ImportProgressUpdate;
          perJob.set(update.jobId, (perJob.get(update.jobId) ?? 0) + Buffer.byteLength(event) + 2);
          const rebuilt = applyProgressUpdate(jobs.get(update.jobId) ?? null, update);
          assert.ok(rebuilt, `更新跳过了条目：${update.jobId} 从 ${update.skippedFrom}`);
          jobs.set(update.jobId, rebuilt);
        }
      });
      resolve({ bytes: () => bytes, bytesOf: (jobId) => perJob.get(jobId) ?? 0, jobs, closed, stop: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

async function until(what: string, ready: () => boolean, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > ms) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('/api/events: bytes grow linearly with the number of bad files, and the stream rebuilds the job exactly', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-events-'));
  const service = createService({ dbPath: path.join(tmp, 'a.db'), poolSize: 1 });
  const server = await startWebServer({ service, rendererDir: path.join(tmp, 'renderer') });
  try {
    const sent: Record<number, number> = {};
    for (const count of [300, 1200]) {
      const folder = emptyFiles(tmp, count);
      const client = await listen(server.port, server.token);
      const { jobId } = await service.importPaths({ paths: [folder] });
      const final = await service.waitForImport(jobId);
      await until('最后一条进度', () => client.jobs.get(jobId)?.finished === true);
      assert.equal(final.total, count);
      assert.equal(final.skipped.length + final.errors.length + final.imported, count);
      assert.deepEqual(client.jobs.get(jobId), await service.importStatus({ jobId }));
      sent[count] = client.bytesOf(jobId);
      // importUpdate (the renderer's polls, over HTTP or IPC alike) sends only what is past the client's count.
      const update = await service.importUpdate({ jobId, skippedFrom: 100, errorsFrom: 0 });
      assert.equal(update.skippedFrom, 100);
      assert.deepEqual(update.skipped, final.skipped.slice(100));
      assert.deepEqual(applyProgressUpdate({ ...final, skipped: final.skipped.slice(0, 100) }, update), final);
      client.stop();
    }
    // 4× the files: about 4× the bytes (the whole list per event was 16×).
    const ratio = sent[1200]! / sent[300]!;
    console.log(`# /api/events: 300 files ${sent[300]} B, 1,200 files ${sent[1200]} B (×${ratio.toFixed(2)})`);
    assert.ok(ratio < 5.5, `字节数按文件数的平方增长：×${ratio.toFixed(2)}`);
    assert.ok(sent[1200]! / 1200 < 4096, `每个文件 ${Math.round(sent[1200]! / 1200)} 字节`);
  } finally {
    await server.close();
    await service.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('/api/events: a client that never reads is closed, what waits for it stays bounded, a reader keeps going', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-events-slow-'));
  const service = createService({ dbPath: path.join(tmp, 'a.db'), poolSize: 1 });
  const backlog = 32 * 1024;
  const server = await startWebServer({ service, rendererDir: path.join(tmp, 'renderer'), maxEventBacklogBytes: backlog });
  try {
    const reader = await listen(server.port, server.token);
    // The stalled client: takes the response and never reads a byte of it.
    const stalled = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { 'x-ogi-token': server.token } }, (res) => {
        res.pause();
        resolve(res);
      });
      req.on('error', reject);
    });
    let stalledClosed = false;
    stalled.socket.on('close', () => (stalledClosed = true));
    stalled.on('error', () => undefined);
    await until('两个订阅者', () => server.eventStats().clients === 2);

    const folder = emptyFiles(tmp, 6000);
    const { jobId } = await service.importPaths({ paths: [folder] });
    await service.waitForImport(jobId);
    await until('读者收到最后一条进度', () => reader.jobs.get(jobId)?.finished === true);
    await until('断开不读取的客户端', () => server.eventStats().dropped === 1);
    // Only once it reads again does the stalled client see that the server closed it.
    stalled.resume();
    await until('客户端看到连接已关闭', () => stalledClosed);

    const stats = server.eventStats();
    console.log(`# /api/events: stalled client dropped after at most ${stats.peakClientBytes} B queued (bound ${backlog} B + largest event ${stats.largestEventBytes} B); reader got ${reader.bytes()} B`);
    assert.equal(stats.dropped, 1, '不读取的客户端应被断开');
    assert.equal(stats.clients, 1, '读取的客户端仍然在线');
    assert.ok(stats.peakClientBytes <= backlog + 2 * stats.largestEventBytes, `为一个客户端排队 ${stats.peakClientBytes} 字节，超过上限`);
    assert.deepEqual(reader.jobs.get(jobId), await service.importStatus({ jobId }));

    // Reconnecting starts from a snapshot: no job runs now, the last finished one is sent whole, once.
    const again = await listen(server.port, server.token);
    await until('重新连接后的快照', () => again.jobs.get(jobId)?.finished === true);
    assert.equal(server.eventStats().clients, 2);
    assert.deepEqual([...again.jobs.keys()], [jobId]);
    assert.deepEqual(again.jobs.get(jobId), await service.importStatus({ jobId }));
    again.stop();
    reader.stop();
    await until('断开后释放', () => server.eventStats().clients === 0);
    assert.equal(server.eventStats().bufferedBytes, 0);
  } finally {
    await server.close();
    await service.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
