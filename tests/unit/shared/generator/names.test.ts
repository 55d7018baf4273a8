import { describe, expect, it } from 'vitest';
import {
  russianFathers,
  russianNames,
  turkicFathers,
  turkicNames,
} from '../../../../shared/generator/given-names';
import { feminineSurname, russianSurnames, turkicSurnames } from '../../../../shared/generator/surnames';

// Cyrillic only: a Latin "о" or "с" typed by mistake looks identical and breaks search.
const WORD = /^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)*$/;
const INFLECTING = /(ов|ев|ёв|ин|ын)$/;

describe('surname data', () => {
  const all = [...russianSurnames, ...turkicSurnames];

  it('has at least 150 distinct Cyrillic stems in both pools, some with ё', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all).size).toBe(all.length);
    expect(russianSurnames.length).toBeGreaterThan(60);
    expect(turkicSurnames.length).toBeGreaterThan(60);
    for (const s of all) expect(s).toMatch(WORD);
    expect(all.filter((s) => s.includes('ё')).length).toBeGreaterThan(5);
  });

  it.each([
    ['Иванов', 'Иванова'],
    ['Галиуллин', 'Галиуллина'],
    ['Фёдоров', 'Фёдорова'],
    ['Королёв', 'Королёва'],
    ['Синицын', 'Синицына'],
    ['Валеев', 'Валеева'],
    ['Троицкий', 'Троицкая'],
    ['Вишневский', 'Вишневская'],
    ['Толстой', 'Толстая'],
    ['Шевчук', 'Шевчук'],
    ['Черных', 'Черных'],
    ['Бондаренко', 'Бондаренко'],
  ])('feminineSurname(%s) = %s', (m, f) => {
    expect(feminineSurname(m)).toBe(f);
  });

  it('gives every inflecting stem a feminine form in -а/-ая and leaves the rest as they are', () => {
    for (const m of all) {
      const f = feminineSurname(m);
      if (INFLECTING.test(m)) expect(f).toBe(m + 'а');
      else if (m.endsWith('ий')) expect(f).toMatch(/ая$/);
      else expect(f).toBe(m);
    }
    expect(all.some((m) => !INFLECTING.test(m) && !m.endsWith('ий'))).toBe(true);
  });
});

describe('given names and patronymics', () => {
  const pools = [russianNames, turkicNames];
  const fathers = [...russianFathers, ...turkicFathers];

  it('are Cyrillic, distinct within each list, and include ё', () => {
    for (const pool of pools) {
      for (const list of [pool.male, pool.female]) {
        expect(new Set(list).size).toBe(list.length);
        for (const n of list) expect(n).toMatch(WORD);
      }
    }
    expect(pools.flatMap((p) => [...p.male, ...p.female]).some((n) => n.includes('ё'))).toBe(true);
    expect(new Set(fathers.map((f) => f[0])).size).toBe(fathers.length);
  });

  it('give sons -вич/-ич and daughters -вна/-ична, built on the father’s name', () => {
    for (const [father, son, daughter] of fathers) {
      expect(son).toMatch(WORD);
      expect(daughter).toMatch(WORD);
      expect(son).toMatch(/(вич|ич)$/);
      expect(daughter).toMatch(/(вна|ична)$/);
      // a copy-paste slip (a patronymic from the wrong father) shows in the first letters;
      // Пётр → Петрович drops the ё, Лев → Львович the vowel, Юрий → Юрьевич changes the third letter
      const stem = (s: string) => s.replace('ё', 'е').replace('Лев', 'Льв').slice(0, 2);
      expect(stem(son), father).toBe(stem(father));
      expect(daughter.slice(0, 4), father).toBe(son.slice(0, 4));
    }
  });

  it.each([
    ['Хамит', 'Хамитович', 'Хамитовна'],
    ['Сергей', 'Сергеевич', 'Сергеевна'],
    ['Илья', 'Ильич', 'Ильинична'],
    ['Никита', 'Никитич', 'Никитична'],
    ['Мирон', 'Миронович', 'Мироновна'],
    ['Лев', 'Львович', 'Львовна'],
    ['Юрий', 'Юрьевич', 'Юрьевна'],
  ])('%s → %s / %s', (father, son, daughter) => {
    const entry = [...russianFathers, ...turkicFathers].find((f) => f[0] === father);
    expect(entry).toEqual([father, son, daughter]);
  });
});
