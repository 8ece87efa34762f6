/**
 * Worker thread entry: the comparison of a report with the other departments' reports of its year
 * (the checks with `meta.comparesPeers`), kept off the thread that serves the UI. It holds each year's
 * peers (narrative only) with their sketch index, as the import tells it (peer-worker-protocol.ts); a
 * comparison probes the index, and only its candidates are compared exactly.
 */
import { parentPort } from 'node:worker_threads';
import { PeerIndex, comparePeers, reuseFingerprint, type RelatedReport } from './engine.ts';
import type { PeerAnswer, PeerRequest } from './peer-worker-protocol.ts';

if (!parentPort) throw new Error('peer-worker 只能作为 worker_threads 线程运行');
const port = parentPort;

interface Year {
  peers: Map<string, RelatedReport>;
  index: PeerIndex;
}
const years = new Map<number, Year>();

function yearOf(year: number): Year {
  let y = years.get(year);
  if (!y) {
    y = { peers: new Map(), index: new PeerIndex() };
    years.set(year, y);
  }
  return y;
}

port.on('message', (message: PeerRequest) => {
  if (message.kind === 'add') {
    const y = yearOf(message.year);
    for (const entry of message.peers) {
      const old = y.peers.get(entry.key);
      if (old) y.index.remove(old);
      if (entry.fingerprint !== null) reuseFingerprint(entry.report, entry.fingerprint);
      const rel: RelatedReport = { file: entry.file, department: entry.department, year: entry.year, report: entry.report };
      y.peers.set(entry.key, rel);
      y.index.add(rel);
    }
  } else if (message.kind === 'remove') {
    const y = yearOf(message.year);
    const old = y.peers.get(message.key);
    if (old) y.index.remove(old);
    y.peers.delete(message.key);
  } else {
    port.postMessage(compare(message));
  }
});

function compare(message: Extract<PeerRequest, { kind: 'compare' }>): PeerAnswer {
  try {
    const y = yearOf(message.year);
    const exclude = new Set(message.exclude);
    const peers: RelatedReport[] = [];
    for (const [key, rel] of y.peers) if (!exclude.has(key)) peers.push(rel);
    if (message.fingerprint !== null) reuseFingerprint(message.report, message.fingerprint);
    const findings = comparePeers(message.report, { previous: null, peers, options: message.options, peerIndex: y.index });
    return { id: message.id, findings, error: null };
  } catch (err) {
    return { id: message.id, findings: null, error: (err as Error).message };
  }
}
