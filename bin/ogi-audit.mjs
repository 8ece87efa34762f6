#!/usr/bin/env node
// Entry point of the `ogi-audit` CLI. Refuses old Node before loading any native module.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`ogi-audit 需要 Node.js 22.12 或更高版本（当前 ${process.version}）。请在项目目录中通过 npm 脚本运行（npm run ogi -- …），它会使用项目自带的 Node 22。`);
  console.error(`ogi-audit requires Node.js >= 22.12 (found ${process.version}). Run it through npm scripts (npm run ogi -- ...), which use the project's pinned Node 22.`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/main/cli/index.ts');
