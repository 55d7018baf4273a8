import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldKey } from '../../../../shared/search/sort-key';

const collator = new Intl.Collator('ru');
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const keyOrder = (a: string, b: string) => {
  const ka = fieldKey(a);
  const kb = fieldKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('fieldKey', () => {
  it('orders like Intl.Collator("ru"): ё after е, lower before upper, spaces and hyphens before letters', () => {
    const names = ['Федоров', 'Фёдоров', 'федоров', 'ФЁДОРОВ', 'Федорова', 'Галиуллина', 'Галиуллина Шарипова', 'Галиуллина-Шарипова', 'Галиуллинаб', 'Ёлкин', 'Елкин', 'Ежов', 'Smith', '', 'Әхмәтов', 'Ахметов', 'Яхин'];
    const byCollator = [...names].sort(collator.compare);
    const byKey = [...names].sort(keyOrder);
    expect(byKey).toEqual(byCollator);
  });

  it('agrees with Intl.Collator("ru") on random strings of Russian, Bashkir and Latin letters, case, ё, digits and punctuation', () => {
    const alphabet = [...'аАбвгдеЕёЁжзийклмнопрстуфхцчшщъыьэюяЯ -.0129abzZәөүғҡңҙҫһ'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(keyOrder(a, b)).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });
});
