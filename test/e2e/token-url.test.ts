/**
 * Browser mode's per-run token leaves the address bar once the page has read it (not kept in location or
 * history), and a reload still works: the page comes back and its API calls are answered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipReason, startApp } from './harness.ts';
import type { App } from './harness.ts';

const reason = skipReason();
if (reason) console.log(`跳过：${reason}`);

describe('访问令牌不留在地址栏（浏览器模式）', { skip: reason ?? false, timeout: 300_000 }, () => {
  let app: App;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('打开带 token 的网址后地址栏不再含 token，刷新后界面与接口照常', async () => {
    const { page, server } = app;
    await page.goto(`${server.openUrl}#/overview`);
    await page.getByRole('button', { name: '数据库' }).waitFor();
    await page.waitForFunction(() => !location.href.includes('token'));
    assert.equal(page.url(), `${server.url}/#/overview`);
    // History holds the page under its clean address: back is the blank tab, forward the app without token.
    await page.goBack();
    assert.equal(page.url(), 'about:blank');
    await page.goForward();
    assert.equal(page.url(), `${server.url}/#/overview`);
    await page.getByRole('button', { name: '数据库' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('ogi.token')), server.token);

    await page.reload();
    await page.getByRole('button', { name: '数据库' }).click();
    // The dialog's content comes from an API call (getDatabase): the reloaded page is let in and answered.
    await page.getByRole('dialog', { name: '数据库' }).getByText('正在使用：本机数据库文件').waitFor();
    assert.ok(!page.url().includes('token'), page.url());
    assert.deepEqual(app.pageErrors.filter((e) => !e.includes('Failed to load resource')), []);
  });
});
