import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, type FileFilter, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import type { SavedFile } from '../../shared/ipc/contract';
import { said } from '../../shared/text/said';
import { say } from '../language';
import type { ParsedArgs } from '../ipc';
import { ioError } from './fs-errors';

function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops have no XDG documents folder configured.
    return os.homedir();
  }
}

function filtersFor(fileName: string): FileFilter[] {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const all: FileFilter = { name: say(said('fileAccess:dialogs.allFiles')), extensions: ['*'] };
  return /^[a-z0-9]{1,10}$/.test(ext) ? [{ name: say(said('fileAccess:dialogs.fileOfType', { ext })), extensions: [ext] }, all] : [all];
}

/**
 * Asks the user where to save and writes the bytes there. As with openFile, the path comes from the
 * OS dialog, never from the renderer (the contract allows only a bare suggested name).
 */
export async function saveFile(args: ParsedArgs<'saveFile'>, event: IpcMainInvokeEvent): Promise<SavedFile> {
  const options: SaveDialogOptions = {
    title: say(said('fileAccess:dialogs.save')),
    defaultPath: path.join(documentsFolder(), args.suggestedName),
    filters: filtersFor(args.suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const win = BrowserWindow.fromWebContents(event.sender);
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  await writeFileAtomically(result.filePath, args.bytes);
  return { name: result.filePath };
}

/**
 * Writes a temp file in the target's folder, flushes it, then renames it over the target.
 * Invariant: whoever looks at the target (the user, Excel, a backup restore) sees either the old file
 * or the complete new one — never a half-written file after a crash, a full disk or a pulled USB stick.
 * Same folder because rename is atomic only within one file system.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  // Short prefix of the name (NAME_MAX is 255) and a random tail so two saves never share a temp file.
  const temp = path.join(dir, `.${base.slice(0, 80)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    // 'wx': fail rather than write through an existing file or symlink at the temp path.
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw ioError('write', base, err);
  }
}
