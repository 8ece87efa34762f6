/**
 * Electron main entry. Refuses an embedded Node older than 22 before any native module (better-sqlite3)
 * is loaded, then starts the app. Imports are hoisted in ES modules, so the app is loaded dynamically.
 */
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
if (!Number.isFinite(NODE_MAJOR) || NODE_MAJOR < 22) {
  const message =
    `OGI 审核台需要 Node 22 或更高版本（当前 ${process.versions.node}）。请升级 Electron 或 Node 后重试。\n` +
    `OGI Auditor needs Node 22 or newer (found ${process.versions.node}).`;
  console.error(message);
  process.exit(1);
}

await import('./app.ts');

export {};
