import { describe, expect, it } from 'vitest';
import { badgeCodeFromSerial, normalizeBadgeCode } from '../../../../shared/people/badge-code';

describe('badge codes', () => {
  it('are six symbols without look-alikes (0/O, 1/I/L, U)', () => {
    for (let i = 0; i < 2000; i++) expect(badgeCodeFromSerial(i)).toMatch(/^[2-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('are unique for different serials', () => {
    const codes = new Set(Array.from({ length: 100_000 }, (_, i) => badgeCodeFromSerial(i)));
    expect(codes.size).toBe(100_000);
  });

  it('accept what a person or a scanner types: lower case, spaces and dashes', () => {
    const code = badgeCodeFromSerial(42);
    expect(normalizeBadgeCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)).toBe(code);
  });

  it('refuse any single mistyped symbol by the check symbol', () => {
    const code = badgeCodeFromSerial(1234);
    const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let pos = 0; pos < 6; pos++) {
      for (const ch of alphabet) {
        if (ch === code[pos]) continue;
        const typo = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(normalizeBadgeCode(typo)).toBeNull();
      }
    }
  });

  it('come back unchanged from normalizing, as stored (the desk checks every stored code as it starts)', () => {
    for (let i = 0; i < 2000; i++) {
      const code = badgeCodeFromSerial(i * 977);
      expect(normalizeBadgeCode(code)).toBe(code);
      expect(normalizeBadgeCode(code.toLowerCase())).toBe(code);
    }
  });

  it('refuse wrong lengths and foreign symbols', () => {
    expect(normalizeBadgeCode('')).toBeNull();
    expect(normalizeBadgeCode(badgeCodeFromSerial(5) + '2')).toBeNull();
    expect(normalizeBadgeCode(badgeCodeFromSerial(5).replace(/./, '0'))).toBeNull(); // 0, O, 1, I, L, U are not symbols
    expect(normalizeBadgeCode('ABC')).toBeNull();
    expect(normalizeBadgeCode('АВС234')).toBeNull(); // Cyrillic look-alikes
    expect(() => badgeCodeFromSerial(-1)).toThrow();
  });
});
