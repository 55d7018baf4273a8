import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError, decodeValue, encodeValue, fromBase64, packBackup, readBlobs, toBase64, unpackBackup } from '../../../../shared/backup/format';
import { backupFileName, backupNameTime, isBackupFileName } from '../../../../shared/backup/names';
import { gzip } from '../../../../shared/sync/gzip';
import { header } from './fixtures';


async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  expect((err as Error).message).toMatch(/[а-я]/); // a Russian sentence for the user
  return (err as BackupError).code;
}

describe('encodeValue / decodeValue', () => {
  it('round-trips what IndexedDB stores and JSON cannot say', () => {
    const value = {
      bytes: new Uint8Array([0, 1, 254, 255]),
      empty: new Uint8Array(0),
      nothing: undefined,
      nan: NaN,
      inf: -Infinity,
      negZero: -0,
      date: new Date(Date.UTC(2019, 8, 27)),
      list: [undefined, null, 'ё', { $t: 'bytes', b64: 'AA==' }],
      nested: { $t: 'imposter', deeper: { $t: 'undef' } },
    };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.keys(back)).toContain('nothing');
    expect(Object.is(back.negZero, -0)).toBe(true);
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(back.nested).toEqual({ $t: 'imposter', deeper: { $t: 'undef' } });
  });

  it('round-trips any JSON-like value with byte arrays inside (property)', () => {
    const leaf = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.uint8Array({ maxLength: 50 }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constant('$t')), tie('node'), { maxKeys: 4, noNullPrototype: true })),
    })).node;
    fc.assert(
      fc.property(tree, (v) => {
        expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(v))))).toStrictEqual(v);
      }),
    );
  });

  it('keeps a field named «__proto__» as a field, whatever its value (found by the property above)', () => {
    for (const inner of [undefined, 'x', { a: 1 }]) {
      const row = JSON.parse('{"id":"p1"}') as Record<string, unknown>;
      Object.defineProperty(row, '__proto__', { value: inner, enumerable: true, writable: true, configurable: true });
      const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(row)))) as Record<string, unknown>;
      expect(Object.hasOwn(back, '__proto__')).toBe(true);
      expect(back['__proto__']).toStrictEqual(inner);
      expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    }
  });

  it('base64 matches Node for bytes beyond one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
  });

  it('reads Blobs to bytes and gives them back as Blobs of the same type', async () => {
    const row = { id: 'a', file: new Blob([new Uint8Array([1, 2, 3])], { type: 'application/pdf' }) };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(await readBlobs(row))))) as typeof row;
    expect(back.file).toBeInstanceOf(Blob);
    expect(back.file.type).toBe('application/pdf');
    expect([...new Uint8Array(await back.file.arrayBuffer())]).toEqual([1, 2, 3]);
  });
});

describe('packBackup / unpackBackup', () => {
  it('round-trips header and tables, with counts from the rows', async () => {
    const tables = { events: [{ id: 'e1', title: 'Сход-2019' }], attachments: [{ id: 'x', bytes: new Uint8Array([9, 8, 7]) }], scores: [] };
    const file = await packBackup(header, tables);
    const back = await unpackBackup(file);
    expect(back.header).toEqual({ format: 'skhod-backup', version: 1, ...header, counts: { events: 1, attachments: 1, scores: 0 } });
    expect(back.tables).toStrictEqual(tables);
  });

  it('round-trips tables written in several slices, empty tables between them included', async () => {
    const people = Array.from({ length: 4001 }, (_, i) => ({ id: `p${i}`, surname: i % 2 ? 'Муталлапова' : 'Яхин', n: i }));
    const tables = { empty: [], people, alsoEmpty: [], one: [{ id: 'x' }] };
    const back = await unpackBackup(await packBackup(header, tables));
    expect(back.tables).toStrictEqual(tables);
    expect(back.header.counts).toEqual({ empty: 0, people: 4001, alsoEmpty: 0, one: 1 });
  });

  it('refuses a foreign file, an exchange file and an empty file as not a backup', async () => {
    expect(await codeOf(unpackBackup(new TextEncoder().encode('Фамилия;Имя\nИванов;Иван')))).toBe('not-a-backup');
    expect(await codeOf(unpackBackup(new Uint8Array([...new TextEncoder().encode('SKHODEX'), 1, 0, 0, 0, 2])))).toBe('not-a-backup');
    expect(await codeOf(unpackBackup(new Uint8Array()))).toBe('not-a-backup');
  });

  it('refuses a file of a newer format version', async () => {
    const file = await packBackup(header, {});
    file[7] = 3;
    expect(await codeOf(unpackBackup(file))).toBe('unsupported-version');
    file[7] = 2; // sealed (seal.ts): opened with its passphrase first
    expect(await codeOf(unpackBackup(file))).toBe('passphrase-needed');
  });

  it('refuses a damaged or truncated file as corrupt', async () => {
    const file = await packBackup(header, { people: Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, surname: 'Муталлапова' })) });
    const flipped = file.slice();
    flipped[flipped.length - 20]! ^= 0xff;
    expect(await codeOf(unpackBackup(flipped))).toBe('corrupt');
    expect(await codeOf(unpackBackup(file.subarray(0, file.length - 10)))).toBe('corrupt');
  });

  it('refuses a well-formed file whose counts disagree with its rows, or whose header is missing', async () => {
    const wrap = async (json: unknown) => new Uint8Array([...new TextEncoder().encode('SKHODBK'), 1, ...(await gzip(new TextEncoder().encode(JSON.stringify(json))))]);
    const good = { header: { format: 'skhod-backup', version: 1, ...header, counts: { events: 1 } }, tables: { events: [{ id: 'e1' }] as unknown[] } };
    expect((await unpackBackup(await wrap(good))).tables['events']).toEqual([{ id: 'e1' }]);
    expect(await codeOf(unpackBackup(await wrap({ ...good, header: { ...good.header, counts: { events: 2 } } })))).toBe('corrupt');
    expect(await codeOf(unpackBackup(await wrap({ ...good, tables: { events: [{ id: 'e1' }], extra: [] } })))).toBe('corrupt');
    expect(await codeOf(unpackBackup(await wrap({ tables: good.tables })))).toBe('corrupt');
    expect(await codeOf(unpackBackup(await wrap({ ...good, tables: { events: [{ $t: 'bytes', b64: '%%%' }] } })))).toBe('corrupt');
    expect(await codeOf(unpackBackup(await wrap([1, 2, 3])))).toBe('corrupt');
  });

  it('refuses a file above the size limit before reading it, and a "zip bomb" while inflating', async () => {
    const file = await packBackup(header, { people: [{ id: 'p', note: 'а'.repeat(200_000) }] });
    expect(await codeOf(unpackBackup(file, { maxFileBytes: file.length - 1 }))).toBe('too-large');
    expect(file.length).toBeLessThan(10_000);
    expect(await codeOf(unpackBackup(file, { maxJsonBytes: 100_000 }))).toBe('too-large');
    expect((await unpackBackup(file, { maxFileBytes: file.length, maxJsonBytes: 1_000_000 })).header.counts).toEqual({ people: 1 });
  });
});

describe('backup file names', () => {
  it('encode the UTC time, sort by it and validate strictly', () => {
    const at = new Date(Date.UTC(2019, 8, 27, 8, 30, 15, 42));
    const name = backupFileName(at, 'k3x9q2');
    expect(name).toBe('skhod-20190927-083015042-k3x9q2.skhod-backup');
    expect(isBackupFileName(name)).toBe(true);
    expect(backupNameTime(name)).toBe(at.getTime());
    expect(backupFileName(new Date(at.getTime() + 1), 'aaaaaa') > name).toBe(true);
    for (const bad of ['../' + name, name + '/x', name.toUpperCase(), name.replace('.skhod-backup', '.info.json'), ` ${name}`, 'skhod-2019-1.skhod-backup']) {
      expect(isBackupFileName(bad), bad).toBe(false);
    }
    expect(() => backupFileName(at, '../x')).toThrow();
  });
});
