// shared/crypto/signatures: ECDSA P-256 device keys — a signature holds for its bytes and its key only.
import { describe, expect, it } from 'vitest';
import { exportPublicKey, fromBase64Url, generateDeviceKey, importPublicKey, signBytes, verifyBytes } from '../../../../shared/crypto';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('device keys and signatures', () => {
  it('verifies what the key signed, through the exported public key', async () => {
    const pair = await generateDeviceKey();
    const data = utf8('Регистрация: Петрова Анна прибыла');
    const signature = await signBytes(pair.privateKey, data);
    const raw = fromBase64Url(await exportPublicKey(pair.publicKey))!;
    expect(raw).toHaveLength(65);
    expect(raw[0]).toBe(4); // uncompressed point
    const imported = (await importPublicKey(raw))!;
    expect(await verifyBytes(imported, signature, data)).toBe(true);
  });

  it('refuses changed bytes, another key and a damaged signature', async () => {
    const pair = await generateDeviceKey();
    const other = await generateDeviceKey();
    const data = utf8('оценка 7');
    const signature = await signBytes(pair.privateKey, data);
    expect(await verifyBytes(pair.publicKey, signature, utf8('оценка 9'))).toBe(false);
    expect(await verifyBytes(other.publicKey, signature, data)).toBe(false);
    const damaged = signature.slice();
    damaged[10] = damaged[10]! ^ 1;
    expect(await verifyBytes(pair.publicKey, damaged, data)).toBe(false);
    expect(await verifyBytes(pair.publicKey, new Uint8Array(3), data)).toBe(false);
  });

  it('keeps the private key unreadable and refuses a public key that is not a P-256 point', async () => {
    const pair = await generateDeviceKey();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    expect(await importPublicKey(new Uint8Array(65))).toBeNull();
    expect(await importPublicKey(utf8('not a key'))).toBeNull();
  });
});
