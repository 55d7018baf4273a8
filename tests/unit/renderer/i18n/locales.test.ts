import { describe, expect, it } from 'vitest';
import { loadEnglish, russian } from '../../../../renderer/i18n';

const resources = { ru: russian, en: await loadEnglish() };

// Both languages hold the same words: the same namespaces, the same keys (plural families by each language's
// own forms), and the same {{placeholders}} in each pair, so no screen shows a raw key or drops a number.
type Tree = { [key: string]: string | Tree };
const plural = /_(zero|one|two|few|many|other)$/;
const forms = { ru: ['one', 'few', 'many', 'other'], en: ['one', 'other'] } as const;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with plural suffixes folded into their family name. */
function families(all: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of all.keys()) {
    const m = plural.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const set = out.get(base) ?? new Set<string>();
    if (m) set.add(m[1]!);
    out.set(base, set);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('have the same namespaces in Russian and English', () => {
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.ru).sort());
  });

  for (const ns of Object.keys(resources.ru)) {
    describe(`namespace «${ns}»`, () => {
      const ru = leaves(resources.ru[ns] as Tree);
      const en = leaves((resources.en[ns] ?? {}) as Tree);
      const ruFamilies = families(ru);
      const enFamilies = families(en);

      it('has every key in both languages', () => {
        expect([...enFamilies.keys()].sort()).toEqual([...ruFamilies.keys()].sort());
      });

      it('has complete plural families', () => {
        for (const [lang, fams] of [['ru', ruFamilies], ['en', enFamilies]] as const) {
          for (const [base, found] of fams) {
            if (found.size === 0) continue;
            for (const form of forms[lang]) expect(found.has(form), `${lang}:${ns}:${base}_${form}`).toBe(true);
          }
        }
      });

      it('has no empty text and the same placeholders on both sides', () => {
        for (const [key, text] of ru) expect(text.trim(), `ru:${ns}:${key}`).not.toBe('');
        for (const [key, text] of en) expect(text.trim(), `en:${ns}:${key}`).not.toBe('');
        for (const [base] of ruFamilies) {
          const pick = (all: Map<string, string>) => all.get(base) ?? all.get(`${base}_other`) ?? '';
          expect(placeholders(pick(en)), `${ns}:${base}`).toEqual(placeholders(pick(ru)));
        }
      });
    });
  }
});
