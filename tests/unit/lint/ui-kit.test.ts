import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// One UI kit (docs/ARCHITECTURE.md «1. Layers», UI kit): outside renderer/components/ui no file writes a <select>,
// a <textarea>, a <dialog>, a showModal() call or a hand-made `label.field` — they come from the kit, so every
// control has its label and its error beside it and every dialog the same Esc, focus trap and busy state.
const eslint = new ESLint({ cwd: process.cwd() });

async function kitErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const t = "import { useTranslation } from 'react-i18next';\nconst useT = () => useTranslation('desk').t;\n";

describe('the UI kit in the lint config', () => {
  const refused: Array<[string, string, string]> = [
    ['renderer/features/desk/Bad.tsx', `${t}export const B = ({ v }: { v: string }) => <select aria-label={useT()('x')} value={v} onChange={() => undefined}><option value="a">{v}</option></select>;`, 'SelectField'],
    ['renderer/components/Bad.tsx', `${t}export const B = ({ v }: { v: string }) => <textarea aria-label={useT()('x')} value={v} readOnly />;`, 'TextAreaField'],
    ['renderer/features/import/Bad.tsx', `${t}export const B = () => <dialog open><h2>{useT()('x')}</h2></dialog>;`, 'Dialog'],
    ['renderer/features/contest/bad.ts', 'export const open = (d: HTMLDialogElement | null) => d?.showModal();', 'Dialog'],
    ['renderer/features/settings/Bad.tsx', `${t}export const B = ({ v }: { v: string }) => <label className="field narrow"><span>{useT()('x')}</span><input value={v} readOnly /></label>;`, 'TextField'],
  ];
  it.each(refused)('refuses in %s', async (file, source, instead) => {
    const errors = await kitErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(instead);
    expect(errors[0]).toContain('renderer/components/ui');
  });

  const allowed: Array<[string, string]> = [
    ['renderer/features/desk/Ok.tsx', `import { Select } from '../../components/ui';\n${t}export const B = ({ v }: { v: string }) => <Select aria-label={useT()('x')} value={v} onChange={() => undefined} options={[]} />;`],
    ['renderer/features/desk/Ok.tsx', `${t}export const B = ({ on }: { on: boolean }) => <label className="checkbox"><input type="checkbox" checked={on} readOnly /> {useT()('x')}</label>;`],
    ['renderer/features/desk/Ok.tsx', `${t}export const B = () => <div className="field-row"><span>{useT()('x')}</span></div>;`],
    ['renderer/features/desk/ok.ts', 'export const close = (d: HTMLDialogElement | null) => d?.close();'],
    // the kit itself is where these are written, once
    ['renderer/components/ui/Probe.tsx', `${t}export const B = ({ v }: { v: string }) => <select aria-label={useT()('x')} value={v} onChange={() => undefined} />;`],
    ['renderer/components/ui/probe.ts', 'export const open = (d: HTMLDialogElement | null) => d?.showModal();'],
  ];
  it.each(allowed)('allows in %s', async (file, source) => {
    expect(await kitErrors(file, source)).toEqual([]);
  });
});
