import { z } from 'zod';
import { MAX_FILE_BYTES } from './limits';
import { BACKUP_NAME_RE, MAX_BACKUP_BYTES, MAX_BACKUP_INFO_CHARS } from '../backup/names';

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

export const channels = {
  appInfo: {
    channel: 'skhod:app-info',
    args: z.object({}).strict(),
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
          .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'имя файла без пути'),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'файл слишком большой'),
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
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BACKUP_BYTES, 'копия слишком большая'),
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

type Results = {
  appInfo: AppInfo;
  openFile: OpenedFile;
  saveFile: SavedFile;
  backupList: StoredBackup[];
  backupWrite: { name: string; size: number };
  backupRead: { bytes: Uint8Array };
  backupDelete: null;
};

export type ChannelArgs<K extends ChannelKey> = z.input<(typeof channels)[K]['args']>;
export type ChannelResult<K extends ChannelKey> = Results[K];

/** Error kinds a bridge call can return; `message` is Russian text fit to show the user. */
export type BridgeErrorType = 'invalid-args' | 'forbidden' | 'too-large' | 'io' | 'internal';
export type BridgeResult<T> = { data: T } | { error: { type: BridgeErrorType; message: string } };

/** What the preload exposes as `window.skhod` and what the browser bridge implements. */
export type Bridge = {
  [K in ChannelKey]: (args: ChannelArgs<K>) => Promise<BridgeResult<ChannelResult<K>>>;
};

export const channelKeys = Object.keys(channels) as ChannelKey[];
