/**
 * The in-process channel to pdf.js's parsing side: cloneMessage must give what structuredClone gives for
 * the data pdf.js sends, the ports must deliver in order and after the sender went on, and closing a
 * document must take its handlers off the channel.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloneMessage, createPortPair } from '../../src/core/ingest/pdf-port.ts';
import { ingestPdf } from '../../src/core/ingest/pdf.ts';
import { pdfMessageHandlerCount } from '../../src/core/ingest/pdf-load.ts';
import { IngestError } from '../../src/core/document.ts';

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
const casesDir = path.join(shared, 'fixtures', 'cases');
const skipShared = existsSync(casesDir) ? false : `../shared not found at ${shared}`;

class Glyph {
  readonly unicode: string;
  readonly width: number;
  constructor(unicode: string, width: number) {
    this.unicode = unicode;
    this.width = width;
  }
  get isWide(): boolean {
    return this.width > 500;
  }
}

test('cloneMessage gives what structuredClone gives: plain data, class instances as plain objects, typed arrays, Maps, Sets, Dates', () => {
  const shared = { name: 'F1', size: 12 };
  const glyph = new Glyph('公', 1000);
  const message = {
    action: 'commonobj',
    data: ['g_d0_f1', 'Font', { buffer: new Uint8Array([1, 2, 3]).buffer, matrix: new Float32Array([1, 0, 0, 1, 0, 0]) }],
    chunk: { fnArray: [1, 2, 3], argsArray: [null, [glyph, glyph, 'x', -0, NaN, undefined], [new Uint8Array([9])]] },
    fonts: new Map<string, unknown>([['F1', shared], ['F2', shared]]),
    names: new Set(['a', 'b']),
    when: new Date(0),
    nested: { deep: { deeper: [[[1]]] }, nothing: null },
    sparse: [1, , 3],
    view: new DataView(new Uint8Array([5, 6, 7, 8]).buffer, 1, 2),
  };
  const ours = cloneMessage(message);
  assert.deepStrictEqual(ours, structuredClone(message));
  assert.equal(Object.getPrototypeOf(ours.chunk.argsArray[1]![0]), Object.prototype, 'a class instance arrives as a plain object');
  const fonts = ours.fonts;
  assert.equal(fonts.get('F1'), fonts.get('F2'), 'a shared reference stays shared');
  assert.notEqual(fonts.get('F1'), shared);
});

test('cloneMessage copies: changing what was sent afterwards does not change what arrives', () => {
  const chunk = { fnArray: [1, 2], argsArray: [[1], [2]], bytes: new Uint8Array([1, 2, 3]) };
  const sent = cloneMessage(chunk);
  chunk.fnArray.length = 0; // pdf.js empties its operator-list arrays right after enqueueing them
  chunk.argsArray[0]!.push(99);
  chunk.bytes[0] = 42;
  assert.deepEqual(sent, { fnArray: [1, 2], argsArray: [[1], [2]], bytes: new Uint8Array([1, 2, 3]) });
});

test('cloneMessage keeps cycles, hands transferred buffers over, and refuses functions like structuredClone', () => {
  const node: { name: string; self?: unknown } = { name: 'loop' };
  node.self = node;
  const copy = cloneMessage(node) as typeof node;
  assert.equal(copy.self, copy);

  const data = new Uint8Array([1, 2, 3]);
  const moved = cloneMessage({ data }, [data.buffer]);
  assert.equal(moved.data.buffer, data.buffer, 'transferred: the same memory, no copy');

  assert.throws(() => cloneMessage({ callback: () => 1 }), (err: Error) => err.name === 'DataCloneError');
  const error = cloneMessage({ reason: new RangeError('bad') }).reason;
  assert.ok(error instanceof RangeError);
  assert.equal(error.message, 'bad');
});

test('ports deliver to the other end only, in order, after the sender has gone on', async () => {
  const [api, worker] = createPortPair();
  const atWorker: unknown[] = [];
  const atApi: unknown[] = [];
  worker.addEventListener('message', (e) => atWorker.push(e.data));
  api.addEventListener('message', (e) => atApi.push(e.data));
  api.postMessage({ n: 1 });
  api.postMessage({ n: 2 });
  worker.postMessage({ n: 3 });
  assert.deepEqual(atWorker, [], 'nothing arrives synchronously');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(atWorker, [{ n: 1 }, { n: 2 }]);
  assert.deepEqual(atApi, [{ n: 3 }]);

  const controller = new AbortController();
  const late: unknown[] = [];
  worker.addEventListener('message', (e) => late.push(e.data), { signal: controller.signal });
  assert.equal(worker.listenerCount, 2);
  controller.abort();
  assert.equal(worker.listenerCount, 1, 'an aborted signal takes its listener off');
  api.postMessage({ n: 4 });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(late, []);
});

test('reading many PDFs leaves no document handlers behind on the shared channel, also after a damaged file', { skip: skipShared }, async () => {
  const pdfs = readdirSync(casesDir).filter((f) => f.endsWith('.pdf')).slice(0, 4);
  assert.ok(pdfs.length > 0);
  const first = await ingestPdf(new Uint8Array(readFileSync(path.join(casesDir, pdfs[0]!))));
  assert.ok(first.blocks.length > 0);
  const baseline = pdfMessageHandlerCount();
  assert.ok(baseline > 0, 'the parsing side listens on the channel');
  for (let round = 0; round < 3; round++) {
    for (const file of pdfs) await ingestPdf(new Uint8Array(readFileSync(path.join(casesDir, file))));
    await assert.rejects(ingestPdf(new TextEncoder().encode('%PDF-1.7\nnot really a pdf')), IngestError);
  }
  assert.equal(pdfMessageHandlerCount(), baseline);
});
