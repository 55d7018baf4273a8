import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { said } from '../../../shared/text/said';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const { createOpenedFiles, filesFromArgv } = await import('../../../electron/opened-files');
const { openedKind } = await import('../../../shared/ipc/opened-files');

describe('files the OS asks Сход to open', () => {
  it('takes only absolute paths of Сход files from the command line', () => {
    const argv = ['/opt/Сход/skhod', '--no-sandbox', '/home/gulnara/Загрузки/Стойка-2.skhod', 'relative.skhod', '/tmp/list.xlsx', 'C:\\x.skhod', '/home/a/Ахметова.SKHOD-JURY'];
    expect(filesFromArgv(argv)).toEqual(['/home/gulnara/Загрузки/Стойка-2.skhod', '/home/a/Ахметова.SKHOD-JURY']);
    expect(openedKind('a.skhod')).toBe('exchange');
    expect(openedKind('Эксперт.skhod-jury')).toBe('juror-package');
    expect(openedKind('Школа сельского активиста.skhod-report')).toBe('report-package');
    expect(openedKind('отчёт — школа.SKHOD-OTCHET')).toBe('report-file');
    expect(openedKind('a.skhod-backup')).toBeNull();
    expect(openedKind('skhod')).toBeNull();
  });

  it('keeps files opened before the window asks, and hands each over once, with name, kind and bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'skhod-open-'));
    const a = path.join(dir, 'Стойка 1.skhod');
    const b = path.join(dir, 'Эксперт.skhod-jury');
    await writeFile(a, 'SKHODEX…');
    await writeFile(b, '{"format":"skhod-juror-package"}');
    const q = createOpenedFiles();
    q.add([a, b, a, path.join(dir, 'list.xlsx')]);
    expect(await q.take(0)).toMatchObject({ name: 'Стойка 1.skhod', kind: 'exchange' });
    const second = await q.take(0);
    expect(second).toMatchObject({ name: 'Эксперт.skhod-jury', kind: 'juror-package' });
    expect(new TextDecoder().decode(second!.bytes)).toContain('skhod-juror-package');
    expect(await q.take(0)).toBeNull();
  });

  it('a waiting request gets a file opened later, or null when none comes', async () => {
    vi.useFakeTimers();
    try {
      const read = vi.fn(async () => new Uint8Array([1, 2]));
      const q = createOpenedFiles(read);
      const waiting = q.take(25_000);
      q.add(['/home/a/second-launch.skhod']);
      await expect(waiting).resolves.toMatchObject({ name: 'second-launch.skhod', kind: 'exchange' });
      const empty = q.take(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(empty).resolves.toBeNull();
      // the timed-out request is gone: a later file waits in the queue for the next one
      q.add(['/home/a/later.skhod']);
      await expect(q.take(0)).resolves.toMatchObject({ name: 'later.skhod' });
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a missing or oversized file is a named error for the window, not a crash', async () => {
    const q = createOpenedFiles();
    q.add([path.join(tmpdir(), 'нет-такого-файла.skhod')]);
    await expect(q.take(0)).rejects.toMatchObject({ type: 'io' });
    const big = createOpenedFiles(async (_p, max) => {
      expect(max).toBe(100 * 1024 * 1024);
      const { BridgeError } = await import('../../../electron/errors');
      throw new BridgeError('too-large', said('fileAccess:tooLarge', { name: 'huge.skhod', size: 200 * 1024 * 1024, limit: max }));
    });
    big.add(['/x/huge.skhod']);
    await expect(big.take(0)).rejects.toMatchObject({ type: 'too-large' });
  });
});
