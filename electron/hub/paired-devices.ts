import { z } from 'zod';
import { deviceRoles } from '../../shared/domain/types';
import { readJsonFile, writeJsonAtomically } from './json-store';
import type { PairedDevice } from './protocol';

/**
 * The hub's persisted state (userData/hub.json): the desks paired with it and the port last used.
 * Survives restarts, so a hub laptop that rebooted at lunch keeps its desks without new PINs.
 * Only token HASHES are kept (secrets.ts). Version 2 (issue 19) adds the desk's certificate and the
 * replay counter; a version-1 file (plain-HTTP pairings) fails the schema, is moved aside and every
 * desk pairs again over TLS.
 */
const fileSchema = z.object({
  version: z.literal(2),
  port: z.number().int().min(1).max(65535).nullable(),
  devices: z.array(
    z.object({
      deviceId: z.string().min(1).max(100),
      name: z.string().max(100),
      role: z.enum(deviceRoles),
      publicKey: z.string().max(200),
      tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
      clientFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      pairedAt: z.string().max(40),
      lastCounter: z.number().int().min(0),
    }),
  ),
});

export class PairedDevices {
  private writes: Promise<void> = Promise.resolve();
  private saveQueued = false;

  private constructor(
    private readonly file: string,
    private readonly devices: Map<string, PairedDevice>,
    private lastPort: number | null,
  ) {}

  static async load(file: string): Promise<PairedDevices> {
    const saved = await readJsonFile(file, (raw) => {
      const parsed = fileSchema.safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    });
    return new PairedDevices(file, new Map((saved?.devices ?? []).map((d) => [d.deviceId, d])), saved?.port ?? null);
  }

  list(): PairedDevice[] {
    return [...this.devices.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  get(deviceId: string): PairedDevice | undefined {
    return this.devices.get(deviceId);
  }

  get port(): number | null {
    return this.lastPort;
  }

  /** Adds or replaces (re-pairing gives a new token; the old one stops working at once). */
  put(device: PairedDevice): Promise<void> {
    this.devices.set(device.deviceId, device);
    return this.save();
  }

  async remove(deviceId: string): Promise<boolean> {
    const had = this.devices.delete(deviceId);
    if (had) await this.save();
    return had;
  }

  /**
   * Accepts request counter `counter` from `deviceId` if it is above the last one (false: a replay).
   * Saved soon after, coalesced: a desk syncs every 5 s and each sync must not cost a file write.
   */
  acceptCounter(deviceId: string, counter: number): boolean {
    const device = this.devices.get(deviceId);
    if (!device || !(counter > device.lastCounter)) return false;
    device.lastCounter = counter;
    void this.save().catch((err: unknown) => console.error('[skhod:hub] cannot save the paired devices', err));
    return true;
  }

  setPort(port: number): Promise<void> {
    if (this.lastPort === port) return Promise.resolve();
    this.lastPort = port;
    return this.save();
  }

  /**
   * Writes one after another, each with the state at its turn, so the file never goes back in time;
   * a write already queued (not started) takes the latest state, so bursts cost one write.
   */
  private save(): Promise<void> {
    if (this.saveQueued) return this.writes;
    this.saveQueued = true;
    const next = this.writes.then(() => {
      this.saveQueued = false;
      return writeJsonAtomically(this.file, { version: 2, port: this.lastPort, devices: this.list() });
    });
    this.writes = next.catch(() => undefined);
    return next;
  }
}
