// shared/crypto/hashing: SHA-256 and HMAC against published vectors, secrets, constant-time comparison.
import { describe, expect, it } from 'vitest';
import { equalBytes, fromBase64Url, hmacSha256, randomSecret, sha256Hex } from '../../../../shared/crypto';

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vectors', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(utf8(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a view by its own bytes, not the buffer behind it', async () => {
    const whole = utf8('xxabcxx');
    expect(await sha256Hex(whole.subarray(2, 5))).toBe(await sha256Hex(utf8('abc')));
  });
});

describe('hmacSha256', () => {
  it('matches RFC 4231 test case 2', async () => {
    const mac = await hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?'));
    expect(hex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('depends on the secret', async () => {
    const data = utf8('Иванов Иван, секция 3');
    const a = await hmacSha256(fromBase64Url(randomSecret())!, data);
    const b = await hmacSha256(fromBase64Url(randomSecret())!, data);
    expect(equalBytes(a, b)).toBe(false);
  });
});

describe('randomSecret', () => {
  it('is 32 random bytes in base64url by default', () => {
    const s = randomSecret();
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromBase64Url(s)).toHaveLength(32);
    expect(randomSecret()).not.toBe(s);
    expect(fromBase64Url(randomSecret(16))).toHaveLength(16);
  });
});

describe('equalBytes', () => {
  it('is true only for the same length and the same bytes', () => {
    expect(equalBytes(utf8('abc'), utf8('abc'))).toBe(true);
    expect(equalBytes(utf8('abc'), utf8('abd'))).toBe(false);
    expect(equalBytes(utf8('abc'), utf8('ab'))).toBe(false);
    expect(equalBytes(new Uint8Array(), new Uint8Array())).toBe(true);
  });
});
