/**
 * Devices that typed the right PIN and now wait for the hub operator's «Разрешить». A correct PIN
 * alone never pairs anything: the operator sees the device's name, the role it asks for and the code
 * of its TLS certificate, compares the code with the one on the device's own screen, and grants a
 * role. THIS IS WHERE A ROLE IS GRANTED over the hub (the role a device asks for is only a request).
 *
 * Few at a time, short-lived, memory only: a hub restart drops them and the desk simply pairs again.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceRole } from '../../shared/domain/types';
import type { EnrolmentGrant } from '../../shared/trust/grant';

export type PairingRequestDevice = { id: string; name: string; role: DeviceRole; publicKey: string };

export type PendingPairing = {
  id: string;
  device: PairingRequestDevice;
  /** SHA-256 of the device's TLS client certificate: the token will be bound to it. */
  clientFingerprint: string;
  address: string;
  requestedAt: number;
  state: 'waiting' | 'approved' | 'refused';
  /** The role the operator granted (set with state 'approved'). */
  grantedRole?: DeviceRole;
  /** The organizer's enrolment of the device in the role (when the hub is the event's root), handed over with the token. */
  grant?: EnrolmentGrant;
};

/** «Разрешить» with a role (and the root's enrolment for it), or «Отклонить». */
export type HubDecision = { approve: true; role: DeviceRole; grant?: EnrolmentGrant } | { approve: false };

/** More waiting devices than this: the oldest one is dropped (it can ask again with a new PIN). */
export const MAX_PENDING = 8;
/** A request nobody answered, or an answer the device never came for, is forgotten after this. */
export const PENDING_TTL_MS = 10 * 60_000;

export class Approvals {
  private readonly pending = new Map<string, PendingPairing>();

  constructor(private readonly now: () => number) {}

  add(input: Omit<PendingPairing, 'id' | 'requestedAt' | 'state'>): PendingPairing {
    this.expire();
    // one request per device: asking again replaces the earlier one
    for (const p of this.pending.values()) if (p.device.id === input.device.id) this.pending.delete(p.id);
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    const entry: PendingPairing = { ...input, id: randomUUID(), requestedAt: this.now(), state: 'waiting' };
    this.pending.set(entry.id, entry);
    return entry;
  }

  /** Waiting requests, oldest first, for the hub's screen. */
  waiting(): PendingPairing[] {
    this.expire();
    return [...this.pending.values()].filter((p) => p.state === 'waiting');
  }

  get(id: string): PendingPairing | undefined {
    this.expire();
    return this.pending.get(id);
  }

  /** The operator's decision; false when the request is gone (expired, answered, replaced). */
  decide(id: string, decision: HubDecision): boolean {
    const p = this.get(id);
    if (!p || p.state !== 'waiting') return false;
    if (decision.approve) {
      p.state = 'approved';
      p.grantedRole = decision.role;
      if (decision.grant) p.grant = decision.grant;
    } else p.state = 'refused';
    return true;
  }

  /** The device collected its answer: the request is done. */
  remove(id: string): void {
    this.pending.delete(id);
  }

  private expire(): void {
    const before = this.now() - PENDING_TTL_MS;
    for (const [id, p] of this.pending) if (p.requestedAt < before) this.pending.delete(id);
  }
}
