/**
 * Score files: a genuine file is accepted, and each kind of bad file is refused with its reason —
 * any flipped byte, another contest, a key not bound to the invitation, an unknown juror, a replayed
 * older version, something that is not a score file at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64Url, generateDeviceKey, hmacSha256, randomSecret, signBytes, toBase64Url, exportPublicKey } from '../../../../shared/crypto';
import { SCORE_FILE_VERSION, verifyScoreFile, writeScoreFile } from '../../../../shared/contest/score-file';
import type { VerifyOptions } from '../../../../shared/contest/score-file';
import { mergeScores, reopenScore, storedVersions } from '../../../../shared/contest/scores';
import { CONTEST, score } from './fixtures';

const secret = randomSecret();
let keyPair: CryptoKeyPair;
let file: Uint8Array;
const sheets = [score('j1', 'a1', 3, { values: { k1: 7, k2: 8 }, status: 'final', comment: 'Обоснование: «проект нужен району»' }), score('j1', 'a2', 1)];
const opts = (over: Partial<VerifyOptions> = {}): VerifyOptions => ({ contestId: CONTEST, jurors: new Map([['j1', { invitationSecret: secret }]]), stored: new Map(), ...over });

beforeAll(async () => {
  keyPair = await generateDeviceKey();
  file = await writeScoreFile({ contestId: CONTEST, jurorId: 'j1', invitationSecret: secret, keyPair, scores: sheets, createdAt: '2019-12-25T12:00:00Z' });
});

const flip = (bytes: Uint8Array, i: number, mask: number) => {
  const out = new Uint8Array(bytes);
  out[i] = out[i]! ^ mask;
  return out;
};

describe('verifyScoreFile', () => {
  it('accepts a genuine file and rebuilds the sheets under the signed juror', async () => {
    const v = await verifyScoreFile(file, opts());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.jurorId).toBe('j1');
    expect(v.accepted).toEqual(sheets);
    expect(v.unchanged).toEqual([]);
    expect(v.refused).toEqual([]);
    expect(v.publicKey).toBe(await exportPublicKey(keyPair.publicKey));
  });

  it('refuses every single flipped byte as tampered', async () => {
    // exhaustive for one bit, then random masks
    for (let i = 0; i < file.length; i++) {
      const v = await verifyScoreFile(flip(file, i, 0x01), opts());
      expect(v.ok ? 'accepted' : v.code, `byte ${i}`).toBe('tampered');
    }
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, mask) => {
        const v = await verifyScoreFile(flip(file, i, mask), opts());
        // the last «}» turned into a space or a quote reads exactly like a file cut short there
        expect(v.ok ? 'accepted' : v.code).toBe(i === file.length - 1 && (v.ok || v.code === 'truncated') ? 'truncated' : 'tampered');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a file cut short anywhere as «файл неполный», and an extended one as tampered', async () => {
    for (let cut = 30; cut < file.length; cut++) {
      const v = await verifyScoreFile(file.slice(0, cut), opts());
      expect(v.ok ? 'accepted' : v.code, `cut at ${cut}`).toBe('truncated');
    }
    const v = await verifyScoreFile(file.slice(0, file.length >> 1), opts());
    expect(v.ok ? '' : v.message).toMatch(/^Файл оценок неполный/);
    const extended = await verifyScoreFile(new Uint8Array([...file, 0x20]), opts());
    expect(extended.ok ? 'accepted' : extended.code).toBe('tampered');
  });

  it('refuses, sheet by sheet, a validly signed value outside the form (k = 9.99, 11, −3) or an unknown criterion', async () => {
    const form = { commentRequired: false, criteria: ['k1', 'k2'].map((id) => ({ id, title: id === 'k1' ? 'Актуальность' : 'Бюджет', description: '', min: 0, max: 10, weight: 1, bands: [] })) };
    const bad = [
      score('j1', 'a1', 2, { values: { k1: 9.99, k2: 8 }, status: 'final' }),
      score('j1', 'a2', 2, { values: { k1: 7, k2: 8, k9: 10 }, status: 'final' }),
      score('j1', 'a3', 2, { values: { k1: 11, k2: -3 }, status: 'final' }),
      score('j1', 'a4', 2, { values: { k1: 7, k2: null }, status: 'draft' }),
    ];
    const signed = await writeScoreFile({ contestId: CONTEST, jurorId: 'j1', invitationSecret: secret, keyPair, scores: bad, createdAt: '2019-12-25T12:00:00Z' });
    const v = await verifyScoreFile(signed, opts({ forms: new Map(['a1', 'a2', 'a3', 'a4'].map((a) => [a, form])) }));
    if (!v.ok) throw new Error(v.message);
    expect(v.accepted.map((s) => s.applicationId)).toEqual(['a4']);
    expect(v.refused.map((r) => [r.applicationId, r.code])).toEqual([
      ['a1', 'invalid-values'],
      ['a2', 'invalid-values'],
      ['a3', 'invalid-values'],
    ]);
    expect(v.refused[0]!.message).toContain('«Актуальность»: 9,99 — не подходит; оценка от 0 до 10, целое число.');
    expect(v.refused[1]!.message).toContain('Критерия «k9» нет в форме номинации.');
    expect(v.refused[2]!.message).toMatch(/11 — не подходит.*−3|-3 — не подходит/);
  });

  it('refuses a file for another contest', async () => {
    const v = await verifyScoreFile(file, opts({ contestId: 'c-other' }));
    expect(v).toMatchObject({ ok: false, code: 'wrong-contest', message: 'Файл оценок относится к другому конкурсу.' });
  });

  it('refuses a juror who is not on the jury', async () => {
    const v = await verifyScoreFile(file, opts({ jurors: new Map([['j2', { invitationSecret: secret }]]) }));
    expect(v.ok ? 'accepted' : v.code).toBe('unknown-juror');
  });

  it('refuses a file signed by a key not bound to the juror’s invitation', async () => {
    // someone who knows the juror id but not the invitation secret
    const intruder = await generateDeviceKey();
    const forged = await writeScoreFile({ contestId: CONTEST, jurorId: 'j1', invitationSecret: randomSecret(), keyPair: intruder, scores: sheets, createdAt: '2019-12-25T12:00:00Z' });
    const v = await verifyScoreFile(forged, opts());
    expect(v.ok ? 'accepted' : v.code).toBe('wrong-key');
    if (!v.ok) expect(v.message).toContain('не связанным с приглашением');

    // the genuine payload and binding, re-signed with another key under it
    const env = JSON.parse(new TextDecoder().decode(file)) as { payload: string };
    const payload = JSON.parse(env.payload) as Record<string, unknown>;
    payload.publicKey = await exportPublicKey(intruder.publicKey);
    const text = JSON.stringify(payload);
    const sig = toBase64Url(await signBytes(intruder.privateKey, new TextEncoder().encode(text)));
    const resigned = new TextEncoder().encode(JSON.stringify({ format: 'skhod-score-file', payload: text, signature: sig }));
    const w = await verifyScoreFile(resigned, opts());
    expect(w.ok ? 'accepted' : w.code).toBe('wrong-key');
  });

  it('refuses an older version per sheet, treats the same version as a no-op, takes a newer one', async () => {
    const stored = new Map([
      ['j1|a1', 5],
      ['j1|a2', 1],
    ]);
    const v = await verifyScoreFile(file, opts({ stored, applicationTitle: (id) => (id === 'a1' ? 'Школа волонтёров' : undefined) }));
    if (!v.ok) throw new Error(v.message);
    expect(v.accepted).toEqual([]);
    expect(v.unchanged.map((s) => s.applicationId)).toEqual(['a2']);
    expect(v.refused).toMatchObject([
      { applicationId: 'a1', code: 'stale', version: 3, storedVersion: 5, message: 'Оценка заявки «Школа волонтёров» пропущена: в файле версия 3, а загружена уже более новая (5).' },
    ]);
  });

  it('importing the same file twice changes nothing', async () => {
    const first = await verifyScoreFile(file, opts());
    if (!first.ok) throw new Error(first.message);
    const state = mergeScores([], first.accepted).scores;
    const second = await verifyScoreFile(file, opts({ stored: storedVersions(state) }));
    if (!second.ok) throw new Error(second.message);
    expect(second.accepted).toEqual([]);
    expect(second.refused).toEqual([]);
    expect(mergeScores(state, [...second.accepted, ...second.unchanged]).scores).toEqual(state);
  });

  it('refuses sheets for applications not assigned to the juror, when assignments are given', async () => {
    const v = await verifyScoreFile(file, opts({ jurors: new Map([['j1', { invitationSecret: secret, applicationIds: new Set(['a1']) }]]) }));
    if (!v.ok) throw new Error(v.message);
    expect(v.accepted.map((s) => s.applicationId)).toEqual(['a1']);
    expect(v.refused.map((r) => [r.applicationId, r.code])).toEqual([['a2', 'not-assigned']]);
  });

  it('recognizes what is not a score file', async () => {
    const cases = [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), // an xlsx / zip
      new TextEncoder().encode('{"hello":"world"}'),
      new TextEncoder().encode('[1,2,3]'),
      new Uint8Array(0),
      new TextEncoder().encode('Фамилия;Имя\nИванов;Иван'),
    ];
    for (const bytes of cases) {
      const v = await verifyScoreFile(bytes, opts());
      expect(v.ok ? 'accepted' : v.code).toBe('not-a-score-file');
    }
    const pkg = await verifyScoreFile(new TextEncoder().encode('{"format":"skhod-juror-package","version":1}'), opts());
    expect(pkg.ok ? '' : pkg.message).toContain('Это пакет эксперта');
  });

  it('asks to update the app for a genuine file of a newer format version', async () => {
    const env = JSON.parse(new TextDecoder().decode(file)) as { payload: string };
    const payload = { ...(JSON.parse(env.payload) as Record<string, unknown>), version: SCORE_FILE_VERSION + 1 };
    const text = JSON.stringify(payload);
    const sig = toBase64Url(await signBytes(keyPair.privateKey, new TextEncoder().encode(text)));
    const v = await verifyScoreFile(new TextEncoder().encode(JSON.stringify({ format: 'skhod-score-file', payload: text, signature: sig })), opts());
    expect(v.ok ? 'accepted' : v.code).toBe('unsupported-version');
  });

  it('binds the key with HMAC-SHA-256 of the raw public key under the invitation secret', async () => {
    const env = JSON.parse(new TextDecoder().decode(file)) as { payload: string };
    const payload = JSON.parse(env.payload) as { publicKey: string; keyBinding: string };
    const expected = toBase64Url(await hmacSha256(fromBase64Url(secret)!, fromBase64Url(payload.publicKey)!));
    expect(payload.keyBinding).toBe(expected);
    expect(fromBase64Url(payload.publicKey)).toHaveLength(65);
  });

  it('refuses to write another juror’s sheet', async () => {
    await expect(writeScoreFile({ contestId: CONTEST, jurorId: 'j2', invitationSecret: secret, keyPair, scores: sheets, createdAt: '' })).rejects.toThrow(/another juror/);
  });
});

describe('reopened sheets («вернуть на доработку»)', () => {
  const final = score('j1', 'a1', 5, { values: { k1: 7, k2: 8 }, status: 'final', comment: 'Обоснование' });
  const grant = { id: 'g1', reason: 'Не оценён бюджет проекта', by: 'организатор (Ноутбук 1)', at: '2019-12-23T09:00:00Z' };
  const stored = { stored: new Map([['j1|a1', 5]]), storedSheets: new Map([['j1|a1', { status: 'final' as const }]]) };
  const write = (scores: Parameters<typeof writeScoreFile>[0]['scores']) =>
    writeScoreFile({ contestId: CONTEST, jurorId: 'j1', invitationSecret: secret, keyPair, scores, createdAt: '2019-12-23T12:00:00Z' });

  it('a file without reopened sheets stays version 1, readable by the first release; with one it is version 2 and carries the reason', async () => {
    const plain = JSON.parse((JSON.parse(new TextDecoder().decode(file)) as { payload: string }).payload) as { version: number };
    expect(plain.version).toBe(1);
    const reopened = reopenScore(final, grant, '2019-12-23T10:00:00Z')!;
    const bytes = await write([reopened]);
    const payload = JSON.parse((JSON.parse(new TextDecoder().decode(bytes)) as { payload: string }).payload) as { version: number; scores: Array<{ reopened: unknown }> };
    expect(payload.version).toBe(2);
    expect(payload.scores[0]!.reopened).toEqual([grant]);
    const v = await verifyScoreFile(bytes, opts({ ...stored, grants: new Map([['j1|a1', [grant]]]) }));
    expect(v.ok && v.accepted).toEqual([{ ...reopened }]);
    expect(v.ok && v.accepted[0]!.status).toBe('draft');
  });

  it('accepts a sheet reopened under the organizer’s grant, then finalized again', async () => {
    const reopened = reopenScore(final, grant, '2019-12-23T10:00:00Z')!;
    const refinal = { ...reopened, values: { k1: 9, k2: 8 }, status: 'final' as const, version: reopened.version + 2 };
    const v = await verifyScoreFile(await write([refinal]), opts({ ...stored, grants: new Map([['j1|a1', [grant]]]) }));
    expect(v.ok && v.accepted.map((s) => [s.version, s.status, s.reopened?.[0]?.reason])).toEqual([[8, 'final', 'Не оценён бюджет проекта']]);
  });

  it('refuses a finalized sheet changed without a grant, and a grant the organizer never issued', async () => {
    const sneaky = { ...final, values: { k1: 10, k2: 10 }, version: 6 };
    const v = await verifyScoreFile(await write([sneaky]), opts({ ...stored, grants: new Map() }));
    expect(v.ok && v.accepted).toEqual([]);
    expect(v.ok && v.refused.map((r) => [r.code, r.message])).toEqual([
      ['unauthorized-reopen', 'Оценка заявки «a1» пропущена: лист уже был завершён, а эта версия изменена без возврата организатором на доработку.'],
    ]);
    const forgedGrant = reopenScore(final, { ...grant, id: 'made-up' }, '2019-12-23T10:00:00Z')!;
    const w = await verifyScoreFile(await write([forgedGrant]), opts({ ...stored, grants: new Map([['j1|a1', [grant]]]) }));
    expect(w.ok && w.refused.map((r) => r.code)).toEqual(['unauthorized-reopen']);
    expect(w.ok && w.refused[0]!.message).toContain('без решения организатора');
    // the same grant a second time does not license another change of the re-finalized sheet
    const reopened = reopenScore(final, grant, '2019-12-23T10:00:00Z')!;
    const refinal = { ...reopened, status: 'final' as const, version: 8 };
    const again = { ...refinal, values: { k1: 0, k2: 0 }, version: 9 };
    const x = await verifyScoreFile(await write([again]), opts({ stored: new Map([['j1|a1', 8]]), storedSheets: new Map([['j1|a1', refinal]]), grants: new Map([['j1|a1', [grant]]]) }));
    expect(x.ok && x.refused.map((r) => r.code)).toEqual(['unauthorized-reopen']);
  });

  it('reopenScore applies a grant once: draft, version + 1, the grant remembered', () => {
    const once = reopenScore(final, grant, '2019-12-23T10:00:00Z')!;
    expect(once).toMatchObject({ status: 'draft', version: 6, reopened: [grant], values: final.values });
    expect(reopenScore(once, grant, '2019-12-23T11:00:00Z')).toBeNull();
  });
});
