import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, fixLookalikes, foldLetters, foldName, nameKey } from '../../../../shared/text/spelling';

describe('cleanText / cleanName: the characters repaired, the name kept', () => {
  it('composes a decomposed й (и + U+0306) into one letter', () => {
    const decomposed = 'Баи\u0306рамов';
    expect(decomposed.length).toBe(9);
    expect(cleanText(decomposed)).toBe('Байрамов');
  });

  it.each([
    ['Петрова\u2013Водкина', 'Петрова-Водкина'], // en dash
    ['Петрова\u2014Водкина', 'Петрова-Водкина'], // em dash
    ['Петрова\u2011Водкина', 'Петрова-Водкина'], // non-breaking hyphen
    ['Петрова\u2212Водкина', 'Петрова-Водкина'], // minus sign
    ['Петрова – Водкина', 'Петрова-Водкина'], // spaced dash in a name
  ])('every dash variant in %j becomes a hyphen', (input, out) => {
    expect(cleanName(input)).toBe(out);
  });

  it('drops soft hyphens and zero-width characters, turns NBSP into a space', () => {
    expect(cleanName('Галиул\u00adлина\u00a0Алия\u200b')).toBe('Галиуллина Алия');
    expect(cleanText('\ufeffАбзалов   Ильяс ')).toBe('Абзалов Ильяс');
  });

  it('keeps spaces around a dash in ordinary text (only names glue them)', () => {
    expect(cleanText('ТОС «Заря» \u2014 Уфа')).toBe('ТОС «Заря» - Уфа');
  });

  it('leaves ordinary text unchanged (the fast path returns the same string)', () => {
    const s = 'Хайруллин Азат Маратович';
    expect(cleanText(s)).toBe(s);
  });
});

describe('foldLetters: Bashkir and Tatar letters written the Russian way', () => {
  it.each([
    ['ғәлиев', 'галиев'],
    ['һаҙиев', 'хазиев'],
    ['ҡаһарманов', 'кахарманов'],
    ['үтәгәнов', 'утаганов'],
    ['сөләймәнова', 'солайманова'],
    ['ҫәлимов', 'салимов'],
    ['миңлебаев', 'минлебаев'],
    ['фёдоров', 'федоров'],
  ])('%s → %s', (input, out) => {
    expect(foldLetters(input)).toBe(out);
  });
});

describe('fixLookalikes: Latin letters hiding in a Cyrillic word', () => {
  it('repairs «Ивaнoв» typed with Latin a and o', () => {
    const mixed = 'Ив\u0061н\u006fв';
    expect(mixed).not.toBe('Иванов');
    expect(fixLookalikes(mixed)).toBe('Иванов');
  });

  it('repairs capitals: «CEMEHOB» with a Cyrillic letter among Latin ones', () => {
    expect(fixLookalikes('CEMEHOВ')).toBe('СЕМЕНОВ');
  });

  it('leaves a wholly Latin word alone (a transliteration, not a look-alike)', () => {
    expect(fixLookalikes('Ivanov Иван')).toBe('Ivanov Иван');
    expect(fixLookalikes('Abzalov')).toBe('Abzalov');
  });
});

describe('foldName / nameKey: what compares equal', () => {
  it.each([
    ['Ғәлиев', 'Галиев'],
    ['Һаҙиев', 'Хазиев'],
    ['Ив\u0061н\u006fв', 'ИВАНОВ'],
    ['Петрова Водкина', 'Петрова-Водкина'],
    ['Петрова\u2013Водкина', 'петроваводкина'],
    ['Фёдорова', 'Федорова'],
    ['Баи\u0306рамов', 'Байрамов'],
    ['Галиул\u00adлина', 'Галиуллина'],
  ])('%j and %j have one key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Галиев')).not.toBe(nameKey('Галеев'));
    expect(nameKey('Иванов')).not.toBe(nameKey('Иванова'));
  });

  it('an initial keys to its letter', () => {
    expect(nameKey('А.')).toBe('а');
    expect(nameKey('Ә.')).toBe('а');
  });

  it('foldName keeps word boundaries, nameKey drops them', () => {
    expect(foldName('Петрова – Водкина Анна')).toBe('петрова-водкина анна');
    expect(nameKey('Петрова – Водкина')).toBe('петроваводкина');
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(foldName(foldName(s))).toBe(foldName(s));
        expect(cleanName(cleanName(s))).toBe(cleanName(s));
      }),
    );
  });
});
