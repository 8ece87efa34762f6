/**
 * The 数据库 dialog in the real UI (Chromium, web adapter, real service): it shows the database in use, takes a
 * PostgreSQL server's details, and a connection test to a server that is not there says so in Chinese. The
 * harness fixes the database (like --db), so saving is refused and the dialog says why.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { screenshot, skipReason, startApp } from './harness.ts';
import type { App } from './harness.ts';

const reason = skipReason();
if (reason) console.log(`跳过：${reason}`);

describe('数据库设置（浏览器模式）', { skip: reason ?? false, timeout: 300_000 }, () => {
  let app: App;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('测试连接：服务器不可达时给出中文原因；由启动参数指定时不能保存', async () => {
    const { page, server } = app;
    await page.goto(`${server.openUrl}#/overview`);
    await page.getByRole('button', { name: '数据库' }).click();
    const dialog = page.getByRole('dialog', { name: '数据库' });
    await dialog.getByText('正在使用：本机数据库文件').waitFor();
    await dialog.getByText('数据库由启动参数').waitFor();
    await dialog.getByLabel('单位共享的 PostgreSQL 数据库（多人同时审核）').check();
    await dialog.getByLabel('服务器（名称或 IP 地址）').fill('127.0.0.1');
    await dialog.getByLabel('端口').fill('1');
    await dialog.getByLabel(/^密码/).fill('s3cret-not-shown');
    assert.equal(await dialog.getByRole('button', { name: '保存' }).isDisabled(), true);
    await dialog.getByRole('button', { name: '测试连接' }).click();
    const status = dialog.getByRole('status');
    await status.filter({ hasText: '无法连接数据库服务器 127.0.0.1:1' }).waitFor({ timeout: 60_000 });
    assert.ok(!((await status.textContent()) ?? '').includes('s3cret-not-shown'), 'the password is never shown');
    await screenshot(page, 'database-setting');
    assert.deepEqual(app.pageErrors.filter((e) => !e.includes('Failed to load resource')), []);
  });
});
