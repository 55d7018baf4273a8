import type { OpenedKind } from './opened-files';
import { z } from 'zod';
import { MAX_FILE_BYTES } from './limits';
import { deviceRoles, type DeviceRole } from '../domain/types';
import { enrolmentGrantSchema, type EnrolmentGrant } from '../trust/grant';
import { BACKUP_NAME_RE, MAX_BACKUP_BYTES, MAX_BACKUP_INFO_CHARS } from '../backup/names';
import { said, wordRu, type Said } from '../text/said';
import { saidSchema } from '../text/said-schema';

/**
 * The one contract between the renderer and the main process.
 *
 * Each channel has a wire name (always starting with IPC_PREFIX — the main process refuses any other),
 * a zod schema for its single argument (the main process validates every call against it; the renderer
 * is treated as untrusted) and a result type. The preload exposes exactly one function per channel
 * under `window.skhod`; the renderer's browser bridge implements the same `Bridge` interface.
 */
export const IPC_PREFIX = 'skhod:';

export { MAX_FILE_BYTES };

const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    // letters, digits and inner dashes: "xlsx", "skhod-jury"; never a dot, slash or wildcard
    extensions: z.array(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?$/i)).min(1).max(20),
  })
  .strict();

// SECURITY: a bare name of the fixed shape (names.ts) — never a path; checked again in the main process.
const backupName = z.string().max(64).regex(BACKUP_NAME_RE);

/*
 * LAN hub (issue 8, item 4; secured by issue 19; electron/hub/protocol.ts has the wire format). On the
 * hub device the renderer starts/stops the server on the LAN address the organizer picks, approves
 * or refuses devices that typed the PIN (`hubDecide`: THIS is where a role is granted over the hub),
 * and serves desks' files by long-polling `hubNextRequest` and answering with `hubAnswer`. On a desk
 * the renderer pairs in two steps — `hubPair` (PIN → the two codes to compare), `hubPairConfirm`
 * (the operator saw the codes match → waits for «Разрешить», pins the hub) — and hands its exchange
 * file to main with `hubSync`. The renderer itself never touches the network (CSP).
 */
const hubDeviceId = z.string().min(1).max(100).regex(/^[\w.-]+$/);
const hubDevice = z
  .object({
    id: hubDeviceId,
    name: z.string().trim().min(1).max(100),
    publicKey: z.string().min(16).max(200).regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
const hubBytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, wordRu(said('ipcChecks:dataTooLarge')));

const hubChannels = {
  hubStatus: { channel: 'skhod:hub-status', args: z.object({}).strict() },
  hubStart: {
    channel: 'skhod:hub-start',
    args: z
      .object({
        port: z.number().int().min(1024).max(65535),
        /** The LAN address to listen on; absent: the one with the default route (main checks it is this computer's). */
        address: z.ipv4().optional(),
        device: hubDevice,
        event: z.object({ id: z.string().min(1).max(100), title: z.string().max(300) }).strict(),
        /** The event key (shared/trust/event-key.ts): the hub's worker opens desks' files with it. */
        eventKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
      })
      .strict(),
  },
  hubStop: { channel: 'skhod:hub-stop', args: z.object({}).strict() },
  hubNewPin: { channel: 'skhod:hub-new-pin', args: z.object({}).strict() },
  hubUnpair: { channel: 'skhod:hub-unpair', args: z.object({ deviceId: hubDeviceId }).strict() },
  /** The hub operator's «Разрешить» (granting `role`) or «Отклонить» for a device that typed the PIN. */
  hubDecide: {
    channel: 'skhod:hub-decide',
    args: z.union([
      z.object({ pairingId: z.string().uuid(), approve: z.literal(true), role: z.enum(deviceRoles), grant: enrolmentGrantSchema.optional() }).strict(),
      z.object({ pairingId: z.string().uuid(), approve: z.literal(false) }).strict(),
    ]),
  },
  /** A file the OS asked Сход to open (double-click), waiting up to `waitMs`; see electron/opened-files.ts. */
  takeOpenedFile: { channel: 'skhod:take-opened-file', args: z.object({ waitMs: z.number().int().min(0).max(30_000) }).strict() },
  hubNextRequest: { channel: 'skhod:hub-next-request', args: z.object({ waitMs: z.number().int().min(0).max(30_000) }).strict() },
  hubAnswer: {
    channel: 'skhod:hub-answer',
    args: z
      .union([
        z.object({ id: z.string().uuid(), bytes: hubBytes }).strict(),
        // `said`: the refusal as data, so the desk that sent the file words it in its own language
        z.object({ id: z.string().uuid(), error: z.string().min(1).max(1000), said: saidSchema.optional() }).strict(),
      ]),
  },
  hubPair: {
    channel: 'skhod:hub-pair',
    args: z
      .object({
        address: z.string().trim().min(1).max(200),
        pin: z.string().regex(/^\d{6}$/),
        device: hubDevice.extend({ role: z.enum(deviceRoles) }),
      })
      .strict(),
  },
  /** On a desk, after its operator saw both codes match: waits for the hub's «Разрешить» and pins the hub. */
  hubPairConfirm: { channel: 'skhod:hub-pair-confirm', args: z.object({ pairingId: z.string().uuid() }).strict() },
  hubSync: { channel: 'skhod:hub-sync', args: z.object({ eventId: z.string().min(1).max(100), bytes: hubBytes }).strict() },
  hubForget: { channel: 'skhod:hub-forget', args: z.object({}).strict() },
} as const;

export const channels = {
  appInfo: {
    channel: 'skhod:app-info',
    args: z.object({}).strict(),
  },
  /** The interface language, told when the window starts and when the person switches: main words its menu and dialogs in it. */
  setLanguage: {
    channel: 'skhod:set-language',
    args: z.object({ language: z.enum(['ru', 'en']) }).strict(),
  },
  openFile: {
    channel: 'skhod:open-file',
    args: z
      .object({
        title: z.string().max(200).optional(),
        filters: z.array(fileFilter).max(10),
        maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
      })
      .strict(),
  },
  saveFile: {
    channel: 'skhod:save-file',
    args: z
      .object({
        suggestedName: z
          .string()
          .min(1)
          .max(255)
          // a bare file name: the user picks the folder in the dialog
          .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', wordRu(said('ipcChecks:fileNameWithPath'))),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, wordRu(said('ipcChecks:fileTooLarge'))),
      })
      .strict(),
  },
  /** Backups of this device's database kept by the app itself (Electron: userData/backups). */
  backupList: {
    channel: 'skhod:backup-list',
    args: z.object({}).strict(),
  },
  backupWrite: {
    channel: 'skhod:backup-write',
    args: z
      .object({
        name: backupName,
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BACKUP_BYTES, wordRu(said('ipcChecks:backupTooLarge'))),
        /** BackupInfo as JSON, kept beside the file so the list needs no file reading. */
        info: z.string().max(MAX_BACKUP_INFO_CHARS),
      })
      .strict(),
  },
  backupRead: {
    channel: 'skhod:backup-read',
    args: z.object({ name: backupName }).strict(),
  },
  backupDelete: {
    channel: 'skhod:backup-delete',
    args: z.object({ name: backupName }).strict(),
  },
  ...hubChannels,
} as const;

export type ChannelKey = keyof typeof channels;

export type AppInfo = {
  name: string;
  version: string;
  /** 'electron' inside the desktop app, 'browser' in plain Chromium (npm run web). */
  shell: 'electron' | 'browser';
  platform: string;
  versions: Record<string, string>;
};

/** A file the user picked; `null` when they cancelled the dialog. */
export type OpenedFile = { name: string; bytes: Uint8Array } | null;
/** Where the file went (a path in Electron, the download name in a browser); `null` when cancelled. */
export type SavedFile = { name: string } | null;

/** A backup kept by the app; `info` is the JSON written with it (absent if that was lost). */
export type StoredBackup = { name: string; size: number; info?: string };

/** A desk paired with this hub, as the hub's list shows it. */
export type HubPeer = {
  deviceId: string;
  name: string;
  /** The role granted with «Разрешить». */
  role: DeviceRole;
  /** Short code of the desk's TLS certificate («A1B2-C3D4-E5F6-0718»). */
  code: string;
  pairedAt: string;
  /** Last successful sync since the hub started (memory only). */
  lastSyncAt?: string;
  lastAddress?: string;
};
/** A device that typed the right PIN and waits for «Разрешить». */
export type HubApproval = { pairingId: string; deviceId: string; publicKey: string; name: string; requestedRole: DeviceRole; code: string; address: string; requestedAt: string };
/** This device as a hub. `pin` and `address` only while running; `addresses` are the LAN addresses to pick from. */
export type HubHostStatus = {
  running: boolean;
  port: number;
  /** The address the hub listens on (running), or the one suggested (the default route's). */
  address: string | null;
  addresses: string[];
  /** Short code of this hub's TLS certificate: desks compare it when pairing. */
  code: string | null;
  pin: string | null;
  approvals: HubApproval[];
  event: { id: string; title: string } | null;
  /** A window of this app is waiting for desks' files right now. */
  serving: boolean;
  paired: HubPeer[];
};
/**
 * This device as a desk: the hub it is paired with (the token stays in the main process).
 * `role` is the role the HUB OPERATOR GRANTED with «Разрешить» — the one place the renderer learns it
 * (from `hubPairConfirm`'s result and from `hubStatus`).
 */
export type HubLinkStatus = {
  address: string;
  hub: { deviceId: string; name: string; code: string };
  role: DeviceRole;
  event: { id: string; title: string };
  pairedAt: string;
} | null;
/**
 * A sentence the main process says to a person: `message` in Russian (logs, and the words shown when this
 * version's catalogs lack the key — a newer hub's), `said` for the renderer to word in the interface language.
 */
export type Worded = { message: string; said?: Said };
/** `notice`: something the desk must be told once (e.g. a pairing from before TLS was dropped). */
export type HubStatus = { host: HubHostStatus; link: HubLinkStatus; notice: Worded | null };
/** A pairing between its two steps: the codes both operators compare. */
export type HubPendingPair = { pairingId: string; hubName: string; hubCode: string; deskCode: string; event: { id: string; title: string } };
/** A desk's file for the hub's renderer to apply; `null`: none arrived while waiting. */
export type HubRequest = { id: string; deviceId: string; deviceName: string; role: DeviceRole; bytes: Uint8Array } | null;
/**
 * Expected network outcomes are data, not bridge errors: the desk shows them in its status line.
 * `offline`: the hub cannot be reached or is busy right now — retry later, files are the fallback.
 */
export type HubFailure = { ok: false; code: string; offline: boolean } & Worded;
export type HubPairStarted = { ok: true; pending: HubPendingPair } | HubFailure;
/** `grant`: the organizer's enrolment in the granted role, when the hub runs on the event's root (the renderer takes it). */
export type HubPairResult = { ok: true; link: NonNullable<HubLinkStatus>; grant?: EnrolmentGrant } | HubFailure;
export type HubSyncResult = { ok: true; bytes: Uint8Array } | HubFailure;

/** A file opened from the OS with its kind (shared/ipc/opened-files.ts); `null`: none came while waiting. */
export type OpenedAppFile = { name: string; kind: OpenedKind; bytes: Uint8Array } | null;

type Results = {
  appInfo: AppInfo;
  setLanguage: null;
  takeOpenedFile: OpenedAppFile;
  openFile: OpenedFile;
  saveFile: SavedFile;
  backupList: StoredBackup[];
  backupWrite: { name: string; size: number };
  backupRead: { bytes: Uint8Array };
  backupDelete: null;
  hubStatus: HubStatus;
  hubStart: HubStatus;
  hubStop: HubStatus;
  hubNewPin: HubStatus;
  hubUnpair: HubStatus;
  hubDecide: HubStatus;
  hubNextRequest: HubRequest;
  hubAnswer: { accepted: boolean };
  hubPair: HubPairStarted;
  hubPairConfirm: HubPairResult;
  hubSync: HubSyncResult;
  hubForget: HubStatus;
};

export type ChannelArgs<K extends ChannelKey> = z.input<(typeof channels)[K]['args']>;
export type ChannelResult<K extends ChannelKey> = Results[K];

/**
 * Error kinds a bridge call can return. `message` is text fit to show the user (Russian from the main
 * process, whose `said` the renderer's bridge words in the interface language; the browser bridge's own).
 */
export type BridgeErrorType = 'invalid-args' | 'forbidden' | 'too-large' | 'io' | 'internal';
export type BridgeResult<T> = { data: T } | { error: { type: BridgeErrorType } & Worded };

/** What the preload exposes as `window.skhod` and what the browser bridge implements. */
export type Bridge = {
  [K in ChannelKey]: (args: ChannelArgs<K>) => Promise<BridgeResult<ChannelResult<K>>>;
};

export const channelKeys = Object.keys(channels) as ChannelKey[];
