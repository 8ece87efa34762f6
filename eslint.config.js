/**
 * Lint = the layering table of ../shared/spec/ARCHITECTURE.md, enforced with one rule (no-restricted-imports)
 * per folder. Deliberately small and fast: no type-aware rules (tsc --noEmit does the type checking).
 *
 *   src/shared    imports nothing of ours; no node:*, electron, react, zustand
 *   src/core      shared only; no electron, zustand, react-dom/client; react only in core/sheet (static HTML)
 *   src/main      shared, and core only through src/main/engine.ts and engine-documents.ts; electron only under src/main/electron; no react, no renderer/preload
 *   src/preload   shared + electron only; no node:*, core, main, renderer
 *   src/renderer  shared only; no node:*, electron, core, main, preload
 */
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const nodeBuiltins = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];
const noNode = [
  { regex: '^node:', message: '此层运行在浏览器/沙箱中，不能使用 Node 内置模块。' },
  { group: nodeBuiltins.flatMap((name) => [name, `${name}/*`]), message: '此层运行在浏览器/沙箱中，不能使用 Node 内置模块。' },
];
const ours = (layers, message) => ({ regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message });
const pkg = (names, message) => ({ group: names.flatMap((name) => [name, `${name}/*`]), message });

const ENGINE_DOOR = 'src/main 只能通过 src/main/engine.ts（打印文档与导出：engine-documents.ts）使用 src/core，引擎接口改动只需改这两处。';

function layer(files, patterns, ignores = []) {
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default [
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', '.cache/**', 'tmp/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } } },
  },
  // Catastrophic backtracking: a regex that is polynomial on some input freezes whoever runs it on a hostile report.
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  layer(['src/shared/**'], [
    ours(['core', 'main', 'preload', 'renderer'], 'src/shared 不能导入项目中的其他层。'),
    ...noNode,
    pkg(['electron', 'react', 'react-dom', 'zustand'], 'src/shared 只放纯数据类型和常量。'),
  ]),
  layer(['src/core/**'], [
    ours(['main', 'preload', 'renderer'], 'src/core 只能导入 src/shared。'),
    pkg(['electron', 'zustand', 'react-dom/client'], 'src/core 不能依赖 Electron 或界面。'),
  ], ['src/core/sheet/**']),
  layer(['src/core/sheet/**'], [
    ours(['main', 'preload', 'renderer'], 'src/core 只能导入 src/shared。'),
    pkg(['electron', 'zustand', 'react-dom/client'], 'src/core/sheet 只用 React 生成静态 HTML（react-dom/server），不能用 DOM。'),
  ]),
  layer(['src/main/**'], [
    ours(['preload', 'renderer'], 'src/main 不能导入界面代码。'),
    ours(['core'], ENGINE_DOOR),
    pkg(['electron'], 'electron 只能在 src/main/electron/ 中导入。'),
    pkg(['react', 'react-dom', 'zustand'], 'src/main 不能依赖界面库；打印文档由 core/sheet 生成。'),
  ], ['src/main/electron/**', 'src/main/engine.ts', 'src/main/engine-documents.ts']),
  layer(['src/main/engine.ts', 'src/main/engine-documents.ts'], [
    ours(['preload', 'renderer'], 'src/main 不能导入界面代码。'),
    pkg(['electron', 'react', 'react-dom', 'zustand'], 'engine.ts 只连接 src/core。'),
  ]),
  layer(['src/main/electron/**'], [
    ours(['preload', 'renderer'], 'src/main 不能导入界面代码。'),
    ours(['core'], ENGINE_DOOR),
    pkg(['react', 'react-dom', 'zustand'], 'src/main 不能依赖界面库。'),
  ]),
  layer(['src/preload/**'], [
    ours(['core', 'main', 'renderer'], 'preload 只能导入 src/shared。'),
    ...noNode,
    pkg(['react', 'react-dom', 'zustand'], 'preload 只暴露 API，不含界面。'),
  ]),
  layer(['src/renderer/**'], [
    ours(['core', 'main', 'preload'], '界面只能通过 src/shared 的 AuditorApi 访问后端。'),
    ...noNode,
    pkg(['electron'], '界面不能直接使用 electron，请通过 window.ogi / window.ogiDesktop。'),
  ]),
];
