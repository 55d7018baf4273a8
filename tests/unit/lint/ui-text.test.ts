import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// skhod/ui-text (scripts/eslint/ui-text.js): words a user reads come from renderer/i18n, not from literals.
const eslint = new ESLint({ cwd: process.cwd() });

async function uiText(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'skhod/ui-text').length;
}

describe('the ui-text lint rule', () => {
  const file = 'renderer/features/desk/Probe.tsx';
  const refused: Array<[string, string]> = [
    ['Russian text in JSX', 'export const A = () => <p>Отметить прибытие</p>;'],
    ['English text in JSX', 'export const A = () => <button type="button">Save</button>;'],
    ['a read attribute', 'export const A = () => <input placeholder="Search" />;'],
    ['Cyrillic in any attribute', 'export const A = () => <div data-x="да" />;'],
    ['a literal inside a JSX expression', "export const A = ({ ok }: { ok: boolean }) => <p>{ok ? 'yes' : 'no'}</p>;"],
    ['a read attribute\'s expression', "export const A = ({ b }: { b: boolean }) => <button type=\"button\" title={b ? 'Saving' : 'Save'} />;"],
    ['a template inside a JSX expression', 'export const A = ({ n }: { n: number }) => <p>{`${n} people`}</p>;'],
    ['a Cyrillic label in a plain module', "export const label = { arrived: 'прибыл' };"],
    ['a Cyrillic error message', "export function f() { throw new Error(`Нет участника ${1}`); }"],
  ];
  it.each(refused)('refuses %s', async (_name, source) => {
    expect(await uiText(file, source)).toBeGreaterThan(0);
  });

  const allowed: Array<[string, string]> = [
    ['text from t()', "import { useTranslation } from 'react-i18next';\nexport const A = () => { const { t } = useTranslation('desk'); return <p title={t('x')}>{t('y')}</p>; };"],
    ['punctuation and numbers', 'export const A = ({ n }: { n: number }) => <p>{n} — 3 × 4 · №</p>;'],
    ['class names and keys', "export const A = () => <div className=\"desk-card\" data-testid=\"card\" role=\"status\" />;"],
    ['a regular expression', 'export const yo = /ё/g;'],
    ['a Latin key outside JSX', "export const key = 'desk.arrived';"],
    ['a Latin option value in a JSX attribute', "export const A = ({ h }: { h: boolean }) => <div data-layout={h ? 'vertical' : 'horizontal'} />;"],
  ];
  it.each(allowed)('allows %s', async (_name, source) => {
    expect(await uiText(file, source)).toBe(0);
  });

  it('does not look at the locale files', async () => {
    expect(await uiText('renderer/i18n/ru/probe.ts', "export default { a: 'Отметить' };")).toBe(0);
  });
});
