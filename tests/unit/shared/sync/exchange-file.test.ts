import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../../shared/sync/change';
import {
  buildExchangeFile,
  countByTable,
  ExchangeError,
  openExchangeEnvelope,
  readExchangeFile,
  type ExchangeErrorCode,
  type ExchangeHeaderInput,
  type ReadOptions,
} from '../../../../shared/sync/exchange-file';
import { createClock } from '../../../../shared/sync/hlc';
import { createSigner, generateDeviceKeys, type Signer } from '../../../../shared/sync/signing';
import { signBatch, verifyBatches } from '../../../../shared/trust/batches';
import { newEventKey } from '../../../../shared/trust/event-key';

const DESK = 'desk-7f3c1a2e';
let signer: Signer;
let stranger: Signer;
const KEY = newEventKey();
const withKey = (over: Partial<ReadOptions> = {}): ReadOptions => ({ eventKey: () => KEY, ...over });
/** A file of the desk's own changes, as one batch it signed (the desk is the event's root here). */
async function build(changes: ChangeRecord[], h: ExchangeHeaderInput = header(), by: Signer = signer): Promise<Uint8Array> {
  const batches = changes.length ? [await signBatch(by, h.eventId, changes)] : [];
  return buildExchangeFile({ header: h, batches, counts: countByTable(changes) }, by, KEY);
}

beforeAll(async () => {
  signer = await createSigner(DESK, await generateDeviceKeys());
  stranger = await createSigner(DESK, await generateDeviceKeys()); // same id, another key
});

const header = (over: Partial<ExchangeHeaderInput> = {}): ExchangeHeaderInput => ({
  eventId: 'event-2025',
  sender: { deviceId: DESK, name: 'Стойка регистрации 1', role: 'desk' },
  createdAt: '2025-10-01T09:30:00.000Z',
  since: { 'organizer-1': '001759300000000-00000-organizer-1' },
  seen: { [DESK]: '001759311000000-00003-desk-7f3c1a2e' },
  known: { 'organizer-1': { 'organizer-1': '001759300000000-00000-organizer-1' } },
  ...over,
});

/** A realistic mix: people, registrations, check-ins, a delete, Cyrillic and nulls. */
function makeChanges(n: number): ChangeRecord[] {
  let t = 1_759_300_000_000;
  const clock = createClock(DESK, () => (t += 7));
  const out: ChangeRecord[] = [];
  for (let i = 0; i < n; i++) {
    const hlc = clock.tick();
    const kind = i % 10;
    if (kind < 4) out.push({ hlc, device: DESK, table: 'people', rowId: `p${i}`, op: 'put', fields: { id: `p${i}`, surname: 'Кузнецова', name: 'Анна', patronymic: null, phone: `+7 900 ${String(i).padStart(7, '0')}` } });
    else if (kind < 7) out.push({ hlc, device: DESK, table: 'registrations', rowId: `r${i}`, op: 'put', fields: { id: `r${i}`, personId: `p${i - 4}`, sectionPrefs: ['s1', 's3'], status: 'confirmed' } });
    else if (kind < 9) out.push({ hlc, device: DESK, table: 'checkins', rowId: `c${i}`, op: 'put', fields: { id: `c${i}`, registrationId: `r${i - 3}`, kind: 'arrive', device: DESK, operator: 'Оля', hlc } });
    else out.push({ hlc, device: DESK, table: 'people', rowId: `p${i - 9}`, op: 'delete', fields: {} });
  }
  return out;
}

async function refusal(p: Promise<unknown>): Promise<ExchangeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ExchangeError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('exchange files', () => {
  it('round-trips 10,000 changes with the header and counts', async () => {
    const changes = makeChanges(10_000);
    const bytes = await build(changes);
    const file = await readExchangeFile(bytes, withKey({ expectEventId: 'event-2025', verify: { knownKey: () => signer.publicKey } }));
    const verified = await verifyBatches({ eventId: 'event-2025', deviceId: DESK, publicKey: signer.publicKey }, file.batches);
    expect(verified.accepted.flatMap((b) => b.changes)).toEqual(changes);
    expect(file.header).toEqual({ format: 'skhod-exchange', version: 2, ...header(), counts: { people: 5_000, registrations: 3_000, checkins: 2_000 } });
    expect(file.trust).toBe('known');
    // compact: far below the JSON it carries
    expect(bytes.length).toBeLessThan(JSON.stringify(changes).length / 8);
  });

  it('reads an empty file, and a sender with no known key as first use', async () => {
    const file = await readExchangeFile(await build([], header({ since: undefined, known: undefined })), withKey());
    expect(file.batches).toEqual([]);
    expect(file.trust).toBe('first-use');
    expect(file.publicKey).toBe(signer.publicKey);
  });

  it('refuses a file with any one byte flipped, anywhere', async () => {
    const bytes = await build(makeChanges(20));
    // layout (exchange-file.ts): magic+version 8, envelope length 4, envelope, sealed body, signature, 2
    const bodyStart = 12 + new DataView(bytes.buffer).getUint32(8);
    const signatureEnd = bytes.length - 2;
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const bad = bytes.slice();
        bad[i]! ^= mask;
        const e = await refusal(readExchangeFile(bad, withKey({ expectEventId: 'event-2025' })));
        // the signature is checked before anything is decrypted: a change to the body or the signature
        // is always tampering; the framing around them may also read as damaged or foreign
        if (i >= bodyStart && i < signatureEnd) expect(e.code, `byte ${i}`).toBe('tampered');
        else expect(['tampered', 'corrupt', 'not-an-exchange-file', 'unsupported-version', 'old-version']).toContain(e.code);
      }
    }
  });

  it('refuses a truncated file', async () => {
    const bytes = await build(makeChanges(50));
    for (const keep of [bytes.length - 1, bytes.length - 70, Math.floor(bytes.length / 2), 13, 9]) {
      expect(['tampered', 'corrupt', 'not-an-exchange-file']).toContain((await refusal(readExchangeFile(bytes.subarray(0, keep), withKey()))).code);
    }
  });

  it('refuses a file of another event', async () => {
    const bytes = await build(makeChanges(5));
    const e = await refusal(readExchangeFile(bytes, withKey({ expectEventId: 'event-2026' })));
    expect(e.code).toBe('wrong-event');
    expect(e.message).toMatch(/другому мероприятию/);
  });

  it('refuses garbage, other files of the app, and an empty file as not an exchange file', async () => {
    const samples = [
      new Uint8Array(),
      new TextEncoder().encode('Фамилия;Имя;Телефон\nИванов;Иван;+7 900 000-00-00\n'),
      new TextEncoder().encode('{"format":"skhod-score-file","payload":"{}","signature":"x"}'),
      new TextEncoder().encode('{"format":"skhod-juror-package"}'),
      crypto.getRandomValues(new Uint8Array(4096)),
      new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), // a bare gzip header
    ];
    for (const s of samples) expect((await refusal(readExchangeFile(s, withKey()))).code).toBe('not-an-exchange-file');
    expect((await refusal(readExchangeFile(samples[2]!, withKey()))).message).toMatch(/файл оценок/);
  });

  it('refuses a file of a newer format version with a hint to update', async () => {
    const bytes = await build([]);
    bytes[7] = 3;
    const e = await refusal(readExchangeFile(bytes, withKey()));
    expect(e.code).toBe('unsupported-version');
    expect(e.message).toMatch(/Обновите/);
  });

  it('refuses a file of the previous format (changes vouched for by the sender only) with a Russian message', async () => {
    const bytes = await build(makeChanges(3));
    bytes[7] = 1;
    const e = await refusal(readExchangeFile(bytes, withKey()));
    expect(e.code).toBe('old-version');
    expect(e.message).toMatch(/прежней версией Сход.*Обновите Сход на устройстве-отправителе/);
  });

  it('cannot be opened without the event key (named error), opens with it, and the hub reads only its envelope', async () => {
    const bytes = await build(makeChanges(30));
    expect((await refusal(readExchangeFile(bytes, { eventKey: () => undefined }))).code).toBe('no-event-key');
    const other = newEventKey();
    const wrong = await refusal(readExchangeFile(bytes, { eventKey: () => other }));
    expect(wrong.code).toBe('no-event-key');
    expect(wrong.message).toMatch(/не подключено к этому мероприятию/);
    expect((await readExchangeFile(bytes, withKey())).batches).toHaveLength(1);
    const envelope = await openExchangeEnvelope(bytes, { verify: { knownKey: () => signer.publicKey } });
    expect([envelope.deviceId, envelope.eventId, envelope.trust]).toEqual([DESK, 'event-2025', 'known']);
  });

  it('refuses an unknown sender when asked to, and a known device signing with another key', async () => {
    const bytes = await build([]);
    expect((await refusal(readExchangeFile(bytes, withKey({ verify: { unknownSender: 'refuse' } })))).code).toBe('unknown-sender');
    const impostor = await build(makeChanges(3), header(), stranger);
    expect((await refusal(readExchangeFile(impostor, withKey({ verify: { knownKey: () => signer.publicKey } })))).code).toBe('unknown-sender');
  });

  it('refuses a file re-signed by someone else with the sender’s key swapped in (the signature no longer fits)', async () => {
    const bytes = await build(makeChanges(3), header(), stranger);
    const swapped = new TextDecoder('latin1').decode(bytes).replace(stranger.publicKey, signer.publicKey);
    const e = await refusal(readExchangeFile(Uint8Array.from(swapped, (ch) => ch.charCodeAt(0)), withKey({ verify: { knownKey: () => signer.publicKey } })));
    expect(e.code).toBe('tampered');
  });

  it('will not sign a header in another device’s name', async () => {
    await expect(build([], header({ sender: { deviceId: 'organizer-1', name: 'x', role: 'organizer' } }))).rejects.toThrow(/signer/);
  });

  it('every refusal message is Russian and says what to do', async () => {
    const codes: ExchangeErrorCode[] = ['not-an-exchange-file', 'unsupported-version', 'old-version', 'tampered', 'wrong-event', 'unknown-sender', 'no-event-key', 'not-enrolled', 'corrupt'];
    for (const code of codes) expect(new ExchangeError(code).message).toMatch(/^[А-ЯЁ][^a-z]*(Выберите|Обновите|Попросите|Откройте|Подключите|Скопируйте)/);
  });
});
