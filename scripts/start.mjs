#!/usr/bin/env node
/**
 * `npm start`: launch the desktop app when an Electron binary is installed; otherwise say so (Chinese and
 * English) and start browser mode (`npm run serve`) instead of crashing. Never triggers a download:
 * require('electron') would try to fetch a missing binary, so the binary is located by hand.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22) {
  console.error(
    `OGI 审核台需要 Node 22 或更高版本（当前 ${process.version}）。请使用 npm start（会自动使用项目自带的 Node 22）。\n` +
      `OGI Auditor needs Node 22 or newer (found ${process.version}). Run it with npm start, which uses the pinned Node 22.`,
  );
  process.exit(1);
}

/** Path of the Electron executable, or null with the reason it is unusable. */
function findElectron() {
  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) return { binary: null, reason: 'node_modules/electron 未安装 (not installed)' };
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return { binary: null, reason: 'node_modules/electron/path.txt 不存在，Electron 二进制未下载 (binary not downloaded)' };
  const binary = override ? path.join(override, relative || 'electron') : path.join(pkgDir, 'dist', relative);
  if (!fs.existsSync(binary)) return { binary: null, reason: `找不到 Electron 可执行文件 ${binary} (binary missing)` };
  return { binary, reason: null };
}

function run(command, args) {
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

/**
 * Electron 45 installs without its binary and fetches it on first start. Do that here, once, so a machine
 * with internet gets the desktop app; an offline machine fails fast and falls back to browser mode.
 */
function tryDownloadElectron() {
  const installer = path.join(repoRoot, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return false;
  console.log('正在下载 Electron 程序（仅首次启动需要）… (downloading the Electron binary, first start only)');
  const result = spawnSync(process.execPath, [installer], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 15 * 60 * 1000 });
  if (result.status !== 0) {
    const firstLine = (result.stderr || '').split('\n').find((l) => l.trim() !== '') ?? '未知原因';
    console.log(`下载失败 (download failed)：${firstLine.trim()}`);
  }
  return result.status === 0;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let { binary, reason } = findElectron();
if (!binary && !process.env.OGI_NO_ELECTRON_DOWNLOAD && tryDownloadElectron()) ({ binary, reason } = findElectron());
if (binary) {
  // electron-vite preview builds main, preload and renderer, then starts Electron on the result.
  const env = { ...process.env, ELECTRON_EXEC_PATH: binary };
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview', ...process.argv.slice(2)], {
    cwd: repoRoot,
    stdio: 'inherit',
    env,
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
} else {
  console.log(
    [
      '',
      '无法启动桌面版：本机没有可用的 Electron 程序。',
      `原因：${reason}`,
      '改为启动浏览器模式：稍后终端会打印一个网址，请用浏览器（Chrome / Edge / Chromium）打开它。',
      '',
      'Cannot start the desktop app: no Electron binary is available on this machine.',
      'Starting browser mode instead (npm run serve): open the URL printed below in Chrome, Edge or Chromium.',
      '',
    ].join('\n'),
  );
  run(npm, ['run', '--silent', 'serve', '--', ...process.argv.slice(2)]);
}
