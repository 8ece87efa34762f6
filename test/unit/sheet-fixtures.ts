/**
 * Test data for the document and export tests: real AuditResults of the cases fixtures, produced by
 * the engine (read → parse → check → score), and the fixtures' expected answers to assert against.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditBatch, readReport } from '../../src/core/audit.ts';
import type { BatchFile } from '../../src/core/audit.ts';
import { defaultRubric } from '../../src/core/score/index.ts';
import type { AuditResult } from '../../src/shared/model.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const casesDir = path.join(sharedDir, 'fixtures/cases');

export interface FixtureAnswer {
  department: string;
  year: number;
  generation: string;
  expect_fail: string[];
  expect_pass: string[];
  note?: string;
}

/** Reason to skip when the shared fixtures are not beside the repo, else null. */
export function fixturesMissing(): string | null {
  return existsSync(path.join(casesDir, 'answers.json')) ? null : `共享样例目录不存在：${casesDir}`;
}

export function readAnswers(dir: string = casesDir): Record<string, FixtureAnswer> {
  return JSON.parse(readFileSync(path.join(dir, 'answers.json'), 'utf8')) as Record<string, FixtureAnswer>;
}

const cache = new Map<string, Promise<AuditResult[]>>();

async function auditFiles(files: string[]): Promise<AuditResult[]> {
  const batch: BatchFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    batch.push({ read: await readReport(file, bytes), sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength });
  }
  return auditBatch(batch, defaultRubric());
}

/** AuditResults for the given fixture files (default: every file listed in answers.json), in that order. */
export function fixtureResults(names?: string[], dir: string = casesDir): Promise<AuditResult[]> {
  const list = (names ?? Object.keys(readAnswers(dir))).filter((n) => existsSync(path.join(dir, n)));
  const key = `${dir}|${list.join('|')}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = auditFiles(list.map((n) => path.join(dir, n)));
    cache.set(key, pending);
  }
  return pending;
}
