/**
 * electron-vite build: main (Electron entry + the import worker), preload (sandboxed → one CommonJS file),
 * renderer (React). Output: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
 */
import { defineConfig } from 'electron-vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './vite.renderer.config.ts';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const at = (file: string) => path.join(repoRoot, file);

// The importer runs parsing in worker threads; its entry must be a separate bundle next to index.js.
const mainInputs: Record<string, string> = { index: at('src/main/electron/main.ts') };
// The import's parsing workers and its peer-comparison worker: each entry a separate bundle next to index.js.
for (const name of ['audit-worker', 'peer-worker']) {
  const workerEntry = at(`src/main/${name}.ts`);
  if (fs.existsSync(workerEntry)) mainInputs[name] = workerEntry;
}

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // Chunks sit next to index.js (not in chunks/): the worker pool finds ./audit-worker.js relative to its own chunk.
      rollupOptions: { input: mainInputs, output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // Sandboxed preloads cannot load ES modules or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: { input: { index: at('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: rendererConfig,
});
