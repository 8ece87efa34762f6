/**
 * `npm run lint:electron`: Electronegativity (Doyensec's Electron security scanner) over src/, failing on
 * any HIGH finding or any file it could not parse.
 *
 * Called through its runner module, not its CLI: the CLI needs commander 2 but resolves our commander 15
 * and crashes. Offline it tries two downloads (translations, Electron release list), each fails after a
 * short timeout and it goes on with its bundled data; the Electron version is given explicitly.
 */
'use strict';
const path = require('node:path');
const run = require('@doyensec/electronegativity/dist/runner.js');

const root = path.resolve(__dirname, '..');
const input = path.resolve(root, process.argv[2] ?? 'src');
const electronVersion = require(path.join(root, 'node_modules/electron/package.json')).version;

async function main() {
  const result = await run({ input, isRelative: true, parserPlugins: [], electronVersionOverride: electronVersion }, false);
  const fatal = result.errors.filter((e) => !e.tolerable);
  const high = result.issues.filter((i) => i.severity.name === 'HIGH');
  for (const i of result.issues) {
    console.log(`${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id}  ${i.file}:${i.location.line}${i.manualReview ? '  (人工复核)' : ''}`);
  }
  for (const e of fatal) console.error(`无法解析 ${e.file}：${e.message}`);
  console.log(
    `Electronegativity ${result.atomicChecks + result.globalChecks} 项检查，${result.issues.length} 条提示，HIGH ${high.length} 条，解析失败 ${fatal.length} 个文件（Electron ${electronVersion}）`,
  );
  if (high.length > 0 || fatal.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
