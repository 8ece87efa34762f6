/**
 * DesktopShell: the few things only the Electron shell can do (native dialogs, dropped-file paths, printing).
 * The preload exposes it as `window.ogiDesktop` next to `window.ogi` (AuditorApi); in browser mode it is absent
 * and the UI falls back to text fields, uploads and the browser's own print dialog.
 */
export interface DesktopShell {
  /** Native open dialog; `kind` folder picks directories, files picks report files. Empty when cancelled. */
  choosePaths(input: { kind: 'folder' | 'files' }): Promise<string[]>;
  /** The absolute path of a dropped File (Electron's webUtils.getPathForFile); '' when unknown. */
  pathForFile(file: File): string;
  /** Print an HTML document (from renderDocument) through the system print dialog. */
  printHtml(input: { html: string; title: string }): Promise<{ printed: boolean }>;
  /** Save an HTML document as PDF via a save dialog; returns the chosen path, or null when cancelled. */
  savePdf(input: { html: string; title: string }): Promise<{ path: string | null }>;
  /** Subscribe to application-menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

/** IPC channel names of the shell (the API itself uses `ogi:<method>`). */
export const DESKTOP_CHANNELS = {
  choosePaths: 'ogi-shell:choosePaths',
  printHtml: 'ogi-shell:printHtml',
  savePdf: 'ogi-shell:savePdf',
  menu: 'ogi-shell:menu',
} as const;

/** Menu commands the main process sends to the renderer (on DESKTOP_CHANNELS.menu). */
export type MenuCommand = 'import-folder' | 'import-files' | 'view-import' | 'view-overview' | 'view-rubric' | 'print';
