import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Small JSON files in userData (paired devices on a hub, the hub link on a desk).
 * Written atomically — temp file in the same folder, fsync, rename — so a crash or power cut leaves
 * either the old file or the new one, never half of one (a half file would unpair every desk).
 */
export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(JSON.stringify(value, null, 2), 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, file);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Reads a JSON file checked by `parse`; `undefined` when it does not exist. A file that exists but is
 * unreadable or malformed is moved aside (`.broken-<time>`) and treated as absent, so the user can
 * pair again instead of being stuck — and the old file is still there for a bug report.
 */
export async function readJsonFile<T>(file: string, parse: (raw: unknown) => T | undefined): Promise<T | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let value: T | undefined;
  try {
    value = parse(JSON.parse(text));
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    console.error(`[skhod:hub] ${path.basename(file)} is malformed; moved aside`);
    await fs.rename(file, `${file}.broken-${Date.now()}`).catch(() => undefined);
  }
  return value;
}
