/**
 * The peer comparison in its own thread (peer-worker.ts) gives exactly the findings the same comparison
 * gives in the import's thread: the 100 .txt reports of the bench plus the fixture cases imported twice,
 * once with every year compared in the peer thread and once never, then every stored finding compared.
 * One parsing worker, so both imports store the files in the same order (the same versions are latest).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importSources } from '../../src/main/importer.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import { defaultRubric } from '../../src/core/score/index.ts';
import type { Finding } from '../../src/shared/model.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const bench = path.join(fixtures, 'bench');
const cases = path.join(fixtures, 'cases');

/** Every report's latest findings by file name, after importing `inputs` with peers compared from `peerThreadFrom` peers on. */
async function importedFindings(inputs: string[], peerThreadFrom: number): Promise<Map<string, Finding[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-peer-thread-'));
  const store = openSqliteStore(path.join(dir, 'audit.db'));
  try {
    const summary = await importSources(store, inputs.map((p) => ({ path: p })), { rubric: defaultRubric(), poolSize: 1, peerThreadFrom });
    const out = new Map<string, Finding[]>();
    for (const id of summary.reportIds) {
      const row = await store.reports.row(id);
      const model = await store.reports.model(id);
      if (!row?.currentAuditId || !model) continue;
      out.set(path.basename(model.file), await store.audits.findings(row.currentAuditId));
    }
    return out;
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('peer findings are the same in the peer thread and in the import thread', { timeout: 300_000, skip: !fs.existsSync(bench) && `no fixtures at ${bench}` }, async () => {
  const texts = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-peer-texts-'));
  try {
    for (const name of fs.readdirSync(bench).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(bench, name), path.join(texts, name));
    const inputs = [texts, cases];
    const threaded = await importedFindings(inputs, 0);
    const here = await importedFindings(inputs, Number.POSITIVE_INFINITY);
    assert.ok(here.size >= 100, `${here.size} reports imported`);
    assert.deepEqual([...threaded.keys()].sort(), [...here.keys()].sort());
    let failing = 0;
    for (const [file, findings] of here) {
      assert.deepEqual(threaded.get(file), findings, file);
      if (findings.some((f) => f.check === 'peer.repeated-text' && f.status === 'fail')) failing++;
    }
    // The comparison must have had something to find, or the equality says little.
    assert.ok(failing > 0, 'no report of the batch was found similar to a peer');
    console.log(`${here.size} reports, ${failing} with peer.repeated-text failing: same findings in both threads`);
  } finally {
    fs.rmSync(texts, { recursive: true, force: true });
  }
});
