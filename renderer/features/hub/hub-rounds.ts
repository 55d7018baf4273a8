/**
 * One sync round over the LAN hub, both ends, as plain async functions over the database — the
 * loops (hub-loops.ts) and the tests call these. Network and IPC are passed in, so a test wires the
 * real hub server in Node between two fake-indexeddb databases.
 *
 * A round is exactly the file exchange of the Обмен page, done by a courier:
 *   desk: exportExchange(hub)  →  hub: previewExchange + applyExchange, exportExchange(desk)  →  desk: apply.
 * Each side learns the other's seen vector from the file it receives, so the next round carries only
 * what is new (usually nothing: a round with no news is two header-only files).
 */
import type { DeviceRole } from '../../../shared/domain/types';
import type { HubApproval, HubSyncResult } from '../../../shared/ipc/contract';
import type { EnrolmentGrant } from '../../../shared/trust/grant';
import type { DbContext } from '../../db/context';
import { errorText, tr } from '../../i18n';
import { enrolPairedDevice, TrustError } from '../../db/repo/trust';
import { applyExchange, ExchangeError, previewExchange, type ApplyResult } from '../../db/repo/exchange-apply';
import { exportExchange } from '../../db/repo/exchange-export';

export type HubAnswer = { bytes: Uint8Array; from: string; received: ApplyResult; sent: number };

/**
 * On the hub: applies a desk's file and answers with everything that desk has not seen. Automatic, so
 * stricter than the import screen: a file of any event other than the one the hub serves is refused
 * (the screen may add a new event after a person confirms; a courier must not).
 */
export async function answerDeskFile(ctx: DbContext, eventId: string, bytes: Uint8Array): Promise<HubAnswer> {
  const preview = await previewExchange(ctx, bytes, eventId);
  const { header } = preview.file;
  if (header.eventId !== eventId) throw new ExchangeError('wrong-event');
  const received = await applyExchange(ctx, preview.file, { via: 'hub' });
  const answer = await exportExchange(ctx, eventId, { peerId: header.sender.deviceId, via: 'hub' });
  return { bytes: answer.bytes, from: header.sender.name, received, sent: answer.changes };
}

/**
 * On the hub, at «Разрешить»: the root's enrolment of the device in `role`, handed to it with its token,
 * so a new device joins the event over the LAN. Null when this hub is not the event's root (another
 * organizer laptop): the device then needs an enrolment file from the root.
 */
export async function enrolmentForApproval(ctx: DbContext, eventId: string, approval: Pick<HubApproval, 'deviceId' | 'publicKey' | 'name'>, role: DeviceRole): Promise<EnrolmentGrant | null> {
  try {
    return await enrolPairedDevice(ctx, eventId, { deviceId: approval.deviceId, publicKey: approval.publicKey, role, name: approval.name });
  } catch (err) {
    if (err instanceof TrustError) return null;
    throw err;
  }
}

/**
 * A new device paired from the first-run screen: PairWithHub took the organizer's enrolment; the first
 * round sends an empty file and brings the whole event. Returns the event's id.
 */
export async function joinOverHub(ctx: DbContext, paired: { link: { event: { id: string }; hub: { deviceId: string } }; grant?: EnrolmentGrant }, send: (bytes: Uint8Array) => Promise<HubSyncResult>): Promise<string> {
  if (!paired.grant) {
    throw new Error(tr('hub')('errors.noGrant'));
  }
  const eventId = paired.link.event.id;
  const round = await deskRound(ctx, eventId, paired.link.hub.deviceId, send);
  if (!round.ok) throw new Error(round.message);
  return eventId;
}

export type DeskRound =
  | { ok: true; at: string; sent: number; received: number; conflicts: number; refused: number }
  | { ok: false; at: string; code: string; message: string; offline: boolean };

/**
 * On a desk: sends what the hub has not seen, applies the hub's answer. `send` is the bridge call
 * (main process posts the bytes; the renderer never touches the network).
 */
export async function deskRound(
  ctx: DbContext,
  eventId: string,
  hubDeviceId: string,
  send: (bytes: Uint8Array) => Promise<HubSyncResult>,
  now: () => Date = () => new Date(),
): Promise<DeskRound> {
  const out = await exportExchange(ctx, eventId, { peerId: hubDeviceId, via: 'hub' });
  const reply = await send(out.bytes);
  if (!reply.ok) return { ok: false, at: now().toISOString(), code: reply.code, message: reply.message, offline: reply.offline };
  try {
    const preview = await previewExchange(ctx, reply.bytes, eventId);
    if (preview.file.header.sender.deviceId !== hubDeviceId || preview.file.header.eventId !== eventId) throw new ExchangeError('unknown-sender');
    const applied = await applyExchange(ctx, preview.file, { via: 'hub' });
    return { ok: true, at: now().toISOString(), sent: out.changes, received: applied.fresh, conflicts: applied.conflicts, refused: applied.refused };
  } catch (err) {
    if (err instanceof ExchangeError) return { ok: false, at: now().toISOString(), code: err.code, message: errorText(err), offline: false };
    throw err;
  }
}
