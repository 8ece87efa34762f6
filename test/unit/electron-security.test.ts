/**
 * The Electron hardening checklist of ../shared/spec/ARCHITECTURE.md, verified without an Electron binary.
 * `electron` is replaced by a recording fake (a module loader hook), and the real shell modules run
 * against it: the window's web preferences, navigation / new-window / webview / permission refusals,
 * the IPC sender check and payload validation, and what the preload exposes. Then the static parts:
 * CSPs, no live HTML in the renderer (documents only in script-less sandboxed iframes), pdf.js without eval.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { API_METHODS } from '../../src/shared/api.ts';
import { DESKTOP_CHANNELS } from '../../src/shared/desktop.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/main/web/server.ts';
import { repoRoot } from './helpers/shared.ts';

// ---------- a recording fake of the electron module ----------

interface FakeContents {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
  on(event: string, fn: (...args: unknown[]) => void): FakeContents;
  print(options: unknown, cb: (ok: boolean, reason: string) => void): void;
}

interface FakeElectron {
  windows: { options: { webPreferences?: Record<string, unknown> }; webContents: FakeContents; loaded: string[] }[];
  ipcHandlers: Map<string, (event: unknown, input: unknown) => Promise<unknown>>;
  exposed: Map<string, Record<string, unknown>>;
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: (...args: unknown[]) => boolean;
}

const FAKE_ELECTRON = `
const state = globalThis.__fakeElectron;
function contents() {
  const c = {
    listeners: new Map(),
    setWindowOpenHandler(fn) { c.windowOpenHandler = fn; },
    on(event, fn) { const list = c.listeners.get(event) ?? []; list.push(fn); c.listeners.set(event, list); return c; },
    once(event, fn) { return c.on(event, fn); },
    print(options, cb) { cb(true, ''); },
    printToPDF() { return Promise.resolve(new Uint8Array()); },
    send() {},
  };
  return c;
}
export class BrowserWindow {
  constructor(options) {
    this.webContents = contents();
    this.record = { options, webContents: this.webContents, loaded: [] };
    state.windows.push(this.record);
  }
  loadURL(url) { this.record.loaded.push(url); return Promise.resolve(); }
  once() { return this; }
  on() { return this; }
  show() {}
  destroy() {}
}
export const app = { isPackaged: true, on() {}, getPath: () => '/tmp', getVersion: () => '0' };
export const session = { defaultSession: {
  setPermissionRequestHandler(fn) { state.permissionRequest = fn; },
  setPermissionCheckHandler(fn) { state.permissionCheck = fn; },
} };
export const ipcMain = { handle(channel, fn) { state.ipcHandlers.set(channel, fn); } };
export const contextBridge = { exposeInMainWorld(name, api) { state.exposed.set(name, api); } };
export const ipcRenderer = { invoke: async () => ({ ok: true, value: null }), on() {}, removeListener() {} };
export const webUtils = { getPathForFile: () => '' };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) };
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu() {} };
export default { BrowserWindow, app, session, ipcMain, contextBridge, ipcRenderer, webUtils, dialog, Menu };
`;

const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(FAKE_ELECTRON)}), shortCircuit: true };
  return next(specifier, context);
}
`;

const fake: FakeElectron = { windows: [], ipcHandlers: new Map(), exposed: new Map() };
(globalThis as { __fakeElectron?: FakeElectron }).__fakeElectron = fake;
register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);

const electronDir = path.join(repoRoot, 'src', 'main', 'electron');
const read = (rel: string): string => fs.readFileSync(path.join(repoRoot, rel), 'utf8');
const TRUSTED = 'file:///opt/ogi/resources/app/out/renderer/index.html';

function fire(contents: FakeContents, event: string, ...args: unknown[]): void {
  for (const fn of contents.listeners.get(event) ?? []) fn(...args);
}

function navigationPrevented(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  fire(contents, event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

/** The checklist for one WebContents hardened by security.ts. */
function assertHardened(contents: FakeContents, trusted: string): void {
  assert.ok(contents.windowOpenHandler, 'setWindowOpenHandler is set');
  assert.deepEqual(contents.windowOpenHandler({ url: 'https://example.com/' }), { action: 'deny' });
  assert.deepEqual(contents.windowOpenHandler({ url: trusted }), { action: 'deny' });
  assert.equal(navigationPrevented(contents, 'will-navigate', 'https://evil.example/'), true, 'navigation away is prevented');
  assert.equal(navigationPrevented(contents, 'will-navigate', 'file:///etc/passwd'), true, 'navigation to a dropped file is prevented');
  assert.equal(navigationPrevented(contents, 'will-navigate', trusted), false, 'reloading the app itself is allowed');
  assert.equal(navigationPrevented(contents, 'will-redirect', 'https://evil.example/'), true);
  assert.equal(navigationPrevented(contents, 'will-attach-webview', ''), true, '<webview> is refused');
}

// ---------- the main window ----------

test('main window: context isolation, sandbox, no Node, web security on, preload only; hardened contents', async () => {
  const { createMainWindow } = await import('../../src/main/electron/window.ts');
  fake.windows.length = 0;
  createMainWindow({ preload: '/opt/ogi/out/preload/index.cjs', rendererUrl: TRUSTED });
  assert.equal(fake.windows.length, 1);
  const win = fake.windows[0]!;
  const prefs = win.options.webPreferences ?? {};
  assert.equal(prefs['contextIsolation'], true);
  assert.equal(prefs['sandbox'], true);
  assert.equal(prefs['nodeIntegration'], false);
  assert.notEqual(prefs['nodeIntegrationInWorker'], true);
  assert.notEqual(prefs['nodeIntegrationInSubFrames'], true);
  assert.notEqual(prefs['webSecurity'], false, 'webSecurity is never disabled');
  assert.notEqual(prefs['allowRunningInsecureContent'], true);
  assert.notEqual(prefs['webviewTag'], true);
  assert.notEqual(prefs['experimentalFeatures'], true);
  assert.notEqual(prefs['enableBlinkFeatures'] !== undefined, true, 'no extra Blink features');
  assert.equal(prefs['preload'], path.resolve('/opt/ogi/out/preload/index.cjs'));
  assert.deepEqual(win.loaded, [TRUSTED], 'loads only the app page');
  assertHardened(win.webContents, TRUSTED);
});

test('print windows: JavaScript off, sandboxed, isolated, no Node, hardened', async () => {
  const { printHtml } = await import('../../src/main/electron/print.ts');
  fake.windows.length = 0;
  const result = await printHtml('<!DOCTYPE html><p>审核意见单</p><script>alert(1)</script>');
  assert.deepEqual(result, { printed: true });
  const win = fake.windows[0]!;
  const prefs = win.options.webPreferences ?? {};
  assert.equal(prefs['javascript'], false, 'documents are printed with scripts disabled');
  assert.equal(prefs['sandbox'], true);
  assert.equal(prefs['contextIsolation'], true);
  assert.equal(prefs['nodeIntegration'], false);
  assert.equal(prefs['preload'], undefined, 'no preload (no API) in print windows');
  assert.match(win.loaded[0]!, /^data:text\/html/);
  assertHardened(win.webContents, win.loaded[0]!);
});

test('every BrowserWindow created in the shell sets the secure preferences explicitly', () => {
  for (const file of fs.readdirSync(electronDir)) {
    const source = fs.readFileSync(path.join(electronDir, file), 'utf8');
    const windows = source.split('new BrowserWindow(').slice(1);
    for (const after of windows) {
      const options = after.slice(0, after.indexOf('});') + 2);
      assert.match(options, /sandbox:\s*true/, `${file}: sandbox`);
      assert.match(options, /contextIsolation:\s*true/, `${file}: contextIsolation`);
      assert.match(options, /nodeIntegration:\s*false/, `${file}: nodeIntegration`);
      assert.doesNotMatch(options, /webSecurity:\s*false|allowRunningInsecureContent:\s*true|webviewTag:\s*true|nodeIntegrationInSubFrames:\s*true/, file);
    }
  }
});

// ---------- app-wide refusals ----------

test('security: sender check accepts only the top frame of our page; every permission is refused', async () => {
  const { isTrustedSender, denyAllPermissions } = await import('../../src/main/electron/security.ts');
  type Frame = Parameters<typeof isTrustedSender>[0];
  const frame = (url: string, parent: unknown = null): Frame => ({ url, parent }) as unknown as Frame;
  assert.equal(isTrustedSender(frame(TRUSTED), TRUSTED), true);
  assert.equal(isTrustedSender(frame(`${TRUSTED}#/overview`), TRUSTED), true);
  assert.equal(isTrustedSender(frame(TRUSTED, {}), TRUSTED), false, 'an iframe (e.g. a document preview) cannot call the API');
  assert.equal(isTrustedSender(frame('file:///tmp/evil.html'), TRUSTED), false);
  assert.equal(isTrustedSender(frame('https://evil.example/'), TRUSTED), false);
  assert.equal(isTrustedSender(frame('about:blank'), TRUSTED), false);
  assert.equal(isTrustedSender(null, TRUSTED), false);
  assert.equal(isTrustedSender(frame('http://localhost:5173/'), 'http://localhost:5173/'), true, 'dev server origin');
  assert.equal(isTrustedSender(frame('http://localhost:5174/'), 'http://localhost:5173/'), false);

  denyAllPermissions();
  assert.ok(fake.permissionRequest && fake.permissionCheck);
  for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
    let granted: boolean | null = null;
    fake.permissionRequest(null, permission, (g) => (granted = g));
    assert.equal(granted, false, permission);
    assert.equal(fake.permissionCheck(null, permission), false, permission);
  }
  const app = read('src/main/electron/app.ts');
  assert.match(app, /web-contents-created[^\n]*hardenContents/, 'every WebContents (also ones created later) is hardened');
  assert.match(app, /denyAllPermissions\(\)/);
});

// ---------- IPC ----------

test('IPC: one channel per API method plus the shell channels; sender checked and payload validated before the service', async () => {
  const { registerIpc } = await import('../../src/main/electron/ipc.ts');
  const calls: { method: string; input: unknown }[] = [];
  const service = new Proxy({}, { get: (_t, method: string) => async (input: unknown) => (calls.push({ method, input }), 'done') });
  fake.ipcHandlers.clear();
  registerIpc(service as never, TRUSTED, () => null);
  const expected = [...API_METHODS.map((m) => `ogi:${m}`), DESKTOP_CHANNELS.choosePaths, DESKTOP_CHANNELS.printHtml, DESKTOP_CHANNELS.savePdf].sort();
  assert.deepEqual([...fake.ipcHandlers.keys()].sort(), expected);

  const trusted = { senderFrame: { url: TRUSTED, parent: null } };
  const iframe = { senderFrame: { url: TRUSTED, parent: {} } };
  const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
  const getReport = fake.ipcHandlers.get('ogi:getReport')!;

  for (const event of [iframe, foreign, {}]) {
    const r = (await getReport(event, { reportId: 1 })) as { ok: boolean; error?: { code: string } };
    assert.equal(r.ok, false);
    assert.equal(r.error?.code, 'forbidden');
  }
  for (const channel of [DESKTOP_CHANNELS.choosePaths, DESKTOP_CHANNELS.printHtml, DESKTOP_CHANNELS.savePdf]) {
    const r = (await fake.ipcHandlers.get(channel)!(foreign, { kind: 'folder', html: '', title: '' })) as { ok: boolean; error?: { code: string } };
    assert.equal(r.error?.code, 'forbidden', channel);
  }
  const invalid = (await getReport(trusted, { reportId: '1; DROP TABLE reports' })) as { ok: boolean; error?: { code: string; message: string } };
  assert.equal(invalid.ok, false);
  assert.equal(invalid.error?.code, 'invalid');
  assert.match(invalid.error?.message ?? '', /reportId/);
  const notObject = (await fake.ipcHandlers.get('ogi:importPaths')!(trusted, 'rm -rf /')) as { ok: boolean; error?: { code: string } };
  assert.equal(notObject.error?.code, 'invalid');
  // Import progress over IPC is the same delta call as over HTTP: counts the renderer holds, validated.
  const importUpdate = fake.ipcHandlers.get('ogi:importUpdate')!;
  const negative = (await importUpdate(trusted, { jobId: 'j', skippedFrom: -1, errorsFrom: 0 })) as { ok: boolean; error?: { code: string; message: string } };
  assert.equal(negative.error?.code, 'invalid');
  assert.match(negative.error?.message ?? '', /skippedFrom/);
  assert.deepEqual(calls, [], 'the service never saw a refused call');

  const ok = (await getReport(trusted, { reportId: 1 })) as { ok: boolean; value?: unknown };
  assert.deepEqual(ok, { ok: true, value: 'done' });
  assert.deepEqual(calls, [{ method: 'getReport', input: { reportId: 1 } }]);
  assert.deepEqual(await importUpdate(trusted, { jobId: 'j', skippedFrom: 3, errorsFrom: 1 }), { ok: true, value: 'done' });
  assert.deepEqual(calls.at(-1), { method: 'importUpdate', input: { jobId: 'j', skippedFrom: 3, errorsFrom: 1 } });
  const badKind = (await fake.ipcHandlers.get(DESKTOP_CHANNELS.choosePaths)!(trusted, { kind: '/etc' })) as { ok: boolean };
  assert.equal(badKind.ok, false);
});

// ---------- preload ----------

test('preload exposes exactly the API methods (window.ogi) and the small desktop shell (window.ogiDesktop)', async () => {
  fake.exposed.clear();
  await import('../../src/preload/index.ts');
  assert.deepEqual([...fake.exposed.keys()].sort(), ['ogi', 'ogiDesktop']);
  assert.deepEqual(Object.keys(fake.exposed.get('ogi')!).sort(), [...API_METHODS].sort());
  assert.deepEqual(Object.keys(fake.exposed.get('ogiDesktop')!).sort(), ['choosePaths', 'onMenu', 'pathForFile', 'printHtml', 'savePdf']);
  for (const value of [...fake.exposed.values()].flatMap((api) => Object.values(api))) {
    assert.equal(typeof value, 'function', 'only functions are exposed (no ipcRenderer, no objects)');
  }
  const source = read('src/preload/index.ts');
  assert.doesNotMatch(source, /exposeInMainWorld\([^)]*ipcRenderer\b/, 'ipcRenderer itself is never exposed');
});

// ---------- content security policy ----------

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function assertStrictCsp(csp: string, where: string): void {
  const d = directives(csp);
  assert.deepEqual(d.get('default-src'), ["'self'"], `${where}: default-src`);
  const script = d.get('script-src') ?? d.get('default-src')!;
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", 'data:', 'blob:', '*', 'http:', 'https:']) {
    assert.ok(!script.includes(bad), `${where}: script-src allows ${bad}`);
  }
  assert.deepEqual(d.get('object-src'), ["'none'"], `${where}: object-src`);
  assert.deepEqual(d.get('base-uri'), ["'none'"], `${where}: base-uri`);
  assert.deepEqual(d.get('form-action'), ["'none'"], `${where}: form-action`);
  for (const [name, values] of d) assert.ok(!values.includes('*') && !values.some((v) => /^https?:/.test(v)), `${where}: ${name} reaches the network`);
}

test('strict CSP in the renderer page and on every web-adapter response', () => {
  const html = read('src/renderer/index.html');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  assert.ok(meta, 'index.html carries a CSP meta tag');
  assertStrictCsp(meta[1]!, 'index.html');
  assertStrictCsp(CONTENT_SECURITY_POLICY, 'web adapter');
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'self'/);
});

// ---------- documents are never live HTML ----------

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(tsx?|html)$/.test(f)).map((f) => path.join(dir, f));
}

test('the renderer never injects HTML; rendered documents go only into script-less sandboxed iframes', () => {
  const renderer = path.join(repoRoot, 'src', 'renderer');
  let iframes = 0;
  for (const file of sourceFiles(renderer)) {
    const source = fs.readFileSync(file, 'utf8');
    const rel = path.relative(repoRoot, file);
    assert.doesNotMatch(source, /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|createContextualFragment|new Function\(|\beval\(/, rel);
    for (const m of source.matchAll(/<iframe\b[^>]*>/g)) {
      iframes++;
      const sandbox = /sandbox=(?:"([^"]*)"|\{?'([^']*)'\}?)/.exec(m[0]);
      assert.ok(sandbox, `${rel}: iframe without sandbox: ${m[0]}`);
      assert.doesNotMatch(sandbox[1] ?? sandbox[2] ?? '', /allow-scripts|allow-top-navigation|allow-popups/, rel);
    }
    for (const m of source.matchAll(/createElement\('iframe'\)/g)) {
      iframes++;
      const after = source.slice(m.index, m.index + 400);
      const sandbox = /setAttribute\('sandbox',\s*'([^']*)'\)/.exec(after);
      assert.ok(sandbox, `${rel}: created iframe without sandbox`);
      assert.doesNotMatch(sandbox[1]!, /allow-scripts|allow-top-navigation|allow-popups/, rel);
    }
  }
  assert.ok(iframes >= 1, 'the document preview iframe was found');
  // Word documents become blocks of text in core (mammoth's HTML is parsed, never shown).
  const docx = read('src/core/ingest/docx.ts');
  assert.match(docx, /htmlToBlocks\(parseHtml\(result\.value\)\)/);
  assert.match(docx, /externalFileAccess:\s*false/, 'mammoth never reads files a document links to');
});

test('pdf.js is always opened with eval disabled and never installs a font into a document', () => {
  const src = path.join(repoRoot, 'src');
  const callers = sourceFiles(src).filter((f) => /getDocument\(/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(callers.map((f) => path.relative(repoRoot, f)), [path.join('src', 'core', 'ingest', 'pdf-load.ts')]);
  const load = read('src/core/ingest/pdf-load.ts');
  assert.match(load, /isEvalSupported:\s*false/);
  // Either no @font-face at all, or the stand-in document that drops every rule pdf.js hands it.
  assert.match(load, /disableFontFace:\s*true|ownerDocument:\s*fontSinkDocument\(\)/);
  if (!/disableFontFace:\s*true/.test(load)) assert.match(load, /insertRule:\s*\(\):\s*number\s*=>\s*0/);
});
