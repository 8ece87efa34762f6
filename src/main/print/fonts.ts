/**
 * Embeds the bundled Chinese font (assets/fonts/noto-sans-sc, OFL) into a printed document as
 * data: URLs so it renders the same on any machine, offline, in Chromium PDF and in the app preview.
 * The font is split in ~100 unicode-range slices per weight; only the slices whose ranges hold a
 * character of the document are embedded (a sheet needs well under 1 MB instead of 7 MB).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMBEDDED_FONT_FAMILY } from '../engine-documents.ts';

interface FaceEntry {
  file: string;
  weight: number;
  unicodeRange: string;
}

interface Face extends FaceEntry {
  ranges: [number, number][];
}

/**
 * Where the font is: OGI_FONT_DIR; next to the sources (tsx, tests, CLI); in a packaged app's
 * resources (electron-builder extraResources: assets/fonts → resources/assets/fonts); the working directory.
 */
export function findFontDir(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.OGI_FONT_DIR,
    fileURLToPath(new URL('../../../assets/fonts/noto-sans-sc/', import.meta.url)),
    fileURLToPath(new URL('../../assets/fonts/noto-sans-sc/', import.meta.url)),
    resources ? path.join(resources, 'assets/fonts/noto-sans-sc') : undefined,
    path.resolve('assets/fonts/noto-sans-sc'),
  ].filter((c): c is string => typeof c === 'string');
  const found = candidates.find((dir) => existsSync(path.join(dir, 'faces.json')));
  if (!found) throw new Error(`找不到内置中文字体（faces.json），已查找：${candidates.join('；')}`);
  return found;
}

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part): [number, number] => {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) throw new Error(`字体清单中的 unicode-range 无法解析：${part}`);
    const from = parseInt(m[1]!, 16);
    return [from, m[2] ? parseInt(m[2], 16) : from];
  });
}

export class EmbeddedFont {
  readonly dir: string;
  readonly faces: Face[];
  private readonly cache = new Map<string, string>();

  constructor(dir: string = findFontDir()) {
    this.dir = dir;
    const manifestPath = path.join(dir, 'faces.json');
    let manifest: { faces: FaceEntry[] };
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { faces: FaceEntry[] };
    } catch (e) {
      throw new Error(`无法读取内置字体清单 ${manifestPath}：${(e as Error).message}`);
    }
    this.faces = manifest.faces.map((f) => ({ ...f, ranges: parseRanges(f.unicodeRange) }));
  }

  private base64(file: string): string {
    let data = this.cache.get(file);
    if (data === undefined) {
      data = readFileSync(path.join(this.dir, file)).toString('base64');
      this.cache.set(file, data);
    }
    return data;
  }

  /** The faces (both weights) needed to draw `text`. */
  facesFor(text: string): Face[] {
    const codes = new Set<number>();
    for (const ch of text) codes.add(ch.codePointAt(0)!);
    return this.faces.filter((f) => {
      for (const c of codes) for (const [a, b] of f.ranges) if (c >= a && c <= b) return true;
      return false;
    });
  }

  /** @font-face rules with data: URLs for every slice (the browser decodes only the slices it uses). */
  fontFaceCssAll(): string {
    return this.cssFor(this.faces);
  }

  /** @font-face rules with data: URLs for the characters of `text`. */
  fontFaceCss(text: string): string {
    return this.cssFor(this.facesFor(text));
  }

  private cssFor(faces: Face[]): string {
    return faces
      .map(
        (f) =>
          `@font-face{font-family:'${EMBEDDED_FONT_FAMILY}';font-style:normal;font-weight:${f.weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${this.base64(f.file)}) format('woff2');unicode-range:${f.unicodeRange};}`,
      )
      .join('\n');
  }
}

let shared: EmbeddedFont | null = null;

function sharedFont(): EmbeddedFont {
  shared ??= new EmbeddedFont();
  return shared;
}

/** Characters a document can show: its text plus what the CSS prints itself (page numbers, markers). */
function visibleText(html: string): string {
  return `${html.replace(/<[^<>]*>/g, ' ')}第页共0123456789†—…（）`;
}

export function sharedEmbeddedFont(): EmbeddedFont {
  return sharedFont();
}

/** Insert a style sheet into a complete HTML document from core/sheet (before </head>). */
export function insertHeadStyle(html: string, css: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('文档缺少 </head>，无法嵌入字体');
  return `${html.slice(0, at)}<style>${css}</style>${html.slice(at)}`;
}

/** Adds the embedded font (data: URLs, self-contained) to a complete HTML document from core/sheet. */
export function embedFonts(html: string, font: EmbeddedFont = sharedFont()): string {
  return insertHeadStyle(html, font.fontFaceCss(visibleText(html)));
}
