/**
 * Fixtures for the trust tests, made with the project's own encoders: an event root (the organizer's
 * device key), devices enrolled directly (hub path) or from an enrolment offer (file path), and
 * exchange files of signed author batches, sealed with the event key.
 */
import type { DeviceRole } from '../../../../shared/domain/types';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { buildExchangeFile, countByTable, readExchangeFile, type ExchangeHeaderInput } from '../../../../shared/sync/exchange-file';
import { createSigner, generateDeviceKeys, type Signer } from '../../../../shared/sync/signing';
import { signBatch, type AuthorBatch } from '../../../../shared/trust/batches';
import { claimOffer, issueEnrolment, makeOffer, type Enrolment, type EventRoot } from '../../../../shared/trust/enrolment';
import { newEventKey } from '../../../../shared/trust/event-key';

export const EVENT = 'event-a';
export const stamp = (device: string, n: number) => `${String(1_800_000_000_000 + n).padStart(15, '0')}-00000-${device}`;

export type Actor = { signer: Signer; enrolment?: Enrolment; role: DeviceRole };
export type Site = { root: EventRoot; eventKey: string; organizer: Actor; enrol(id: string, role: DeviceRole, how?: 'direct' | 'offer'): Promise<Actor> };

export async function makeSite(eventId = EVENT): Promise<Site> {
  const organizer: Actor = { signer: await createSigner('org-device', await generateDeviceKeys()), role: 'organizer' };
  const root: EventRoot = { eventId, deviceId: organizer.signer.deviceId, publicKey: organizer.signer.publicKey };
  const enrol = async (id: string, role: DeviceRole, how: 'direct' | 'offer' = 'offer'): Promise<Actor> => {
    const signer = await createSigner(id, await generateDeviceKeys());
    const device = { deviceId: id, publicKey: signer.publicKey, name: `Устройство ${id}` };
    if (how === 'direct') return { signer, role, enrolment: await issueEnrolment(organizer.signer, eventId, { ...device, role }, '2026-12-01T09:00:00.000Z') };
    const { offer, secret } = await makeOffer(organizer.signer, eventId, role, 'Стойка', '2026-12-01T09:00:00.000Z');
    return { signer, role, enrolment: await claimOffer(offer, secret, device) };
  };
  return { root, eventKey: newEventKey(), organizer, enrol };
}

export const put = (device: string, n: number, table: string, rowId: string, fields: Record<string, unknown>): ChangeRecord => ({
  hlc: stamp(device, n),
  device,
  table,
  rowId,
  op: 'put',
  fields,
});

export function headerFor(sender: Actor, eventId = EVENT, over: Partial<ExchangeHeaderInput> = {}): ExchangeHeaderInput {
  return { eventId, sender: { deviceId: sender.signer.deviceId, name: 'Отправитель', role: sender.role }, createdAt: '2026-12-01T10:00:00.000Z', seen: {}, ...over };
}

/** A file sent by `sender` holding `batches` (its own and relayed ones). */
export async function fileOf(site: Site, sender: Actor, batches: readonly AuthorBatch[], changes: readonly ChangeRecord[] = [], eventId = EVENT): Promise<Uint8Array> {
  return buildExchangeFile({ header: headerFor(sender, eventId), batches, counts: countByTable(changes) }, sender.signer, site.eventKey);
}

/** A file with one batch of the sender's own changes. */
export async function ownFile(site: Site, sender: Actor, changes: readonly ChangeRecord[], eventId = EVENT): Promise<Uint8Array> {
  return fileOf(site, sender, [await signBatch(sender.signer, eventId, changes, sender.enrolment)], changes, eventId);
}

export const open = (site: Site, bytes: Uint8Array) => readExchangeFile(bytes, { eventKey: (id) => (id === site.root.eventId ? site.eventKey : undefined) });
