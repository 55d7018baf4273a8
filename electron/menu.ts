import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import { openedFiles } from './opened-files';

export type MenuOptions = {
  appName: string;
  version: string;
  /** Packaged builds get no DevTools entry: the console would let anyone poke at the database. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  showAbout: () => void;
  /** «Я эксперт: открыть пакет эксперта…»: a file dialog whose file goes the double-click way (opened-files.ts). */
  openJurorPackage: () => void;
};

/** The Russian application menu. Pure data, so tests can check it without Electron. */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [{ role: 'reload', label: 'Перезагрузить' }];
  if (!opts.isPackaged) view.push({ role: 'toggleDevTools', label: 'Инструменты разработчика' });
  view.push(
    { type: 'separator' },
    {
      label: 'Масштаб',
      submenu: [
        { role: 'zoomIn', label: 'Увеличить' },
        { role: 'zoomOut', label: 'Уменьшить' },
        { role: 'resetZoom', label: 'Обычный размер' },
      ],
    },
    { role: 'togglefullscreen', label: 'Во весь экран' },
  );

  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Файл',
      submenu: [{ label: 'Я эксперт: открыть пакет эксперта…', click: () => opts.openJurorPackage() }, { type: 'separator' }, { role: 'quit', label: 'Выход' }],
    },
    {
      label: 'Правка',
      submenu: [
        { role: 'undo', label: 'Отменить' },
        { role: 'redo', label: 'Повторить' },
        { type: 'separator' },
        { role: 'cut', label: 'Вырезать' },
        { role: 'copy', label: 'Копировать' },
        { role: 'paste', label: 'Вставить' },
        { role: 'selectAll', label: 'Выделить всё' },
      ],
    },
    { label: 'Вид', submenu: view },
    { label: 'Справка', submenu: [{ label: 'О программе', click: () => opts.showAbout() }] },
  ];
  // macOS puts the first menu under the app's name; give it the usual app items there.
  if (opts.platform === 'darwin') {
    template.unshift({
      label: opts.appName,
      submenu: [
        { label: 'О программе', click: () => opts.showAbout() },
        { type: 'separator' },
        { role: 'hide', label: 'Скрыть' },
        { role: 'quit', label: 'Выход' },
      ],
    });
  }
  return template;
}

export function aboutBoxOptions(appName: string, version: string): MessageBoxOptions {
  return {
    type: 'info',
    title: 'О программе',
    message: `${appName}, версия ${version}`,
    detail: 'Регистрация участников конференции и конкурс проектов. Работает без интернета.',
    buttons: ['Закрыть'],
  };
}

/** Builds and installs the menu; `getWindow` is the window the About box attaches to. */
export function installMenu(getWindow: () => BrowserWindow | null): void {
  const appName = 'Сход';
  const version = app.getVersion();
  const showAbout = (): void => {
    const win = getWindow();
    const options = aboutBoxOptions(appName, version);
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  // the chosen file takes the path of a double-clicked one: the renderer asks, then opens juror mode
  const openJurorPackage = (): void => {
    const win = getWindow();
    const options: OpenDialogOptions = { title: 'Пакет эксперта', filters: [{ name: 'Пакет эксперта Сход', extensions: ['skhod-jury'] }], properties: ['openFile'] };
    void (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)).then((r) => {
      if (!r.canceled) openedFiles.add(r.filePaths);
    });
  };
  const template = buildMenuTemplate({ appName, version, isPackaged: app.isPackaged, platform: process.platform, showAbout, openJurorPackage });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
