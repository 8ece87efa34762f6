/**
 * End-to-end harness: the real service on a temporary SQLite file, the real web adapter on a random port,
 * the built renderer, and Debian's Chromium driven by playwright-core. No fakes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createService } from '../../src/main/service.ts';
import type { AuditorService } from '../../src/main/service.ts';
import { startWebServer } from '../../src/main/web/server.ts';
import { ensureRendererBuilt } from '../../scripts/ensure-renderer.mjs';

export { ensureRendererBuilt };
import type { WebServer } from '../../src/main/web/server.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const casesDir = path.join(sharedDir, 'fixtures', 'cases');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
export const CHROMIUM = process.env['OGI_CHROMIUM'] ?? '/usr/bin/chromium';

/** Why the e2e suite cannot run here, or null. */
export function skipReason(): string | null {
  if (!fs.existsSync(casesDir)) return `没有找到 ${casesDir}（../shared 不在本机），跳过端到端测试`;
  if (!fs.existsSync(CHROMIUM)) return `没有找到 Chromium（${CHROMIUM}）；请 apt-get install -y chromium fonts-noto-cjk`;
  return null;
}


export interface App {
  service: AuditorService;
  server: WebServer;
  browser: Browser;
  page: Page;
  tmp: string;
  /** Console errors and failed requests seen in the page (asserted empty at the end). */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startApp(): Promise<App> {
  const rendererDir = ensureRendererBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-e2e-'));
  const service = createService({ dbPath: path.join(tmp, 'e2e.db'), poolSize: 2 });
  const server = await startWebServer({ service, port: 0, rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  return {
    service,
    server,
    browser,
    page,
    tmp,
    pageErrors,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await service.close().catch(() => undefined);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface CaseAnswer {
  department: string;
  year: number;
  expect_fail: string[];
  expect_pass: string[];
}

export function readAnswers(): Record<string, CaseAnswer> {
  return JSON.parse(fs.readFileSync(path.join(casesDir, 'answers.json'), 'utf8')) as Record<string, CaseAnswer>;
}

/** The score shown in the detail header, as a number (null for — / veto). */
export async function shownScore(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('score').textContent())?.trim() ?? '';
  const value = Number(text);
  return text && Number.isFinite(value) ? value : null;
}
