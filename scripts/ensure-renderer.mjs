/**
 * Build out/renderer when it is missing or older than the renderer/shared sources.
 * Used by `npm run serve`, `npm start` (browser mode) and the end-to-end tests, so a fresh clone
 * or an edited UI never serves a stale or missing build. Run directly: `node scripts/ensure-renderer.mjs`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** @returns {string} the folder of the built renderer */
export function ensureRendererBuilt({ quiet = false } = {}) {
  const outDir = path.join(repoRoot, 'out', 'renderer');
  const index = path.join(outDir, 'index.html');
  const sources = Math.max(newestMtime(path.join(repoRoot, 'src', 'renderer')), newestMtime(path.join(repoRoot, 'src', 'shared')));
  if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
    if (!quiet) console.log('正在构建界面 (building the UI)…');
    const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`界面构建失败 (UI build failed)：\n${built.stdout}\n${built.stderr}`);
  }
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureRendererBuilt();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
