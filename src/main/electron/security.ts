/**
 * Security defaults shared by every window: navigation and new windows denied, permissions refused,
 * <webview> refused, and a check that IPC comes from our own renderer page.
 */
import { app, session } from 'electron';
import type { WebContents, WebFrameMain } from 'electron';

/** URL the renderer is loaded from: the electron-vite dev server in development, else the built file. */
export function rendererUrl(rendererFile: string): string {
  const dev = process.env['ELECTRON_RENDERER_URL'];
  if (dev && !app.isPackaged) return dev;
  return new URL(`file://${rendererFile.replaceAll('\\', '/').replace(/^([A-Za-z]:)/, '/$1')}`).href;
}

/** True when an IPC message comes from the top frame of our renderer page (not an iframe, not another page). */
export function isTrustedSender(frame: WebFrameMain | null | undefined, trustedUrl: string): boolean {
  if (!frame || frame.parent) return false;
  let sender: URL;
  let trusted: URL;
  try {
    sender = new URL(frame.url);
    trusted = new URL(trustedUrl);
  } catch {
    return false;
  }
  if (trusted.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === trusted.pathname;
  return sender.origin === trusted.origin;
}

/** Lock down one WebContents: no navigation away, no new windows, no <webview>. */
export function hardenContents(contents: WebContents, trustedUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    // A reload of our own page is fine; dropped files and links would otherwise replace the app.
    if (url !== trustedUrl && !url.startsWith(`${trustedUrl}#`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Refuse every permission request (camera, notifications, geolocation…): the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
