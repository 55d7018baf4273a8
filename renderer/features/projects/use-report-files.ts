/**
 * The two files of a project's reporting, as the organizer handles them: «Пакет отчёта…» saves the
 * project's sealed package (repo/project-reports.ts exportReportPackage) and gives back the access code
 * to show; «Загрузить отчёт команды…» picks a report file and imports it, every refusal (tampered, stale,
 * wrong project, wrong key, too large) in the verifier's own Russian words after the file's name.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REPORT_FILE_BYTES } from '../../../shared/projects/report-file';
import type { Project } from '../../../shared/projects/types';
import { bridge } from '../../bridge/bridge';
import { exportReportPackage, importReportFile } from '../../db/repo/project-reports';
import { useDb } from '../../hooks/db-context';
import { errorText } from '../../i18n';

export const REPORT_PACKAGE_EXTENSION = 'skhod-report';
export const REPORT_FILE_EXTENSION = 'skhod-otchet';

export type Note = { kind: 'ok' | 'error'; text: string };
export type ShownCode = { title: string; code: string; fileName: string };

/** A file name from a project's title: letters, digits, spaces and dashes. */
export const fileSafe = (s: string) => s.replace(/[^\p{L}\p{N} -]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'project';

export function useReportFiles() {
  const { t } = useTranslation('projects');
  const ctx = useDb();
  const [note, setNote] = useState<Note>();
  const [code, setCode] = useState<ShownCode>();
  const [busy, setBusy] = useState(false);

  const exportPackage = async (project: Project) => {
    setNote(undefined);
    setBusy(true);
    try {
      const exported = await exportReportPackage(ctx, project.id);
      const saved = await bridge.saveFile({ suggestedName: `${fileSafe(project.title)}.${REPORT_PACKAGE_EXTENSION}`, bytes: new Uint8Array(exported.bytes) });
      if ('error' in saved) return setNote({ kind: 'error', text: t('package.failed', { message: saved.error.message }) });
      if (!saved.data) return;
      setCode({ title: project.title, code: exported.code, fileName: saved.data.name });
      setNote({ kind: 'ok', text: t('package.saved', { title: project.title, file: saved.data.name, round: exported.package.round }) });
    } catch (err) {
      setNote({ kind: 'error', text: t('package.failed', { message: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  };

  /** Loads a report file's bytes (picked here, or double-clicked in the file manager). */
  const importBytes = async (eventId: string, file: string, bytes: Uint8Array, titleOf: (projectId: string) => string) => {
    setNote(undefined);
    setBusy(true);
    try {
      const r = await importReportFile(ctx, eventId, bytes);
      if (!r.ok) return setNote({ kind: 'error', text: t('import.refused', { file, message: r.message }) });
      const facts = { file, title: titleOf(r.report.projectId), round: r.report.round, kind: t(`kind.${r.report.kind}`) };
      if (r.outcome === 'unchanged') return setNote({ kind: 'ok', text: t('import.unchanged', facts) });
      setNote({ kind: 'ok', text: [t('import.accepted', facts), r.backup?.ok ? t('import.backup') : ''].filter(Boolean).join(' ') });
    } catch (err) {
      setNote({ kind: 'error', text: t('import.failed', { file, message: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (eventId: string, titleOf: (projectId: string) => string) => {
    setNote(undefined);
    const picked = await bridge.openFile({ title: t('reportFileTitle'), filters: [{ name: t('reportFileTitle'), extensions: [REPORT_FILE_EXTENSION] }], maxBytes: MAX_REPORT_FILE_BYTES });
    if ('error' in picked) return setNote({ kind: 'error', text: picked.error.message });
    if (picked.data) await importBytes(eventId, picked.data.name, picked.data.bytes, titleOf);
  };

  return { note, setNote, code, closeCode: () => setCode(undefined), busy, exportPackage, importFile, importBytes };
}
