import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import type { OpenedFile } from '../../shared/ipc/contract';
import { said } from '../../shared/text/said';
import { BridgeError } from '../errors';
import { say } from '../language';
import type { ParsedArgs } from '../ipc';
import { ioError } from './fs-errors';

/**
 * Lets the user pick one file and returns its bytes. The renderer never names a path: the user does,
 * in the OS dialog, so a compromised page cannot read arbitrary files through this channel.
 */
export async function openFile(args: ParsedArgs<'openFile'>, event: IpcMainInvokeEvent): Promise<OpenedFile> {
  const options: OpenDialogOptions = {
    title: args.title ?? say(said('fileAccess:dialogs.open')),
    filters: args.filters,
    properties: ['openFile', 'dontAddToRecent'],
  };
  const win = BrowserWindow.fromWebContents(event.sender);
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const filePath = result.filePaths[0];
  if (result.canceled || filePath === undefined) return null;
  return { name: path.basename(filePath), bytes: await readFileLimited(filePath, args.maxBytes) };
}

/**
 * Reads a whole regular file of at most `maxBytes`. The size is checked with stat BEFORE anything is
 * read, so a 4 GB video picked by mistake costs nothing; devices and FIFOs (which would block or never
 * end) are refused the same way. The read itself is bounded too, in case the file grows meanwhile.
 */
export async function readFileLimited(filePath: string, maxBytes: number): Promise<Uint8Array> {
  const name = path.basename(filePath);
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (err) {
    throw ioError('read', name, err);
  }
  if (!stat.isFile()) throw new BridgeError('io', said('fileAccess:notRegular', { name }));
  if (stat.size > maxBytes) throw new BridgeError('too-large', said('fileAccess:tooLarge', { name, size: stat.size, limit: maxBytes }));
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(filePath, 'r');
    // One byte more than stat promised: if it gets filled, the file is still being written.
    const buffer = Buffer.alloc(stat.size + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > stat.size) {
      throw new BridgeError('io', said('fileAccess:changing', { name }));
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } catch (err) {
    throw ioError('read', name, err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
