import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { cliBuildIsStale, ensureCliBuilt } from '../../scripts/build-cli.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the CLI runs its built bundle, and a source file newer than the build makes it stale', async () => {
  await ensureCliBuilt({ quiet: true });
  assert.equal(cliBuildIsStale(), false);
  const source = path.join(repoRoot, 'src/core/version.ts');
  const { atime, mtime } = fs.statSync(source);
  try {
    fs.utimesSync(source, atime, new Date(Date.now() + 60_000));
    assert.equal(cliBuildIsStale(), true, 'an edited source is seen');
  } finally {
    fs.utimesSync(source, atime, mtime);
  }
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/ogi-audit.mjs'), '--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^\d+\.\d+\.\d+/);
});
