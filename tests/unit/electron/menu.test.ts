import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutBoxOptions, buildMenuTemplate } from '../../../electron/menu';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

function build(isPackaged: boolean, platform: NodeJS.Platform = 'win32', showAbout = vi.fn(), openJurorPackage = vi.fn()) {
  return buildMenuTemplate({ appName: 'Сход', version: '1.2.3', isPackaged, platform, showAbout, openJurorPackage });
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const item = template.find((m) => m.label === label);
  expect(item, label).toBeDefined();
  return item!.submenu as MenuItemConstructorOptions[];
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);

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

  it('shows the About box from Справка → О программе', () => {
    const showAbout = vi.fn();
    const about = submenu(build(true, 'linux', showAbout), 'Справка').find((i) => i.label === 'О программе')!;
    (about.click as () => void)();
    expect(showAbout).toHaveBeenCalledTimes(1);
    expect(aboutBoxOptions('Сход', '1.2.3')).toMatchObject({ title: 'О программе', message: 'Сход, версия 1.2.3' });
  });

  it('adds the app menu on macOS', () => {
    expect(build(true, 'darwin')[0]!.label).toBe('Сход');
  });
});
