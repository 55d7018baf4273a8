/**
 * The application menu and its About box, worded in the interface language (electron/language.ts): built
 * with Russian words at start, rebuilt whenever the window tells main its language.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import { said, type Said } from '../shared/text/said';
import { onLanguageChange, say } from './language';
import { openedFiles } from './opened-files';

export type MenuOptions = {
  version: string;
  /** Packaged builds get no DevTools entry: the console would let anyone poke at the database. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  showAbout: () => void;
  /** «Я эксперт: открыть пакет эксперта…»: a file dialog whose file goes the double-click way (opened-files.ts). */
  openJurorPackage: () => void;
  /** How a `Said` reads (the current language's wording; tests pass one language's). */
  word: (s: Said) => string;
};

/** The application menu. Pure data, so tests can check it without Electron. */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const w = (key: string) => opts.word(said(`appMenu:menu.${key}`));
  const view: MenuItemConstructorOptions[] = [{ role: 'reload', label: w('reload') }];
  if (!opts.isPackaged) view.push({ role: 'toggleDevTools', label: w('devTools') });
  view.push(
    { type: 'separator' },
    {
      label: w('zoom'),
      submenu: [
        { role: 'zoomIn', label: w('zoomIn') },
        { role: 'zoomOut', label: w('zoomOut') },
        { role: 'resetZoom', label: w('resetZoom') },
      ],
    },
    { role: 'togglefullscreen', label: w('fullScreen') },
  );

  const template: MenuItemConstructorOptions[] = [
    {
      label: w('file'),
      submenu: [{ label: w('openJurorPackage'), click: () => opts.openJurorPackage() }, { type: 'separator' }, { role: 'quit', label: w('quit') }],
    },
    {
      label: w('edit'),
      submenu: [
        { role: 'undo', label: w('undo') },
        { role: 'redo', label: w('redo') },
        { type: 'separator' },
        { role: 'cut', label: w('cut') },
        { role: 'copy', label: w('copy') },
        { role: 'paste', label: w('paste') },
        { role: 'selectAll', label: w('selectAll') },
      ],
    },
    { label: w('view'), submenu: view },
    { label: w('help'), submenu: [{ label: w('about'), click: () => opts.showAbout() }] },
  ];
  // macOS puts the first menu under the app's name; give it the usual app items there.
  if (opts.platform === 'darwin') {
    template.unshift({
      label: opts.word(said('appMenu:appName')),
      submenu: [
        { label: w('about'), click: () => opts.showAbout() },
        { type: 'separator' },
        { role: 'hide', label: w('hide') },
        { role: 'quit', label: w('quit') },
      ],
    });
  }
  return template;
}

export function aboutBoxOptions(version: string, word: (s: Said) => string): MessageBoxOptions {
  return {
    type: 'info',
    title: word(said('appMenu:about.title')),
    message: word(said('appMenu:about.message', { app: said('appMenu:appName'), version })),
    detail: word(said('appMenu:about.detail')),
    buttons: [word(said('appMenu:about.close'))],
  };
}

/**
 * Builds and installs the menu, and again in the new language whenever the window switches it;
 * `getWindow` is the window the About box and the juror-package dialog attach to.
 */
export function installMenu(getWindow: () => BrowserWindow | null): void {
  const version = app.getVersion();
  const showAbout = (): void => {
    const win = getWindow();
    const options = aboutBoxOptions(version, say);
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  // the chosen file takes the path of a double-clicked one: the renderer asks, then opens juror mode
  const openJurorPackage = (): void => {
    const win = getWindow();
    const options: OpenDialogOptions = {
      title: say(said('appMenu:jurorPackage.title')),
      filters: [{ name: say(said('appMenu:jurorPackage.filter')), extensions: ['skhod-jury'] }],
      properties: ['openFile'],
    };
    void (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)).then((r) => {
      if (!r.canceled) openedFiles.add(r.filePaths);
    });
  };
  const install = (): void => {
    const template = buildMenuTemplate({ version, isPackaged: app.isPackaged, platform: process.platform, showAbout, openJurorPackage, word: say });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  install();
  onLanguageChange(install);
}
