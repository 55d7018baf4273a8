// @vitest-environment happy-dom
/**
 * The juror's real sheet (React, the Dexie repository on fake-indexeddb): for random keystroke
 * sequences typed into a score field — digits, comma, minus, letters, backspace, ↑/↓ — the sheet
 * stored on the device always ends up equal to what the field shows, or the field shows an error
 * (role=alert) and stores no score for it (issue 21: «15» showed 15 and saved 1).
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../../../../../renderer/db/open';
import { openJurorPackage } from '../../../../../renderer/db/repo/juror';
import type { JurorApp as JurorAppType } from '../../../../../renderer/features/jury/JurorApp';
import type { DbProvider as DbProviderType } from '../../../../../renderer/hooks/db-context';
import { db, scoring } from '../../db/contest-fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let JurorApp: typeof JurorAppType;
let DbProvider: typeof DbProviderType;
let pkgBytes: Uint8Array;
let jurorId: string;
let firstApp: string;
let firstCriterion: string;

beforeAll(async () => {
  // the browser bridge (file dialogs, backups) is what a juror's browser gets; the build defines its version
  (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = 'test';
  ({ JurorApp } = await import('../../../../../renderer/features/jury/JurorApp'));
  ({ DbProvider } = await import('../../../../../renderer/hooks/db-context'));
  const org = await db();
  const { packageFor } = await scoring(org);
  const { pkg, bytes } = await packageFor(0);
  pkgBytes = bytes;
  jurorId = pkg.juror.id;
  firstApp = pkg.applications[0]!.id;
  firstCriterion = pkg.nominations[0]!.criteria[0]!.id;
}, 30_000);

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;

type Key = { kind: 'char'; ch: string } | { kind: 'backspace' } | { kind: 'arrow'; key: 'ArrowUp' | 'ArrowDown' };
const key: fc.Arbitrary<Key> = fc.oneof(
  fc.constantFrom(...'0123456789,-a'.split('')).map((ch) => ({ kind: 'char' as const, ch })),
  fc.constant({ kind: 'backspace' as const }),
  fc.constantFrom('ArrowUp' as const, 'ArrowDown' as const).map((k) => ({ kind: 'arrow' as const, key: k })),
);

describe('the juror’s score field, keystroke by keystroke', () => {
  it('stored = displayed, or an error beside the field and nothing stored (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(key, { minLength: 1, maxLength: 6 }), async (keys) => {
        const name = `sheet-${Math.random()}`;
        const dev = await openDatabase(name);
        await openJurorPackage(dev, pkgBytes);
        const host = document.createElement('div');
        document.body.append(host);
        root = createRoot(host);
        await act(async () => root!.render(<DbProvider name={name}>{<JurorApp />}</DbProvider>));
        const input = await vi.waitFor(() => {
          const el = host.querySelector<HTMLInputElement>(`#crit-${CSS.escape(firstCriterion)}`);
          if (!el) throw new Error('no field yet');
          return el;
        });
        for (const k of keys) {
          await act(async () => {
            if (k.kind === 'arrow') input.dispatchEvent(new KeyboardEvent('keydown', { key: k.key, bubbles: true }));
            else {
              setValue.call(input, k.kind === 'char' ? input.value + k.ch : input.value.slice(0, -1));
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }
          });
        }
        // autosave is asynchronous: the invariant must hold once the saves have landed
        await vi.waitFor(
          async () => {
            const shown = input.value;
            const error = input.getAttribute('aria-invalid') === 'true' ? host.querySelector(`#crit-error-${CSS.escape(firstCriterion)}`) : null;
            const stored = (await dev.db.scores.get(`${jurorId}|${firstApp}`))?.values[firstCriterion] ?? null;
            if (error) {
              expect(error.getAttribute('role')).toBe('alert');
              expect(stored).toBeNull();
            } else {
              expect(input.getAttribute('aria-invalid')).toBeNull();
              expect(stored).toBe(shown.trim() === '' ? null : Number(shown.replace(',', '.')));
              if (stored !== null) expect(Number.isInteger(stored) && stored >= 0 && stored <= 10).toBe(true);
            }
          },
          { timeout: 3000, interval: 20 },
        );
        act(() => root!.unmount());
        root = null;
        host.remove();
        dev.db.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
