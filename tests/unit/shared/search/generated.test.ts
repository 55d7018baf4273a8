/**
 * The engine on generated participants (shared/generator): realistic Russian, Bashkir and Tatar names
 * with ~1.5% exact namesakes. Correctness only — timings are printed by tests/bench/search-engine.bench.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeneratedPerson } from '../../../../shared/generator';
import { transliterate } from '../../../../shared/generator';
import { normalizePhone } from '../../../../shared/people/phone';
import { foldRussian } from '../../../../shared/search';
import { SearchIndex } from '../../../../shared/search';
import { cyrillicToLatinLayout } from '../../../../shared/search/keyboard';
import { fullName, people, toDoc } from './fixtures';

const fold = (p: GeneratedPerson) => foldRussian(fullName(p));

describe('2,000 generated people', () => {
  const crowd = people(2000, 2024);
  const index = new SearchIndex(crowd.map(toDoc));
  const person = fc.constantFrom(...crowd);
  // folded once: 300 runs × 2,000 people would spend the test's time folding, not searching
  const folded = new Map(crowd.map((o) => [o, fold(o)]));

  it('anyone is found by their full name, first, together with exactly their namesakes', () => {
    fc.assert(
      fc.property(person, (p) => {
        const namesakes = crowd.filter((o) => folded.get(o) === folded.get(p)).map((o) => o.key);
        const hits = index.search(fullName(p), 50);
        const exact = hits.filter((h) => h.kind === 'exact').map((h) => h.id);
        expect(hits.slice(0, exact.length).every((h) => h.kind === 'exact')).toBe(true);
        expect(new Set(exact)).toEqual(new Set(namesakes));
      }),
      { numRuns: 300 },
    );
  });

  it('anyone is among the results for their exact surname when the limit is large', () => {
    fc.assert(
      fc.property(person, fc.constantFrom('as typed', 'upper', 'lower'), (p, c) => {
        const q = c === 'upper' ? p.surname.toUpperCase() : c === 'lower' ? p.surname.toLowerCase() : p.surname;
        const hits = index.search(q, crowd.length);
        expect(hits.find((h) => h.id === p.key)?.kind).toBe('exact');
      }),
      { numRuns: 300 },
    );
  });

  it('anyone is found by surname and initials, in the wrong layout, in Latin letters and with one typo', () => {
    fc.assert(
      fc.property(person, fc.nat(), (p, at) => {
        const top = (q: string) => index.search(q, 60).map((h) => h.id);
        expect(top(`${p.surname} ${p.name[0]}.${p.patronymic[0]}.`)).toContain(p.key);
        expect(top(cyrillicToLatinLayout(fullName(p).toLowerCase()))).toContain(p.key);
        expect(top(transliterate(fullName(p)))).toContain(p.key);
        const s = p.surname.toLowerCase();
        if (s.length >= 6) {
          // the typed word keeps five letters or more: shorter words are never corrected
          const i = 1 + (at % (s.length - 1)); // keep the first letter, as people do
          expect(top(`${s.slice(0, i)}${s.slice(i + 1)} ${p.name} ${p.patronymic}`)).toContain(p.key);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('100,000 generated people', () => {
  const crowd = people(100_000, 2019);
  const index = new SearchIndex(crowd.map(toDoc));
  const sample = crowd.filter((_, i) => i % 997 === 0);

  it('indexes everyone', () => {
    expect(index.size).toBe(100_000);
  });

  it('finds sampled people by full name, initials, wrong layout, Latin spelling, typo and phone', () => {
    for (const p of sample) {
      const found = (q: string, limit = 50) => index.search(q, limit).some((h) => h.id === p.key);
      expect(found(fullName(p)), fullName(p)).toBe(true);
      expect(found(`${p.surname} ${p.name[0]}.${p.patronymic[0]}.`, 500)).toBe(true);
      expect(found(cyrillicToLatinLayout(fullName(p).toLowerCase()))).toBe(true);
      expect(found(transliterate(fullName(p)))).toBe(true);
      if (p.surname.length >= 6) expect(found(`${p.surname.slice(0, 2)}${p.surname.slice(3)} ${p.name} ${p.patronymic}`)).toBe(true);
      expect(found(normalizePhone(p.phone)!.slice(-7), 100)).toBe(true);
      expect(found(p.phone, 5)).toBe(true);
    }
  });

  it('a one-letter query returns a full, correctly ordered first page', () => {
    const hits = index.search('а');
    expect(hits).toHaveLength(20);
    expect(hits.every((h) => h.kind === 'prefix')).toBe(true);
    expect(index.search('а', 200).slice(0, 20)).toEqual(hits);
  });
});
