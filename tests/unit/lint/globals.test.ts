// Globals per layer (eslint.config.js «GLOBALS PER LAYER»): each folder sees only the globals of the place its code
// runs. These cases prove that a browser global in shared/ or electron/ and a Node global in shared/ or renderer/ fail
// lint, while what every runtime has (timers, WebCrypto, TextEncoder) stays allowed in shared/.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function globalErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-undef').map((m) => m.message);
}

describe('globals per layer in the lint config', () => {
  const refused: Array<[string, string]> = [
    ['shared/text/bad.ts', 'export const width = window.innerWidth;'],
    ['shared/text/bad.ts', "export const field = document.createElement('input');"],
    ['shared/sync/bad.ts', "export const saved = localStorage.getItem('operator');"],
    ['shared/sync/bad.ts', 'export const home = process.env.HOME;'],
    ['shared/sync/bad.ts', "export const bytes = Buffer.from('Уфа');"],
    ['renderer/features/desk/bad.ts', 'export const home = process.env.HOME;'],
    ['renderer/components/bad.tsx', 'export const here = __dirname;'],
    ['renderer/db/bad.ts', "export const bytes = Buffer.from('Уфа');"],
    ['electron/bad.ts', 'export const title = document.title;'],
    ['cli/bad.ts', 'export const width = window.innerWidth;'],
    ['scripts/bad.mjs', 'export const title = document.title;'],
  ];
  it.each(refused)('refuses in %s: %s', async (file, source) => {
    const errors = await globalErrors(file, source);
    expect(errors).toHaveLength(1);
  });

  it('says what to do instead', async () => {
    const [message] = await globalErrors('shared/sync/bad.ts', 'export const home = process.env.HOME;');
    expect(message).toContain('передайте значение параметром');
  });

  const allowed: Array<[string, string]> = [
    ['shared/sync/ok.ts', "export const digest = (b: ArrayBuffer) => crypto.subtle.digest('SHA-256', b);"],
    ['shared/text/ok.ts', "export const bytes = new TextEncoder().encode('Уфа');"],
    ['shared/text/ok.ts', 'export const later = (f: () => void) => setTimeout(f, 0);'],
    ['renderer/features/desk/ok.ts', 'export const width = window.innerWidth;'],
    ['renderer/features/desk/ok.ts', "export const saved = localStorage.getItem('operator');"],
    ['electron/ok.ts', 'export const home = process.env.HOME;'],
    ['cli/ok.ts', "export const bytes = Buffer.from('Уфа');"],
    ['scripts/ok.mjs', 'export const home = process.env.HOME;'],
    ['tests/unit/ok.ts', 'export const both = [typeof window, typeof process];'],
  ];
  it.each(allowed)('allows in %s: %s', async (file, source) => {
    expect(await globalErrors(file, source)).toEqual([]);
  });
});
