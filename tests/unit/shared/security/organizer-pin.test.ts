import { describe, expect, it } from 'vitest';
import type { OrganizerPinRecord } from '../../../../shared/domain/types';
import { wordRu } from '../../../../shared/text/said';
import {
  effectiveOrganizerPin,
  FREE_ATTEMPTS,
  formatWait,
  isAcceptableOrganizerPin,
  isOutdatedPin,
  makeOrganizerPin,
  OUTDATED_PIN,
  SCRYPT_COST,
  needsOrganizerPin,
  noAttempts,
  tryOrganizerPin,
  verifyOrganizerPin,
  waitAfter,
  type PinAttempts,
} from '../../../../shared/security/organizer-pin';

// a small scrypt cost keeps the tests quick; the algorithm is the same
const fast = { deviceId: 'org-device', now: new Date('2019-12-17T10:00:00Z'), iterations: 2 ** 10 };

/** A record as versions before issue 19 made it (PBKDF2-SHA256), computed here with WebCrypto directly. */
async function legacyRecord(pin: string, iterations = 1000): Promise<OrganizerPinRecord> {
  const salt = '00112233445566778899aabbccddeeff';
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const saltBytes = new Uint8Array(salt.match(/../g)!.map((h) => parseInt(h, 16)));
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations }, key, 256);
  const hash = [...new Uint8Array(bits)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { algo: 'pbkdf2-sha256', iterations, salt, hash, setAt: '2019-11-01T00:00:00.000Z', setBy: 'org-device' };
}

describe('organizer PIN hash', () => {
  it('verifies the right PIN and refuses a wrong one, a near miss and a non-PIN', async () => {
    const record = await makeOrganizerPin('482193', fast);
    expect(await verifyOrganizerPin('482193', record)).toBe(true);
    expect(await verifyOrganizerPin('482194', record)).toBe(false);
    expect(await verifyOrganizerPin('4821930', record)).toBe(false);
    expect(await verifyOrganizerPin('', record)).toBe(false);
    expect(await verifyOrganizerPin('48a193', record)).toBe(false);
  });

  it('stores a salted scrypt hash only: the PIN is nowhere in the record and two records of one PIN differ', async () => {
    const a = await makeOrganizerPin('20191218', fast);
    const b = await makeOrganizerPin('20191218', fast);
    expect(JSON.stringify(a)).not.toContain('20191218');
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a).toMatchObject({ algo: 'scrypt', iterations: 1024, setBy: 'org-device', setAt: '2019-12-17T10:00:00.000Z' });
  });

  it('is deterministic for a given salt, and the default is memory-hard (scrypt N = 2^15)', async () => {
    const a = await makeOrganizerPin('123456', { ...fast, salt: '00112233445566778899aabbccddeeff' });
    const b = await makeOrganizerPin('123456', { ...fast, salt: '00112233445566778899aabbccddeeff' });
    expect(a.hash).toBe(b.hash);
    const stretched = await makeOrganizerPin('123456', { deviceId: 'x', now: fast.now, salt: a.salt });
    expect(stretched).toMatchObject({ algo: 'scrypt', iterations: SCRYPT_COST });
    expect(SCRYPT_COST).toBeGreaterThanOrEqual(2 ** 15);
    expect(stretched.hash).not.toBe(a.hash);
    expect(await verifyOrganizerPin('123456', stretched)).toBe(true);
  });

  it('refuses to make a record of a PIN that is not 6–8 digits (4 and 5 digits included)', async () => {
    for (const bad of ['1234', '12345', '123456789', 'abcdef', ' 123456', '123 456']) {
      expect(isAcceptableOrganizerPin(bad)).toBe(false);
      await expect(makeOrganizerPin(bad, fast)).rejects.toThrow('от 6 до 8 цифр');
    }
    for (const good of ['123456', '1234567', '12345678']) expect(isAcceptableOrganizerPin(good)).toBe(true);
  });

  it('an older PBKDF2 record with a 4-digit PIN still opens, and is marked outdated so the organizer is asked for a new PIN', async () => {
    const old = await legacyRecord('4821');
    expect(await verifyOrganizerPin('4821', old)).toBe(true);
    expect(await verifyOrganizerPin('4822', old)).toBe(false);
    expect(isOutdatedPin(old)).toBe(true);
    expect(wordRu(OUTDATED_PIN)).toMatch(/Задайте новый PIN из 6–8 цифр/);
    expect(isOutdatedPin(await makeOrganizerPin('482193', fast))).toBe(false);
  });

  it('refuses a record with an unknown algorithm or an absurd scrypt cost without computing it', async () => {
    const good = await makeOrganizerPin('482193', fast);
    expect(await verifyOrganizerPin('482193', { ...good, algo: 'md5' } as unknown as OrganizerPinRecord)).toBe(false);
    expect(await verifyOrganizerPin('482193', { ...good, iterations: 2 ** 40 })).toBe(false);
  });
});

describe('which PIN is in force', () => {
  const rec = (hash: string, setAt: string): OrganizerPinRecord => ({ algo: 'pbkdf2-sha256', iterations: 1, salt: '00', hash, setAt, setBy: 'o' });

  it('takes the newest PIN on any event, so switching to an event without one opens nothing', () => {
    const old = rec('aa', '2019-11-01T00:00:00Z');
    const newer = rec('bb', '2019-12-01T00:00:00Z');
    expect(effectiveOrganizerPin([{ organizerPin: old }, {}, { organizerPin: newer }])).toBe(newer);
    expect(effectiveOrganizerPin([{ organizerPin: newer }, { organizerPin: old }])).toBe(newer);
    expect(effectiveOrganizerPin([{}, { organizerPin: null }])).toBeNull();
  });

  it('breaks a tie on time by hash, the same way on every device', () => {
    const a = rec('aa', '2019-12-01T00:00:00Z');
    const b = rec('bb', '2019-12-01T00:00:00Z');
    expect(effectiveOrganizerPin([{ organizerPin: a }, { organizerPin: b }])).toBe(b);
    expect(effectiveOrganizerPin([{ organizerPin: b }, { organizerPin: a }])).toBe(b);
  });
});

describe('when the gate asks', () => {
  const pin = { algo: 'pbkdf2-sha256', iterations: 1, salt: '00', hash: 'ff', setAt: '', setBy: '' } as const;
  const now = 1_000_000;

  it('asks on desk, district and juror devices with a PIN set and no running unlock', () => {
    for (const role of ['desk', 'district', 'juror'] as const) {
      expect(needsOrganizerPin({ role, pin, unlockedUntil: 0, now })).toBe(true);
      expect(needsOrganizerPin({ role, pin, unlockedUntil: now, now })).toBe(true); // the unlock has just ended
      expect(needsOrganizerPin({ role, pin, unlockedUntil: now + 1, now })).toBe(false);
    }
  });

  it('never asks on the organizer device, nor before any PIN was set', () => {
    expect(needsOrganizerPin({ role: 'organizer', pin, unlockedUntil: 0, now })).toBe(false);
    expect(needsOrganizerPin({ role: 'desk', pin: null, unlockedUntil: 0, now })).toBe(false);
  });
});

describe('wrong PINs are rate-limited', () => {
  it('allows a few wrong tries, then waits 30 s doubling up to 15 min', () => {
    expect([0, 1, 2].map(waitAfter)).toEqual([0, 0, 0]);
    expect(waitAfter(FREE_ATTEMPTS)).toBe(30_000);
    expect(waitAfter(FREE_ATTEMPTS + 1)).toBe(60_000);
    expect(waitAfter(FREE_ATTEMPTS + 2)).toBe(120_000);
    expect(waitAfter(50)).toBe(15 * 60_000);
  });

  it('counts wrong attempts, refuses even the right PIN during a wait, and clears on success', async () => {
    const record = await makeOrganizerPin('735512', fast);
    let state: PinAttempts = noAttempts;
    let t = 5_000_000;
    for (let i = 1; i <= FREE_ATTEMPTS; i += 1) {
      const r = await tryOrganizerPin(record, '000000', state, t);
      expect(r.result).toBe('wrong');
      state = r.attempts;
      expect(state.failures).toBe(i);
    }
    // the third wrong one started a wait
    const blocked = await tryOrganizerPin(record, '735512', state, t + 1000);
    expect(blocked).toMatchObject({ result: 'wait', wait: 29_000 });
    expect(blocked.attempts).toBe(state); // a refused attempt is not counted
    t += 30_000;
    const wrongAgain = await tryOrganizerPin(record, '111111', state, t);
    expect(wrongAgain).toMatchObject({ result: 'wrong', wait: 60_000 });
    state = wrongAgain.attempts;
    expect((await tryOrganizerPin(record, '735512', state, t + 59_999)).result).toBe('wait');
    const ok = await tryOrganizerPin(record, '735512', state, t + 60_000);
    expect(ok).toEqual({ result: 'ok', attempts: noAttempts });
  });

  it('says how long to wait in Russian', () => {
    expect(wordRu(formatWait(29_001))).toBe('30 с');
    expect(wordRu(formatWait(60_000))).toBe('1 мин');
    expect(wordRu(formatWait(150_000))).toBe('2 мин 30 с');
  });
});
