/**
 * The desktop app through Playwright's Electron driver: the built app (electron-vite build) on a temporary
 * database, checked for its security defaults and driven through import → overview → detail → decision.
 * Skipped with a printed reason where no Electron binary is installed (our machines) or ../shared is absent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { _electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { casesDir, readAnswers, repoRoot, screenshot, shownScore } from '../e2e/harness.ts';

/** Same lookup as scripts/start.mjs; require('electron') would try to download a missing binary. */
function electronBinary(): { binary: string | null; reason: string | null } {
  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  if (!relative && !override) return { binary: null, reason: 'Electron 二进制未安装（node_modules/electron/path.txt 不存在）' };
  const binary = override ? path.join(override, relative || 'electron') : path.join(pkgDir, 'dist', relative);
  return fs.existsSync(binary) ? { binary, reason: null } : { binary: null, reason: `找不到 Electron 可执行文件 ${binary}` };
}

const { binary, reason: noElectron } = electronBinary();
const skip = noElectron ?? (fs.existsSync(casesDir) ? null : `没有找到 ${casesDir}（../shared 不在本机）`);
if (skip) console.log(`跳过 Electron 测试：${skip}`);

describe('桌面版（Electron）', { skip: skip ?? false, timeout: 600_000 }, () => {
  let electronApp: ElectronApplication;
  let page: Page;
  let tmp: string;

  before(async () => {
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(built.status, 0, `electron-vite build 失败：${built.stderr}`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-electron-'));
    electronApp = await _electron.launch({
      executablePath: binary!,
      args: [repoRoot, ...(process.platform === 'linux' ? ['--no-sandbox', '--disable-gpu'] : [])],
      env: { ...process.env, OGI_DB: path.join(tmp, 'app.db') } as Record<string, string>,
    });
    page = await electronApp.firstWindow();
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  after(async () => {
    await electronApp?.close().catch(() => undefined);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('安全默认值：只暴露 window.ogi / window.ogiDesktop，没有 Node', async () => {
    const exposed = await page.evaluate(() => ({
      ogi: typeof (window as unknown as { ogi?: object }).ogi,
      desktop: typeof (window as unknown as { ogiDesktop?: object }).ogiDesktop,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    assert.deepEqual(exposed, { ogi: 'object', desktop: 'object', require: 'undefined', process: 'undefined' });
    const prefs = await electronApp.evaluate(({ BrowserWindow }) => {
      // Not in every Electron's typings; the renderer-side checks above hold either way.
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      const prefs = contents.getLastWebPreferences?.();
      return prefs ? { contextIsolation: prefs['contextIsolation'], sandbox: prefs['sandbox'], nodeIntegration: prefs['nodeIntegration'] } : null;
    });
    if (prefs) assert.deepEqual(prefs, { contextIsolation: true, sandbox: true, nodeIntegration: false });
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    assert.ok(opened, '新窗口应被拒绝');
  });

  test('导入 → 总览 → 单位详情 → 驳回', async () => {
    const answers = readAnswers();
    const department = Object.values(answers)[0]!.department;
    await page.getByRole('button', { name: '导入' }).first().click();
    await page.getByLabel('或输入文件夹路径').fill(casesDir);
    await page.getByRole('button', { name: '导入该文件夹' }).click();
    await page.locator('section.job').first().getByText('已完成').waitFor({ timeout: 300_000 });
    await screenshot(page, 'electron-1-import');
    await page.getByRole('button', { name: '查看总览 →' }).click();
    await page.locator('tr.clickable', { hasText: department }).click();
    await page.locator('h1.dept-name', { hasText: department }).waitFor();
    await screenshot(page, 'electron-2-detail');
    const failing = page.locator('li.finding.status-fail').first();
    if ((await failing.count()) > 0) {
      await failing.getByRole('button', { name: '驳回' }).click();
      const dialog = page.getByRole('dialog', { name: '驳回该问题' });
      await dialog.getByLabel('理由（必填）').fill('桌面版测试');
      await dialog.getByLabel('审核人').fill('测试员');
      await dialog.getByRole('button', { name: '驳回' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.decision-dismiss', { hasText: '测试员' }).waitFor();
    }
    assert.notEqual(await shownScore(page), undefined);
  });
});
