/**
 * This device's signing key: generated on first need, the private half non-extractable and kept in
 * IndexedDB as a CryptoKey. One key signs both exchange files and a juror's score files
 * (shared/sync/signing.ts).
 */
import { exportDevicePublicKey, generateDeviceKeys, sign } from '../../../shared/sync/signing';
import type { DbContext } from '../context';

/** The `keys` row of the device's signing key. */
export const DEVICE_KEY_ID = 'device.signing';

export type DeviceKeyHandle = { publicKey: string; sign: (bytes: Uint8Array) => Promise<Uint8Array> };

export async function ensureDeviceKey(ctx: DbContext, now: Date = new Date()): Promise<DeviceKeyHandle> {
  let row = await ctx.db.keys.get(DEVICE_KEY_ID);
  if (!row) {
    // made outside the transaction: awaiting WebCrypto inside one would let it commit early
    const pair = await generateDeviceKeys();
    const publicKey = await exportDevicePublicKey(pair.publicKey);
    row = await ctx.db.transaction('rw', ctx.db.keys, async () => {
      const raced = await ctx.db.keys.get(DEVICE_KEY_ID);
      if (raced) return raced;
      const fresh = { id: DEVICE_KEY_ID, createdAt: now.toISOString(), publicKey, privateKey: pair.privateKey };
      await ctx.db.keys.put(fresh);
      return fresh;
    });
  }
  const { publicKey, privateKey } = row;
  return { publicKey, sign: (bytes) => sign(privateKey, bytes) };
}
