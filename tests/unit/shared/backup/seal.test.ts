import { describe, expect, it } from 'vitest';
import { BackupError, packBackup, unpackBackup } from '../../../../shared/backup/format';
import { deriveBackupSeal, isSealedBackup, openSealedBackup, sealBackup, SEAL_PARAMS } from '../../../../shared/backup/seal';
import { gunzip } from '../../../../shared/sync/gzip';
import { header } from './fixtures';

/** A cheap scrypt for tests (the file carries its parameters; real seals use SEAL_PARAMS). */
const CHEAP = { log2N: 10, r: 8, p: 1 };
/** The envelope's clear header: magic + version, KDF 4, salt 16, check 16, iv 12. */
const HEADER = 8 + 4 + 16 + 16 + 12;

const tables = { people: [{ id: 'p1', surname: 'Гарифуллина', name: 'Алсу' }] };

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  expect((err as Error).message).toMatch(/[а-я]/);
  return (err as BackupError).code;
}

async function sealed(passphrase = 'верный пароль 1') {
  const plain = await packBackup(header, tables);
  const file = await sealBackup(plain, await deriveBackupSeal(passphrase, CHEAP));
  return { plain, file };
}

describe('sealBackup / openSealedBackup', () => {
  it('opens with the right passphrase to the very file that was sealed', async () => {
    const { plain, file } = await sealed();
    expect(isSealedBackup(file)).toBe(true);
    expect(isSealedBackup(plain)).toBe(false);
    const opened = await openSealedBackup(file, 'верный пароль 1');
    expect([...opened]).toEqual([...plain]);
    expect((await unpackBackup(opened)).tables).toEqual(tables);
  });

  it('gives each file its own iv: two seals of one backup differ', async () => {
    const plain = await packBackup(header, tables);
    const seal = await deriveBackupSeal('верный пароль 1', CHEAP);
    const [a, b] = [await sealBackup(plain, seal), await sealBackup(plain, seal)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('refuses a wrong passphrase by name', async () => {
    const { file } = await sealed();
    expect(await codeOf(openSealedBackup(file, 'неверный пароль'))).toBe('wrong-passphrase');
    expect(await codeOf(openSealedBackup(file, 'верный пароль 2'))).toBe('wrong-passphrase');
    expect(await codeOf(openSealedBackup(file, ''))).toBe('wrong-passphrase');
  });

  it('refuses an altered byte anywhere past the salt and check as corrupt', async () => {
    const { file } = await sealed();
    // the iv (additional data and nonce), the ciphertext's first, middle and last bytes, the tag
    for (const at of [HEADER - 12, HEADER - 1, HEADER, Math.floor((HEADER + file.length) / 2), file.length - 17, file.length - 1]) {
      const altered = new Uint8Array(file);
      altered[at] = altered[at]! ^ 0x01;
      expect(await codeOf(openSealedBackup(altered, 'верный пароль 1')), `byte ${at}`).toBe('corrupt');
    }
  });

  it('refuses an altered KDF parameter, salt or check as a wrong passphrase (the derived key no longer matches)', async () => {
    const { file } = await sealed();
    for (const at of [10, 12, 12 + 16]) {
      const altered = new Uint8Array(file);
      altered[at] = altered[at]! ^ 0x01; // r = 9 instead of 8; a bit of the salt; of the check
      expect(await codeOf(openSealedBackup(altered, 'верный пароль 1'))).toBe('wrong-passphrase');
    }
  });

  it('refuses a truncated file as corrupt', async () => {
    const { file } = await sealed();
    for (const length of [9, HEADER, HEADER + 15, HEADER + 16, file.length - 1]) {
      expect(await codeOf(openSealedBackup(file.subarray(0, length), 'верный пароль 1')), `${length} bytes`).toBe('corrupt');
    }
  });

  it('refuses a header asking for a costlier scrypt than any seal uses, before deriving', async () => {
    const { file } = await sealed();
    const costly = new Uint8Array(file);
    costly[9] = 24; // N = 2^24: 2 GiB per guess
    expect(await codeOf(openSealedBackup(costly, 'верный пароль 1'))).toBe('corrupt');
    costly[9] = SEAL_PARAMS.log2N;
    costly[8] = 7; // an unknown KDF
    expect(await codeOf(openSealedBackup(costly, 'верный пароль 1'))).toBe('corrupt');
  });

  it('leaves nothing readable: no surname in the bytes, and the payload is not gzip', async () => {
    const { plain, file } = await sealed();
    const surname = new TextEncoder().encode('Гарифуллина');
    expect(Buffer.from(plain.subarray(8)).includes(Buffer.from([0x1f, 0x8b]))).toBe(true); // the plain file is gzip…
    expect(Buffer.from(file).includes(Buffer.from(surname))).toBe(false);
    expect(Buffer.from(file).includes(Buffer.from('Стойка 1'))).toBe(false);
    expect(Buffer.from(file).includes(Buffer.from('Сход-2019'))).toBe(false);
    await expect(gunzip(file.subarray(HEADER), 10_000_000)).rejects.toThrow();
    await expect(gunzip(file.subarray(8), 10_000_000)).rejects.toThrow();
  });

  it('is read by unpackBackup only after opening: alone it asks for the passphrase', async () => {
    const { file } = await sealed();
    expect(await codeOf(unpackBackup(file))).toBe('passphrase-needed');
  });
});
