import { z } from 'zod';
import { deviceRoles } from '../../shared/domain/types';
import { readJsonFile, writeJsonAtomically } from './json-store';
import type { PairedDevice } from './protocol';

/**
 * The hub's persisted state (userData/hub.json): the desks paired with it and the port last used.
 * Survives restarts, so a hub laptop that rebooted at lunch keeps its desks without new PINs.
 * Only token HASHES are kept (secrets.ts).
 */
const fileSchema = z.object({
  version: z.literal(1),
  port: z.number().int().min(1).max(65535).nullable(),
  devices: z.array(
    z.object({
      deviceId: z.string().min(1).max(100),
      name: z.string().max(100),
      role: z.enum(deviceRoles),
      publicKey: z.string().max(200),
      tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
      pairedAt: z.string().max(40),
    }),
  ),
});

export class PairedDevices {
  private writes: Promise<void> = Promise.resolve();

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

  setPort(port: number): Promise<void> {
    if (this.lastPort === port) return Promise.resolve();
    this.lastPort = port;
    return this.save();
  }

  /** Writes one after another, each with the state at its turn, so the file never goes back in time. */
  private save(): Promise<void> {
    const next = this.writes.then(() => writeJsonAtomically(this.file, { version: 1, port: this.lastPort, devices: this.list() }));
    this.writes = next.catch(() => undefined);
    return next;
  }
}
