// shared/crypto/encoding: base64url is strict both ways — one spelling per byte string, anything else refused.
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../../shared/crypto';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('base64url', () => {
  it('uses - and _ instead of + and /, without padding', () => {
    expect(toBase64Url(bytes(0xfb, 0xff))).toBe('-_8');
    expect(toBase64Url(bytes(0xfb, 0xef, 0xbe))).toBe('----');
    expect(toBase64Url(new TextEncoder().encode('Сход'))).toBe('0KHRhdC-0LQ');
    expect(toBase64Url(bytes())).toBe('');
  });

  it('round-trips every length and every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= 70; n++) {
      const slice = all.slice(n, n + n);
      expect(fromBase64Url(toBase64Url(slice))).toEqual(slice);
    }
  });

  it('refuses padding, standard base64 characters, spaces and impossible lengths', () => {
    expect(fromBase64Url('-_8=')).toBeNull();
    expect(fromBase64Url('+/8')).toBeNull();
    expect(fromBase64Url('-_ 8')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull(); // 5 characters cannot come from whole bytes
  });

  it('refuses a non-canonical last character (stray low bits), so a file has one spelling', () => {
    expect(fromBase64Url('-_8')).toEqual(bytes(0xfb, 0xff));
    expect(fromBase64Url('-_9')).toBeNull();
    expect(fromBase64Url('-_-')).toBeNull();
  });
});
