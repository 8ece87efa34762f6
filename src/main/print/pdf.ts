/**
 * HTML → PDF with headless Chromium (playwright-core, system Chromium). One browser per batch, a
 * small pool of reused pages (2 by default: the machine has 2 cores), documents queued onto them.
 * Page size, margins and "第 x 页 共 y 页" come from the document's own @page CSS.
 *
 * Speed: each page loads the bundled font once (all slices as data: URLs); a document is then
 * swapped in by replacing its style sheet and body, so fonts stay decoded between documents
 * (≈3× faster than loading every document with its own embedded font).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { embedFonts, sharedEmbeddedFont } from './fonts.ts';

interface DocumentParts {
  title: string;
  css: string;
  bodyClass: string;
  body: string;
}

function shellDocument(fontCss: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${fontCss}</style><style id="ogi-doc"></style></head><body></body></html>`;
}

/** Title, style sheets and body of a document rendered by core/sheet; null for anything else. */
export function splitDocument(html: string): DocumentParts | null {
  const head = /<head>([\s\S]*?)<\/head>/.exec(html);
  const body = /<body(?: class="([^"]*)")?>([\s\S]*)<\/body>/.exec(html);
  if (!head || !body) return null;
  const css = [...head[1]!.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const title = /<title>([\s\S]*?)<\/title>/.exec(head[1]!)?.[1] ?? '';
  return { title, css, bodyClass: body[1] ?? '', body: body[2]! };
}

/** Runs in the page: put one document into the shell and wait for the glyphs it needs. */
function swapDocument(parts: DocumentParts): Promise<void> {
  const holder = document.createElement('textarea');
  holder.innerHTML = parts.title;
  document.title = holder.value;
  document.getElementById('ogi-doc')!.textContent = parts.css;
  document.body.className = parts.bodyClass;
  document.body.innerHTML = parts.body;
  return document.fonts.ready.then(() => undefined);
}

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
      const embedFont = options.embedFont ?? true;
      const context = await browser.newContext({ offline: true });
      const shell = shellDocument(embedFont ? sharedEmbeddedFont().fontFaceCssAll() : '');
      const pages = await Promise.all(
        Array.from({ length: Math.max(1, options.concurrency ?? 2) }, async () => {
          const page = await context.newPage();
          await page.setContent(shell, { waitUntil: 'load' });
          return page;
        }),
      );
      return new PdfPrinter(browser, pages, embedFont);
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
    const parts = splitDocument(html);
    const page = await this.acquire();
    try {
      if (parts) {
        await page.evaluate(swapDocument, parts);
      } else {
        // Not one of our documents: load it whole (with its own font) and restore the shell afterwards.
        await page.setContent(this.embedFont ? embedFonts(html) : html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
      }
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
    } finally {
      if (!parts) await page.setContent(shellDocument(this.embedFont ? sharedEmbeddedFont().fontFaceCssAll() : ''), { waitUntil: 'load' }).catch(() => undefined);
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
