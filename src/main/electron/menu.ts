/** The application menu (Chinese). Commands that concern the UI are forwarded to the renderer. */
import { app, Menu, dialog } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { DESKTOP_CHANNELS } from '../../shared/desktop.ts';
import type { MenuCommand } from '../../shared/desktop.ts';

export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(DESKTOP_CHANNELS.menu, command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '导入文件夹…', accelerator: 'CmdOrCtrl+O', click: send('import-folder') },
        { label: '导入文件…', accelerator: 'CmdOrCtrl+Shift+O', click: send('import-files') },
        { type: 'separator' },
        { label: '打印审核意见单…', accelerator: 'CmdOrCtrl+P', click: send('print') },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '导入', accelerator: 'CmdOrCtrl+1', click: send('view-import') },
        { label: '总览', accelerator: 'CmdOrCtrl+2', click: send('view-overview') },
        { label: '评分规则', accelerator: 'CmdOrCtrl+3', click: send('view-rubric') },
        { type: 'separator' },
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于 OGI 审核台',
          click: () => {
            const win = getWindow();
            const options = {
              type: 'info' as const,
              title: '关于',
              message: 'OGI 审核台 · 政府信息公开工作年度报告审核',
              detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron} · Node ${process.versions.node}`,
            };
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
