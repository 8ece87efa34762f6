/**
 * The CLI runs built JavaScript, not TypeScript through a loader at run time: src/main/cli/index.ts and the
 * parsing worker are bundled by esbuild into out/cli/ (packages stay external, read from node_modules).
 * `npm install` builds it (the `prepare` script); bin/ogi-audit.mjs rebuilds it on start when a source file
 * is newer than the build (or one was added or removed), so an edited checkout never runs a stale build.
 * Run directly: `node scripts/build-cli.mjs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = path.join(repoRoot, 'out', 'cli');
const STAMP = path.join(CLI_OUT_DIR, 'build-stamp.json');
/** Each bundle is one self-contained file per thread: the main thread never loads the worker's readers. */
const ENTRIES = { index: 'src/main/cli/index.ts', 'audit-worker': 'src/main/audit-worker.ts', 'peer-worker': 'src/main/peer-worker.ts' };

/** Newest modification time and number of the files the bundles are built from (plain recursion: ~3 ms). */
function sourceState() {
  let newest = 0;
  let files = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'renderer') visit(full);
      } else if (entry.isFile()) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
        files++;
      }
    }
  };
  visit(path.join(repoRoot, 'src'));
  for (const file of ['package.json', 'scripts/build-cli.mjs']) newest = Math.max(newest, fs.statSync(path.join(repoRoot, file)).mtimeMs);
  return { newest, files };
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

/** True when out/cli is missing or older than its sources. Costs ~3 ms (one stat per source file). */
export function cliBuildIsStale() {
  const stamp = readStamp();
  if (!stamp) return true;
  const now = sourceState();
  if (stamp.newest !== now.newest || stamp.files !== now.files) return true;
  return !Object.keys(ENTRIES).every((name) => fs.existsSync(path.join(CLI_OUT_DIR, `${name}.js`)));
}

/**
 * Bundle into a private folder, then move each file into out/cli (rename is atomic): CLI runs started
 * at the same moment (parallel tests) may both build, and never see a half-written file.
 */
export async function buildCli() {
  const state = sourceState();
  const { build } = await import('esbuild');
  const staging = path.join(repoRoot, 'out', `.cli-build-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: repoRoot,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(repoRoot, file)])),
      outdir: staging,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      // Readers are imported when their first file arrives: split into chunks so their libraries load then too.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'error',
    });
    fs.mkdirSync(CLI_OUT_DIR, { recursive: true });
    // Chunks carry a content hash in their names, so they never replace a file a running CLI still uses.
    const chunks = path.join(CLI_OUT_DIR, 'chunks');
    fs.mkdirSync(chunks, { recursive: true });
    const built = fs.readdirSync(path.join(staging, 'chunks'));
    for (const name of built) fs.renameSync(path.join(staging, 'chunks', name), path.join(chunks, name));
    // The workers before the entry: a run starting in between gets the new worker with an old entry at worst.
    for (const name of ['audit-worker', 'peer-worker', 'index']) fs.renameSync(path.join(staging, `${name}.js`), path.join(CLI_OUT_DIR, `${name}.js`));
    removeOldChunks(new Set(built));
    const tmpStamp = path.join(staging, 'build-stamp.json');
    fs.writeFileSync(tmpStamp, JSON.stringify(state));
    fs.renameSync(tmpStamp, STAMP);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Chunks of earlier builds, once no run can still be loading them (an hour old). */
function removeOldChunks(current) {
  const hourAgo = Date.now() - 3600_000;
  const chunks = path.join(CLI_OUT_DIR, 'chunks');
  for (const name of fs.readdirSync(chunks)) {
    if (current.has(name)) continue;
    const file = path.join(chunks, name);
    try {
      if (fs.statSync(file).mtimeMs < hourAgo) fs.rmSync(file);
    } catch {
      // another build removed it first
    }
  }
}

/** Build when stale; returns whether it built. */
export async function ensureCliBuilt({ quiet = false } = {}) {
  if (!cliBuildIsStale()) return false;
  if (!quiet) process.stderr.write('正在构建命令行程序 (building the CLI)…\n');
  await buildCli();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildCli();
  } catch (e) {
    console.error(`命令行程序构建失败 (CLI build failed)：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
