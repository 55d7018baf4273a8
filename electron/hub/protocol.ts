/**
 * The LAN hub's wire protocol (issue 8, item 4). One device's main process runs an HTTP server; desks
 * pair with a PIN and then exchange ordinary exchange files (shared/sync/exchange-file.ts) with it.
 *
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 * PROTOCOL, VERSION 1 (plain HTTP/1.1 on the conference LAN; every body is small or an exchange file)
 *
 *   POST /skhod-hub/v1/pair    application/json  {pin, device: {id, name, role, publicKey}}
 *        200 {protocol: 1, token, hub: {deviceId, name, publicKey}, event: {id, title}}
 *        400 malformed · 403 wrong PIN · 429 too many wrong PINs (Retry-After, seconds)
 *   POST /skhod-hub/v1/sync    application/octet-stream: the desk's exchange file for the hub
 *        headers  Authorization: Bearer <token>    X-Skhod-Device: <desk device id>
 *        200 application/octet-stream: the hub's exchange file for that desk
 *        401 no/unknown token, or a token of another device · 409 a file of another event
 *        413 too large · 422 the hub refused the file · 503 the hub's window is not serving / busy
 *   Every error answer is JSON {code, error} where `error` is Russian text for the person at the desk.
 *
 * Why this shape:
 * - The token proves the desk was paired (someone typed the PIN shown on the hub); the exchange file is
 *   ALSO signed with the key the desk gave when pairing, and the hub checks both, so a leaked token
 *   alone cannot inject data under another device's name, and the desk checks the hub's answer
 *   against the key the hub gave at pairing.
 * - No TLS: the LAN is the venue's, the PIN is shown only on the hub's screen, and the signed files
 *   give integrity and origin. Confidentiality on the wire is NOT provided (personal data crosses the
 *   venue's network in the clear, gzip only) — a known limit, written down here on purpose.
 * - Bodies are exchange files, not JSON: the same bytes as the USB-stick path, the same checks, so the
 *   hub is only a faster courier and files stay a complete fallback.
 * ════════════════════════════════════════════════════════════════════════════════════════════════
 */
import { z } from 'zod';
import { deviceRoles, type DeviceRole } from '../../shared/domain/types';

export const HUB_PROTOCOL = 1;
export const PAIR_PATH = '/skhod-hub/v1/pair';
export const SYNC_PATH = '/skhod-hub/v1/sync';
export const DEVICE_HEADER = 'x-skhod-device';

/** Suggested in the UI; any free port from 1024 up may be chosen. */
export const DEFAULT_HUB_PORT = 47800;

/** A pairing request is a few hundred bytes; anything near this is not our desk talking. */
export const MAX_PAIR_BODY = 8 * 1024;
/**
 * An exchange file for one event. A first full sync of a 5,000-person event is a few MiB gzipped;
 * this leaves a wide margin while keeping a hostile upload from filling the hub's memory.
 */
export const MAX_SYNC_BODY = 64 * 1024 * 1024;
/** Inflated JSON the hub's main process is willing to read while checking a desk's file. */
export const MAX_SYNC_JSON = 512 * 1024 * 1024;

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

export type PairResponse = { protocol: typeof HUB_PROTOCOL; token: string; hub: HubIdentity; event: HubEvent };

export const pairResponseSchema = z.object({
  protocol: z.literal(HUB_PROTOCOL),
  token: z.string().min(20).max(200),
  hub: z.object({ deviceId: deviceIdSchema, name: z.string().max(100), publicKey: z.string().min(16).max(200) }),
  event: z.object({ id: z.string().min(1).max(100), title: z.string().max(300) }),
});

export type HubErrorCode =
  | 'bad-request'
  | 'wrong-pin'
  | 'too-many-attempts'
  | 'unauthorized'
  | 'wrong-event'
  | 'too-large'
  | 'refused'
  | 'not-serving'
  | 'busy'
  | 'timeout'
  | 'not-found';

/** What a paired desk is remembered by (the hub shows name and role; the key checks its files). */
export type PairedDevice = {
  deviceId: string;
  name: string;
  role: DeviceRole;
  publicKey: string;
  /** sha256 of the bearer token, hex. The token itself is never stored on the hub. */
  tokenHash: string;
  pairedAt: string;
};
