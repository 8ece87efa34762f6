// Loaded first by every entry point (`node --import ./scripts/require-node22.mjs …`):
// refuse old Node with a clear message before any native module (better-sqlite3) is loaded.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`OGI Auditor 需要 Node.js 22.12 或更高版本（当前 ${process.version}）。请通过 npm 脚本运行，它们使用项目自带的 Node 22（devDependency "node"）。`);
  console.error(`OGI Auditor requires Node.js >= 22.12 (found ${process.version}). Use the npm scripts: they run the project's pinned Node 22.`);
  process.exit(1);
}
