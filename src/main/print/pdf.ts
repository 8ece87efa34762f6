/**
 * HTML → PDF with headless Chromium (playwright-core, system Chromium). One browser per batch, a
 * small pool of reused pages (2 by default: the machine has 2 cores), documents queued onto them.
 * Page size, margins and "第 x 页 共 y 页" come from the document's own @page CSS.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { embedFonts } from './fonts.ts';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const fromEnv = process.env.OGI_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`OGI_CHROMIUM 指向的浏览器不存在：${fromEnv}`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('未找到 Chromium，无法生成 PDF：请安装 chromium（apt-get install chromium）或设置 OGI_CHROMIUM');
  return found;
}

export interface PdfPrinterOptions {
  /** Pages printing at the same time. */
  concurrency?: number;
  executablePath?: string;
  /** Embed the bundled font (default true). Off only for tests of the pipeline itself. */
  embedFont?: boolean;
}

export class PdfPrinter {
  private readonly browser: Browser;
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  private readonly embedFont: boolean;

  private constructor(browser: Browser, pages: Page[], embedFont: boolean) {
    this.browser = browser;
    this.idle.push(...pages);
    this.embedFont = embedFont;
  }

  static async launch(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
    const browser = await chromium.launch({
      executablePath: options.executablePath ?? findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--font-render-hinting=none'],
    });
    try {
      const context = await browser.newContext({ offline: true });
      const pages = await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => context.newPage()));
      return new PdfPrinter(browser, pages, options.embedFont ?? true);
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  private acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page) return Promise.resolve(page);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  /** Print one complete HTML document (from core/sheet) to PDF bytes. */
  async toPdf(html: string): Promise<Buffer> {
    const doc = this.embedFont ? embedFonts(html) : html;
    const page = await this.acquire();
    try {
      await page.setContent(doc, { waitUntil: 'load' });
      // Web fonts from data: URLs decode asynchronously; printing before they are ready drops glyphs.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
    } finally {
      this.release(page);
    }
  }

  async printToFile(html: string, file: string): Promise<void> {
    const pdf = await this.toPdf(html);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, pdf);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Print a batch with one browser; `onDone` is called after each file (for progress bars). */
export async function printBatch(
  jobs: { html: string; file: string }[],
  options: PdfPrinterOptions & { onDone?: (file: string) => void } = {},
): Promise<void> {
  if (jobs.length === 0) return;
  const printer = await PdfPrinter.launch(options);
  try {
    await Promise.all(
      jobs.map(async (job) => {
        await printer.printToFile(job.html, job.file);
        options.onDone?.(job.file);
      }),
    );
  } finally {
    await printer.close();
  }
}
