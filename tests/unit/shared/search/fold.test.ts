import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedWords, foldRussian } from '../../../../shared/search/fold';
import { cyrillicToLatinLayout, latinLayoutToCyrillic } from '../../../../shared/search/keyboard';

describe('foldRussian', () => {
  it('lower-cases, folds ё to е, trims and collapses whitespace', () => {
    expect(foldRussian('  ФЁДОРОВ   Пётр\tСемёнович ')).toBe('федоров петр семенович');
    expect(foldRussian('Ёлкина\u00a0Алёна')).toBe('елкина алена');
    expect(foldRussian('')).toBe('');
  });

  it('folds Bashkir and Tatar letters to the Russian ones district lists write them with', () => {
    expect(foldRussian('ӘХМӘТОВ Үзәк')).toBe('ахматов узак');
    expect(foldRussian('Ғәлиев Һаҙиев')).toBe(foldRussian('Галиев Хазиев'));
  });

  it('fixes Latin look-alikes inside a Cyrillic word, keeps a wholly Latin word', () => {
    expect(foldRussian('Ивaнoв Ivanov')).toBe('иванов ivanov');
  });

  it('composes a decomposed й (и + breve), as pasted from some sources', () => {
    expect(foldRussian('Зайнуллина'.normalize('NFD'))).toBe('зайнуллина');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(foldRussian(foldRussian(s))).toBe(foldRussian(s));
      }),
    );
  });
});

describe('foldedWords', () => {
  it('splits on spaces and punctuation: initials and hyphenated surnames', () => {
    expect(foldedWords('Галиуллина А.Х.')).toEqual(['галиуллина', 'а', 'х']);
    expect(foldedWords('Галиуллина-Шарипова, Гульнара')).toEqual(['галиуллина', 'шарипова', 'гульнара']);
    expect(foldedWords(' .- ')).toEqual([]);
  });
});

describe('keyboard layout', () => {
  it('reads QWERTY keystrokes as ЙЦУКЕН, punctuation keys included', () => {
    expect(latinLayoutToCyrillic('ufkbekkbyf')).toBe('галиуллина');
    expect(latinLayoutToCyrillic("[f,b;'.]`")).toBe('хабижэюъё');
    expect(latinLayoutToCyrillic('{F<B:">}~?/')).toBe('ХАБИЖЭЮЪЁ,.');
    expect(latinLayoutToCyrillic('Ufkbekkbyf F/{/')).toBe('Галиуллина А.Х.');
  });

  it('round-trips every Russian letter', () => {
    const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters, ' ')).map((a) => a.join('')), (text) => {
        expect(latinLayoutToCyrillic(cyrillicToLatinLayout(text))).toBe(text);
      }),
    );
  });
});
