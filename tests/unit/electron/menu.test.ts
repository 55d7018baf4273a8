import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMainLanguage, say } from '../../../electron/language';
import { aboutBoxOptions, buildMenuTemplate, installMenu } from '../../../electron/menu';
import { enMessages } from '../../../shared/text/messages/en';
import { wording, wordRu, type Said } from '../../../shared/text/said';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const wordEn = wording(enMessages, 'en');

function build(isPackaged: boolean, platform: NodeJS.Platform = 'win32', showAbout = vi.fn(), openJurorPackage = vi.fn(), word: (s: Said) => string = wordRu) {
  return buildMenuTemplate({ version: '1.2.3', isPackaged, platform, showAbout, openJurorPackage, word });
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const item = template.find((m) => m.label === label);
  expect(item, label).toBeDefined();
  return item!.submenu as MenuItemConstructorOptions[];
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
/** Every label of a template, submenus included, in order. */
const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);

afterEach(() => setMainLanguage('ru'));

describe('application menu', () => {
  it('is Russian: Файл, Правка, Вид, Справка', () => {
    expect(build(true).map((m) => m.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    const file = submenu(build(true), 'Файл');
    expect(file.map((i) => i.label ?? i.type)).toEqual(['Я эксперт: открыть пакет эксперта…', 'separator', 'Выход']);
    const open = vi.fn();
    (submenu(build(true, 'win32', vi.fn(), open), 'Файл')[0]!.click as () => void)();
    expect(open).toHaveBeenCalledOnce();
    expect(roles(submenu(build(true), 'Правка'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('is English in English, item for item, with no Russian left', () => {
    const en = build(false, 'darwin', vi.fn(), vi.fn(), wordEn);
    expect(en.map((m) => m.label)).toEqual(['Skhod', 'File', 'Edit', 'View', 'Help']);
    expect(submenu(en, 'File').map((i) => i.label ?? i.type)).toEqual(['I am an expert: open an expert package…', 'separator', 'Quit']);
    expect(submenu(en, 'Edit').map((i) => i.label ?? i.type)).toEqual(['Undo', 'Redo', 'separator', 'Cut', 'Copy', 'Paste', 'Select all']);
    const view = submenu(en, 'View');
    expect(view.map((i) => i.label ?? i.type)).toEqual(['Reload', 'Developer tools', 'separator', 'Zoom', 'Full screen']);
    expect(submenu(view, 'Zoom').map((i) => i.label)).toEqual(['Zoom in', 'Zoom out', 'Actual size']);
    expect(labels(en).filter((l) => /[А-Яа-яЁё]/.test(l))).toEqual([]);
    // the same items and roles in both languages: only the words differ
    const ru = build(false, 'darwin');
    expect(labels(en)).toHaveLength(labels(ru).length);
    expect(JSON.stringify(en.map((m) => roles(m.submenu as MenuItemConstructorOptions[])))).toBe(JSON.stringify(ru.map((m) => roles(m.submenu as MenuItemConstructorOptions[]))));
  });

  it('offers DevTools only in an unpackaged build', () => {
    expect(roles(submenu(build(false), 'Вид'))).toContain('toggleDevTools');
    expect(roles(submenu(build(true), 'Вид'))).not.toContain('toggleDevTools');
    expect(JSON.stringify(build(true))).not.toContain('Инструменты разработчика');
  });

  it('has reload and a zoom submenu under Вид', () => {
    const view = submenu(build(true), 'Вид');
    expect(view[0]).toMatchObject({ role: 'reload', label: 'Перезагрузить' });
    expect(roles(submenu(view, 'Масштаб'))).toEqual(['zoomIn', 'zoomOut', 'resetZoom']);
  });

  it('shows the About box from Справка → О программе, in either language', () => {
    const showAbout = vi.fn();
    const about = submenu(build(true, 'linux', showAbout), 'Справка').find((i) => i.label === 'О программе')!;
    (about.click as () => void)();
    expect(showAbout).toHaveBeenCalledTimes(1);
    expect(aboutBoxOptions('1.2.3', wordRu)).toMatchObject({ title: 'О программе', message: 'Сход, версия 1.2.3', buttons: ['Закрыть'] });
    expect(aboutBoxOptions('1.2.3', wordEn)).toMatchObject({
      title: 'About',
      message: 'Skhod, version 1.2.3',
      detail: 'Conference registration and the project contest. Works without the internet.',
      buttons: ['Close'],
    });
  });

  it('adds the app menu on macOS', () => {
    expect(build(true, 'darwin')[0]!.label).toBe('Сход');
  });
});

describe('the installed menu follows the interface language', () => {
  const installed = () => {
    const calls = fake().Menu.buildFromTemplate.mock.calls;
    return calls[calls.length - 1]![0] as MenuItemConstructorOptions[];
  };

  it('is built in Russian, rebuilt in English when the window switches, and back', () => {
    resetFake();
    installMenu(() => null);
    expect(installed().map((m) => m.label)).toContain('Файл');
    setMainLanguage('en');
    expect(fake().Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(installed().map((m) => m.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    expect(say({ key: 'fileAccess:dialogs.save' })).toBe('Save file');
    setMainLanguage('en'); // no change, no rebuild
    expect(fake().Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    setMainLanguage('ru');
    expect(installed().map((m) => m.label)).toContain('Справка');
  });

  it('words the About box and the expert-package dialog in the current language', async () => {
    resetFake();
    fake().dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    installMenu(() => null);
    setMainLanguage('en');
    const help = installed().find((m) => m.label === 'Help')!.submenu as MenuItemConstructorOptions[];
    (help[0]!.click as () => void)();
    expect(fake().dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'About', buttons: ['Close'] }));
    const file = installed().find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
    (file[0]!.click as () => void)();
    expect(fake().dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Expert package', filters: [{ name: 'Skhod expert package', extensions: ['skhod-jury'] }] }),
    );
  });
});
