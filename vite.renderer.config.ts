/**
 * Vite config of the renderer alone (React UI). Used by electron.vite.config.ts and by
 * `npm run build:renderer` (browser mode serves out/renderer without building Electron parts).
 */
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

/** The dev server injects inline scripts (React refresh); allow them in development only. */
function relaxCspInDev(): Plugin {
  return {
    name: 'ogi-relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:"),
  };
}

export const rendererConfig = {
  root: path.join(repoRoot, 'src/renderer'),
  base: './',
  plugins: [react(), relaxCspInDev()],
  build: {
    outDir: path.join(repoRoot, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    rollupOptions: { input: path.join(repoRoot, 'src/renderer/index.html') },
  },
} satisfies UserConfig;

export default rendererConfig;
