/**
 * The LAN hub's wire protocol (issue 8, item 4; secured by issue 19). One device's main process runs
 * the hub; desks pair with a PIN and the operators' «Разрешить», then exchange ordinary exchange files
 * (shared/sync/exchange-file.ts) with it.
 *
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 * PROTOCOL, VERSION 2: HTTP/1.1 inside TLS 1.3, BOTH SIDES WITH CERTIFICATES (tls-identity.ts).
 * Version 1 was plain HTTP; a v1 desk cannot talk to a v2 hub at all (TLS refuses it) and a desk's
 * saved v1 link is dropped with a Russian «подключитесь к хабу заново».
 *
 *   POST /skhod-hub/v2/pair       application/json  {pin, device: {id, name, role, publicKey}}
 *        202 {protocol: 2, pairingId, hub: {deviceId, name, publicKey}, event: {id, title}}
 *        400 malformed / no client certificate · 403 wrong PIN · 429 too many attempts (Retry-After)
 *   POST /skhod-hub/v2/pair/wait  application/json  {pairingId}   (the same client certificate)
 *        200 {state: "waiting"} · 200 {state: "approved", token, role} · 403 refused by the operator
 *        404 unknown or expired request
 *   POST /skhod-hub/v2/sync       application/octet-stream: the desk's exchange file for the hub
 *        headers  Authorization: Bearer <token>   X-Skhod-Device: <desk id>   X-Skhod-Counter: <n>
 *        200 application/octet-stream: the hub's exchange file for that desk
 *        401 no/unknown token, a token of another device, or another client certificate
 *        409 a file of another event · 409 replay (counter not above the last one accepted)
 *        408 body too slow · 413 too large · 422 refused or too complex · 503 not serving / busy
 *   Every error answer is JSON {code, error, said}: `error` is Russian text for the person at the desk (all an
 *   older desk reads), `said` the same as a key and values (shared/text/said.ts) the desk words in its language.
 *
 * Why this shape:
 * - TLS both ways: a listener on the venue's Wi-Fi sees neither the PIN, nor the token, nor a name.
 *   Certificates are self-made, so trust comes from people: the desk shows the hub certificate's
 *   short code and the hub shows the desk's (in «Разрешить»); the operators compare them. After that
 *   the desk pins the hub's certificate and the hub binds the desk's token to the desk's certificate,
 *   so someone who answered the first request, or later stole the token, gets nothing: TLS proves
 *   possession of the key on every connection.
 * - The PIN only keeps strangers from filling the hub's approval list: it is single-use, checks are
 *   rate-limited before the body is read (pairing-limiter.ts), and the operator decides anyway.
 * - The counter makes every sync request unique: a request seen again is refused even with a valid
 *   token (TLS already prevents replays on the wire; this guards the application layer too).
 * - Bodies are exchange files, not JSON: the same bytes as the USB-stick path, the same checks, so the
 *   hub is only a faster courier and files stay a complete fallback. The file is ALSO signed with the
 *   key the desk gave when pairing, and the desk checks the hub's answer against the hub's key.
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 */
import { z } from 'zod';
import { deviceRoles, type DeviceRole } from '../../shared/domain/types';
import { enrolmentGrantSchema, type EnrolmentGrant } from '../../shared/trust/grant';

export const HUB_PROTOCOL = 2;
export const PAIR_PATH = '/skhod-hub/v2/pair';
export const PAIR_WAIT_PATH = '/skhod-hub/v2/pair/wait';
export const SYNC_PATH = '/skhod-hub/v2/sync';
export const DEVICE_HEADER = 'x-skhod-device';
export const COUNTER_HEADER = 'x-skhod-counter';

/** Suggested in the UI; any free port from 1024 up may be chosen. */
export const DEFAULT_HUB_PORT = 47800;

/** A pairing request is a few hundred bytes; anything near this is not our desk talking. */
export const MAX_PAIR_BODY = 8 * 1024;
/**
 * An exchange file for one event as it travels (gzip). The first full sync of the 5,000-person demo
 * event is 819 KiB (tests/bench/hub-round.bench.ts prints it); the inflated JSON has its own limits
 * (json-limits.ts), which a body of this size could not stay within anyway.
 */
export const MAX_SYNC_BODY = 4 * 1024 * 1024;

export const deviceIdSchema = z.string().min(1).max(100).regex(/^[\w.-]+$/);

export const pairRequestSchema = z
  .object({
    pin: z.string().regex(/^\d{6}$/),
    device: z
      .object({
        id: deviceIdSchema,
        name: z.string().trim().min(1).max(100),
        role: z.enum(deviceRoles),
        publicKey: z.string().min(16).max(200).regex(/^[A-Za-z0-9_-]+$/),
      })
      .strict(),
  })
  .strict();

export type PairRequest = z.infer<typeof pairRequestSchema>;

export type HubIdentity = { deviceId: string; name: string; publicKey: string };
export type HubEvent = { id: string; title: string };

export type PairResponse = { protocol: typeof HUB_PROTOCOL; pairingId: string; hub: HubIdentity; event: HubEvent };

export const pairResponseSchema = z.object({
  protocol: z.literal(HUB_PROTOCOL),
  pairingId: z.string().uuid(),
  hub: z.object({ deviceId: deviceIdSchema, name: z.string().max(100), publicKey: z.string().min(16).max(200) }),
  event: z.object({ id: z.string().min(1).max(100), title: z.string().max(300) }),
});

export const pairWaitRequestSchema = z.object({ pairingId: z.string().uuid() }).strict();

/** `grant`: the organizer's enrolment of the desk in the granted role, when the hub runs on the event's root. */
export type PairWaitResponse = { state: 'waiting' } | { state: 'approved'; token: string; role: DeviceRole; grant?: EnrolmentGrant };

export const pairWaitResponseSchema = z.union([
  z.object({ state: z.literal('waiting') }),
  z.object({ state: z.literal('approved'), token: z.string().min(20).max(200), role: z.enum(deviceRoles), grant: enrolmentGrantSchema.optional() }),
]);

export type HubErrorCode =
  | 'bad-request'
  | 'wrong-pin'
  | 'too-many-attempts'
  | 'pairing-refused'
  | 'replay'
  | 'unauthorized'
  | 'wrong-event'
  | 'too-large'
  | 'refused'
  | 'not-serving'
  | 'busy'
  | 'timeout'
  | 'not-found';

/** What a paired desk is remembered by (the hub shows name, role and code; the key checks its files). */
export type PairedDevice = {
  deviceId: string;
  name: string;
  /** The role the hub operator GRANTED with «Разрешить» (not the one the device asked for). */
  role: DeviceRole;
  publicKey: string;
  /** sha256 of the bearer token, hex. The token itself is never stored on the hub. */
  tokenHash: string;
  /** SHA-256 of the desk's TLS certificate: the token works only on a connection presenting it. */
  clientFingerprint: string;
  pairedAt: string;
  /** The highest request counter accepted from this desk (replays are refused). */
  lastCounter: number;
};
