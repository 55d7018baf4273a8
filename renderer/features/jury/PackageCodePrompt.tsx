/**
 * The juror's side of a sealed package (issue 17): one code prompt for every way a package is opened
 * (the first-run «Я эксперт», «Открыть пакет эксперта…» in juror mode, the Файл menu and a
 * double-clicked `.skhod-jury`). A package that is not sealed opens without asking. The dialog itself
 * is the app's one access-code prompt (renderer/components/AccessCodePrompt.tsx).
 */
import { useCallback, type ReactNode } from 'react';
import { parseJurorPackage, type JurorPackage } from '../../../shared/contest';
import { useAccessCode } from '../../components/AccessCodePrompt';
import { sayText } from '../../i18n';

export type PackageFile = { name: string; bytes: Uint8Array };
/** The package read (with the code that opened it, when sealed), refused with its message in the interface language, or the juror gave up. */
export type Unlocked = { ok: true; package: JurorPackage; code?: string } | { ok: false; message: string } | { ok: false; cancelled: true };

/**
 * `unlock(file)` reads a package, asking for its access code when it is sealed; render `prompt`
 * where the dialog may appear. Open the package with the code it returns (openJurorPackage).
 */
export function usePackageCode(): { unlock: (file: PackageFile) => Promise<Unlocked>; prompt: ReactNode } {
  const { ask, prompt } = useAccessCode<JurorPackage>();
  const unlock = useCallback(
    async (file: PackageFile): Promise<Unlocked> => {
      const parsed = await parseJurorPackage(file.bytes);
      if (parsed.ok) return { ok: true, package: parsed.package };
      if (parsed.code !== 'needs-code') return { ok: false, message: sayText(parsed.said) };
      const answer = await ask(file.name, async (code) => {
        const p = await parseJurorPackage(file.bytes, code);
        return p.ok ? { ok: true, value: p.package } : p;
      });
      return answer.ok ? { ok: true, package: answer.value, code: answer.code } : answer;
    },
    [ask],
  );
  return { unlock, prompt };
}
