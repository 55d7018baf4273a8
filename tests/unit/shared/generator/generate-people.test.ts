import { describe, expect, it } from 'vitest';
import municipalities from '../../../../resources/municipalities.json';
import type { GeneratedPerson, MunicipalityInput } from '../../../../shared/generator';
import { generatePeople, otherRegionMunicipalities } from '../../../../shared/generator';
import { normalizePhone } from '../../../../shared/people/phone';
import { categories, organizationKinds, roles } from '../../../../shared/domain/types';

const reference = municipalities as MunicipalityInput[];
const all = [...reference, ...otherRegionMunicipalities];
const WORD = /^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)*$/;
const EMAIL = /^[a-z0-9][a-z0-9._-]*@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

const fio = (p: GeneratedPerson) => `${p.surname} ${p.name} ${p.patronymic}`;
// "8 (917) 345-12-34" → "8 (ddd) ddd-dd-dd": the notation without the number
const shape = (phone: string) => phone.replace(/\d/g, 'd');

describe('generatePeople', () => {
  const people = generatePeople({ seed: 2019, count: 10_000, municipalities: all });

  it('is deterministic for a seed and differs between seeds', () => {
    const opts = { seed: 77, count: 500, municipalities: all };
    const a = generatePeople(opts);
    expect(generatePeople(opts)).toEqual(a);
    const other = generatePeople({ ...opts, seed: 78 });
    expect(other).not.toEqual(a);
    const same = other.filter((p, i) => fio(p) === fio(a[i]!));
    expect(same.length).toBeLessThan(25);
  });

  it('generates exactly `count` people with stable sequential keys', () => {
    expect(people).toHaveLength(10_000);
    expect(people[0]!.key).toBe('p000001');
    expect(people[122]!.key).toBe('p000123');
    expect(generatePeople({ seed: 1, count: 0, municipalities: all })).toEqual([]);
    expect(generatePeople({ seed: 1, count: 1, municipalities: all })).toHaveLength(1);
  });

  it('refuses a count it cannot honour', () => {
    expect(() => generatePeople({ seed: 1, count: -1, municipalities: all })).toThrow(RangeError);
    expect(() => generatePeople({ seed: 1, count: 1.5, municipalities: all })).toThrow(RangeError);
    expect(() => generatePeople({ seed: 1, count: 3, municipalities: [] })).toThrow(RangeError);
  });

  it('gives everyone a valid Cyrillic full name whose forms agree with the gender', () => {
    for (const p of people) {
      expect(p.surname).toMatch(WORD);
      expect(p.name).toMatch(WORD);
      expect(p.patronymic).toMatch(WORD);
      if (p.gender === 'm') {
        expect(p.patronymic).toMatch(/(вич|ич)$/);
        expect(p.surname).not.toMatch(/(ова|ева|ёва|ина|ына|ая)$/);
      } else {
        expect(p.gender).toBe('f');
        expect(p.patronymic).toMatch(/(вна|ична)$/);
        // inflecting stems must have taken the feminine ending
        expect(p.surname).not.toMatch(/(ов|ев|ёв|ин|ын|ий|ой)$/);
      }
    }
    const female = people.filter((p) => p.gender === 'f');
    expect(female.filter((p) => /(ова|ева|ёва|ина|ына)$/.test(p.surname)).length).toBeGreaterThan(female.length * 0.7);
    expect(female.some((p) => /(ская|цкая)$/.test(p.surname))).toBe(true);
    expect(people.some((p) => /(ук|ых|их|ко)$/.test(p.surname))).toBe(true);
  });

  it('uses ё in some names, as real lists do', () => {
    expect(people.filter((p) => fio(p).includes('ё')).length).toBeGreaterThan(100);
  });

  it('mixes Russian, Bashkir and Tatar names', () => {
    const names = new Set(people.map((p) => p.name));
    for (const n of ['Алия', 'Гульнара', 'Ринат', 'Салават', 'Елена', 'Сергей']) expect(names).toContain(n);
    expect(new Set(people.map((p) => p.surname)).size).toBeGreaterThan(250);
  });

  it('writes phones in several notations, all normalizable and distinct', () => {
    const normalized = people.map((p) => normalizePhone(p.phone));
    expect(normalized.filter((n) => n === null)).toEqual([]);
    expect(new Set(normalized).size).toBe(people.length);
    expect(new Set(people.map((p) => shape(p.phone))).size).toBeGreaterThan(5);
    expect(people.some((p) => p.phone.includes('доб.'))).toBe(true);
  });

  it('writes canonical phones when asked for tidy data', () => {
    const tidy = generatePeople({ seed: 5, count: 2_000, municipalities: all, messyPhones: false });
    for (const p of tidy) expect(normalizePhone(p.phone)).toBe(p.phone);
  });

  it('gives about 40% a plausible Latin e-mail, unique', () => {
    const emails = people.flatMap((p) => (p.email === undefined ? [] : [p.email]));
    expect(emails.length).toBeGreaterThan(3_500);
    expect(emails.length).toBeLessThan(4_500);
    for (const e of emails) expect(e).toMatch(EMAIL);
    expect(new Set(emails).size).toBe(emails.length);
    const domains = new Set(emails.map((e) => e.split('@')[1]));
    for (const d of ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru']) expect(domains).toContain(d);
    // built from the person's own name
    const withSurname = people.filter((p) => p.email?.startsWith('galiullina.'));
    for (const p of withSurname) expect(p.surname).toBe('Галиуллина');
  });

  it('places people only in the given municipalities, big ones more often', () => {
    const names = new Set(all.map((m) => m.name));
    const counts = new Map<string, number>();
    for (const p of people) {
      expect(names).toContain(p.municipality);
      counts.set(p.municipality, (counts.get(p.municipality) ?? 0) + 1);
    }
    expect(counts.size).toBe(all.length);
    const ufa = counts.get('г. Уфа')!;
    const sorted = [...counts.values()].sort((a, b) => a - b);
    expect(ufa).toBe(sorted[sorted.length - 1]);
    expect(ufa).toBeGreaterThan(3 * sorted[Math.floor(sorted.length / 2)]!);
  });

  it('gives each person an organization, a position and a category that fit together', () => {
    for (const p of people) {
      expect(organizationKinds).toContain(p.organizationKind);
      expect(categories).toContain(p.category);
      expect(roles).toContain(p.role);
      expect(p.organization.length).toBeGreaterThan(3);
      expect(p.position.length).toBeGreaterThan(3);
      if (p.category === 'citizen') expect(p.organizationKind).toBe('other');
      if (p.category === 'media') expect(p.organizationKind).toBe('media');
      if (p.organizationKind === 'education') expect(p.category).toBe('education');
      if (p.organization.startsWith('МБОУ')) expect(p.organizationKind).toBe('education');
      if (p.organization.startsWith('Администрация')) expect(p.category).toBe('administration');
      if (p.organization.startsWith('ИП ')) expect(p.organization).toBe(`ИП ${p.surname} ${p.name[0]}.${p.patronymic[0]}.`);
    }
    const used = new Set(people.map((p) => p.category));
    for (const c of categories) expect(used).toContain(c);
    expect(people.some((p) => p.position === 'житель (активный гражданин)')).toBe(true);
    expect(people.some((p) => p.organization === 'Администрация городского округа город Сибай Республики Башкортостан')).toBe(true);
  });

  it('makes most people participants and a few speakers, moderators and guests', () => {
    const count = (r: string) => people.filter((p) => p.role === r).length;
    expect(count('participant')).toBeGreaterThan(9_000);
    for (const r of ['speaker', 'moderator', 'guest']) expect(count(r), r).toBeGreaterThan(50);
  });

  it('includes exact namesakes from another municipality with another phone', () => {
    const first = new Map<string, GeneratedPerson>();
    let namesakesElsewhere = 0;
    for (const p of people) {
      const earlier = first.get(fio(p));
      if (!earlier) first.set(fio(p), p);
      else if (earlier.municipality !== p.municipality) namesakesElsewhere++;
    }
    // ~1.5% planted (150) plus ~70 that occur by chance with these pools
    expect(namesakesElsewhere).toBeGreaterThan(150);
    expect(namesakesElsewhere).toBeLessThan(600);
  });

  it('scales to 100,000 people with unique keys', () => {
    const many = generatePeople({ seed: 100_000, count: 100_000, municipalities: all });
    expect(many).toHaveLength(100_000);
    expect(new Set(many.map((p) => p.key)).size).toBe(100_000);
    expect(new Set(many.map((p) => p.phone)).size).toBe(100_000);
  });

  it('works with a single municipality (namesakes then share it)', () => {
    const one = generatePeople({ seed: 3, count: 2_000, municipalities: [reference[0]!] });
    expect(new Set(one.map((p) => p.municipality))).toEqual(new Set([reference[0]!.name]));
  });
});
