import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions, type MessageBoxOptions } from 'electron';

export type MenuOptions = {
  appName: string;
  version: string;
  /** Packaged builds get no DevTools entry: the console would let anyone poke at the database. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  showAbout: () => void;
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
    { label: 'Файл', submenu: [{ role: 'quit', label: 'Выход' }] },
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
  const template = buildMenuTemplate({ appName, version, isPackaged: app.isPackaged, platform: process.platform, showAbout });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
