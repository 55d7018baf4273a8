import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSigner, exportDevicePublicKey, generateDeviceKeys, keyFingerprint, openSigned, sign, unwrapSigned, verify, wrapSigned, type Signer } from '../../../../shared/sync/signing';

let keys: CryptoKeyPair;
let signer: Signer;
let other: Signer;

beforeAll(async () => {
  keys = await generateDeviceKeys();
  signer = await createSigner('desk-1', keys);
  other = await createSigner('desk-2', await generateDeviceKeys());
});

describe('device signatures', () => {
  it('keeps the private key inside WebCrypto', async () => {
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
    expect(signer.publicKey).toBe(await exportDevicePublicKey(keys.publicKey));
    expect(signer.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/); // 65 raw bytes, base64url
  });

  it('verifies what it signed, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), async (bytes, at) => {
        const signature = await sign(keys.privateKey, bytes);
        expect(await verify(bytes, signature, signer.publicKey)).toBe(true);
        expect(await verify(bytes, signature, keys.publicKey)).toBe(true);
        expect(await verify(bytes, signature, other.publicKey)).toBe(false);
        const changed = bytes.slice();
        changed[at % changed.length]! ^= 0x20;
        expect(await verify(changed, signature, signer.publicKey)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('answers false, not an exception, for a malformed key or signature', async () => {
    const data = new Uint8Array([1, 2, 3]);
    const signature = await sign(keys.privateKey, data);
    expect(await verify(data, signature, 'not a key!')).toBe(false);
    expect(await verify(data, signature, 'AAAA')).toBe(false);
    expect(await verify(data, new Uint8Array(3), signer.publicKey)).toBe(false);
  });

  it('wraps a payload with its signature and opens it only with the signer’s key', async () => {
    const payload = new TextEncoder().encode('Сход: пакет для проверки');
    const wrapped = await wrapSigned(payload, signer);
    expect(unwrapSigned(wrapped)!.payload).toEqual(payload);
    expect(await openSigned(wrapped, signer.publicKey)).toEqual(payload);
    expect(await openSigned(wrapped, other.publicKey)).toBeNull();
    expect(await openSigned(wrapped.subarray(0, wrapped.length - 1), signer.publicKey)).toBeNull();
    expect(unwrapSigned(new Uint8Array([0]))).toBeNull();
    expect(unwrapSigned(new Uint8Array([0, 0]))).toBeNull();
  });

  it('gives a stable short fingerprint for people to compare when pairing', async () => {
    const f = await keyFingerprint(signer.publicKey);
    expect(f).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(await keyFingerprint(signer.publicKey)).toBe(f);
    expect(await keyFingerprint(other.publicKey)).not.toBe(f);
  });
});
