import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { russianLiterals, sources } from './russian-literals';

// What the Electron main process says to a person — a refused request, a file it cannot read, a hub's refusal,
// the menu — is a Said whose Russian and English words live in shared/text/messages (issue 23): the renderer
// words what crosses IPC or the hub in the interface language, main words its menu and dialogs in the language
// the window told it (electron/language.ts), logs get Russian. So electron/ holds no Russian string or template
// literal at all (comments may be Russian: they are for the people reading the code).
describe('electron/ words', () => {
  const root = process.cwd();
  const files = sources(join(root, 'electron')).map((f) => relative(root, f).split('\\').join('/'));

  it('scans the main process, the preload and the hub', () => {
    expect(files).toEqual(expect.arrayContaining(['electron/main.ts', 'electron/menu.ts', 'electron/preload.ts', 'electron/hub/server.ts', 'electron/handlers/fs-errors.ts']));
  });

  it('no Russian string or template literal anywhere in electron/', () => {
    expect(files.flatMap((f) => russianLiterals(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('would fail on a refusal worded in Russian in main, in a string or a template, but not on a comment', () => {
    const sample = [
      '/** Отказ хаба: «Неверный PIN». */',
      "throw new BridgeError('io', 'Не удалось сохранить файл');",
      'const busy = `Порт ${port} уже занят`;',
      "menu.push({ role: 'quit', label: say(said('appMenu:menu.quit')) });",
    ].join('\n');
    expect(russianLiterals('electron/x.ts', sample)).toEqual(['electron/x.ts:2: Не удалось сохранить файл', 'electron/x.ts:3: Порт ', 'electron/x.ts:3:  уже занят']);
  });
});
