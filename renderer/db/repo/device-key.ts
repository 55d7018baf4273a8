/**
 * This device's signing key: generated on first need, the private half non-extractable and kept in
 * IndexedDB as a CryptoKey. One key signs both exchange files and a juror's score files
 * (shared/sync/signing.ts), so it is stored under the id the juror mode gave it first.
 */
import { exportDevicePublicKey, generateDeviceKeys, sign } from '../../../shared/sync/signing';
import type { DbContext } from '../context';
import { JUROR_DEVICE_KEY } from './juror';

export type DeviceKeyHandle = { publicKey: string; sign: (bytes: Uint8Array) => Promise<Uint8Array> };

export async function ensureDeviceKey(ctx: DbContext, now: Date = new Date()): Promise<DeviceKeyHandle> {
  let row = await ctx.db.keys.get(JUROR_DEVICE_KEY);
  if (!row) {
    // made outside the transaction: awaiting WebCrypto inside one would let it commit early
    const pair = await generateDeviceKeys();
    const publicKey = await exportDevicePublicKey(pair.publicKey);
    row = await ctx.db.transaction('rw', ctx.db.keys, async () => {
      const raced = await ctx.db.keys.get(JUROR_DEVICE_KEY);
      if (raced) return raced;
      const fresh = { id: JUROR_DEVICE_KEY, createdAt: now.toISOString(), publicKey, privateKey: pair.privateKey };
      await ctx.db.keys.put(fresh);
      return fresh;
    });
  }
  const { publicKey, privateKey } = row;
  return { publicKey, sign: (bytes) => sign(privateKey, bytes) };
}
