/**
 * The team's report screen: the project from its package, the report form, and «Сохранить файл
 * отчёта», which checks the draft (shared/projects/team-draft.ts), signs the report file for the
 * package's round and saves it through the bridge. The draft is kept on the device a moment after each
 * change (and at once when a photo is added or removed), so a restart loses nothing. Ctrl+S saves the file.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS } from '../../../shared/projects/report-file';
import type { ReportPackage } from '../../../shared/projects/report-package';
import { checkDraft, draftFor, type DraftProblem, type TeamDraft } from '../../../shared/projects/team-draft';
import { formatBytes, formatDate, todayIn } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import type { ReportPhotoRow } from '../../db/database';
import { addDraftPhoto, buildTeamReportFile, draftPhotos, loadTeamDraft, saveTeamDraft, showTeamProject } from '../../db/repo/team-drafts';
import { useDb } from '../../hooks/db-context';
import { useTeamPackages } from '../../hooks/use-team';
import { OpenReportPackageButton } from './OpenReportPackageButton';
import { PhotoField } from './PhotoField';
import { preparePhoto } from './prepare-photo';
import { ProjectCard } from './ProjectCard';
import { ReportForm } from './ReportForm';
import { errorText, sayText } from '../../i18n';

type Note = { kind: 'ok' | 'error'; text: string };
const SAVE_DELAY_MS = 400;

export function TeamReport({ pkg, onLeave }: { pkg: ReportPackage; onLeave: () => void }) {
  const { t } = useTranslation('projectTeam');
  const ctx = useDb();
  const others = (useTeamPackages() ?? []).filter((p) => p.project.id !== pkg.project.id);
  const [draft, setDraft] = useState<TeamDraft>();
  const [photos, setPhotos] = useState<ReportPhotoRow[]>([]);
  const [problems, setProblems] = useState<DraftProblem[]>();
  const [note, setNote] = useState<Note>();
  const [photoNote, setPhotoNote] = useState<Note>();
  const [busy, setBusy] = useState<'photos' | 'file'>();
  const latest = useRef<TeamDraft>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // after a refused save, the first field with a problem takes the focus once the problems are drawn
  const focusProblem = useRef(false);
  useEffect(() => {
    if (!problems || !focusProblem.current) return;
    focusProblem.current = false;
    document.querySelector<HTMLElement>('.team-form [aria-invalid="true"]')?.focus();
  }, [problems]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const d = draftFor(pkg, await loadTeamDraft(ctx, pkg.project.id));
      const rows = await draftPhotos(ctx, d);
      if (!live) return;
      latest.current = d;
      setDraft(d);
      setPhotos(rows);
    })();
    return () => {
      live = false;
    };
  }, [ctx, pkg]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (latest.current) await saveTeamDraft(ctx, latest.current);
  }, [ctx]);
  // the last change is kept when the screen goes (another project, leaving report mode)
  useEffect(() => () => void flush(), [flush]);

  const change = (next: TeamDraft) => {
    latest.current = next;
    setDraft(next);
    if (problems) setProblems(checkOf(next, photos));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const addPhotos = async (files: File[]) => {
    if (!latest.current) return;
    setBusy('photos');
    setPhotoNote(undefined);
    await flush();
    try {
      let d = latest.current;
      const added: ReportPhotoRow[] = [];
      const notes: string[] = [];
      for (const [i, file] of files.entries()) {
        if (d.photoIds.length >= MAX_PHOTOS) {
          setPhotoNote({ kind: 'error', text: t('photos.tooMany', { max: MAX_PHOTOS, name: files[i]!.name }) });
          break;
        }
        const prepared = await preparePhoto(file);
        if (!prepared.ok) {
          setPhotoNote({ kind: 'error', text: t(prepared.reason === 'not-image' ? 'photos.notImage' : 'photos.unreadable', { name: file.name }) });
          continue;
        }
        d = await addDraftPhoto(ctx, d, prepared.photo);
        latest.current = d;
        added.push(...(await draftPhotos(ctx, { projectId: d.projectId, photoIds: [prepared.photo.id] })));
        const p = prepared.photo;
        notes.push(prepared.shrunkFrom === undefined ? t('photos.added', { name: p.name }) : t('photos.shrunk', { name: p.name, from: formatBytes(prepared.shrunkFrom), to: formatBytes(p.bytes.byteLength) }));
      }
      setDraft(latest.current);
      setPhotos((was) => [...was, ...added]);
      if (notes.length > 0) setPhotoNote((n) => n ?? { kind: 'ok', text: notes.join(' ') });
    } finally {
      setBusy(undefined);
    }
  };

  const removePhoto = async (id: string) => {
    if (!latest.current) return;
    const next = { ...latest.current, photoIds: latest.current.photoIds.filter((x) => x !== id) };
    latest.current = next;
    setDraft(next);
    setPhotos((was) => was.filter((p) => p.id !== id));
    await flush();
  };

  const saveFile = async () => {
    const d = latest.current;
    if (!d || busy) return;
    await flush();
    const check = checkDraft(d, photos, todayIn());
    if (!check.ok) {
      focusProblem.current = true;
      setProblems(check.problems);
      setNote({ kind: 'error', text: t('problems.summary', { count: check.problems.length }) });
      return;
    }
    setProblems(undefined);
    setBusy('file');
    try {
      const now = new Date().toISOString();
      const written = await buildTeamReportFile(ctx, d, check.content, now);
      if (!written.ok) return setNote({ kind: 'error', text: t('saved.failed', { message: sayText(written.said) }) });
      const name = t('saved.fileName', { title: pkg.project.title, round: pkg.round }).replace(/[\\/:*?"<>|]/g, ' ');
      const saved = await bridge.saveFile({ suggestedName: name, bytes: written.bytes });
      if ('error' in saved) return setNote({ kind: 'error', text: t('saved.failed', { message: saved.error.message }) });
      if (!saved.data) return;
      const next = { ...d, savedFileAt: now };
      latest.current = next;
      setDraft(next);
      await saveTeamDraft(ctx, next);
      setNote({ kind: 'ok', text: t('saved.file', { name: saved.data.name, at: formatDate(now, 'dateTime') }) });
    } catch (err) {
      setNote({ kind: 'error', text: t('saved.failed', { message: errorText(err) }) });
    } finally {
      setBusy(undefined);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveFile();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="jury-shell team-shell">
      <header className="topbar jury-topbar">
        <span className="brand">{t('app:app.name')}</span>
        <span className="jury-who" title={pkg.project.title}>
          {t('bar.mode')} · <strong>{pkg.project.title}</strong> · {t('bar.round', { round: pkg.round })}
        </span>
        <button type="button" className="primary" disabled={!draft || busy === 'file'} aria-busy={busy === 'file'} aria-keyshortcuts="Control+S" onClick={() => void saveFile()}>
          {busy === 'file' ? t('bar.saving') : t('bar.save')}
        </button>
        <OpenReportPackageButton label={t('bar.openNew')} />
        {others.length > 0 && (
          <details className="jury-shelf">
            <summary>{t('bar.others', { count: others.length })}</summary>
            <ul>
              {others.map((p) => (
                <li key={p.project.id}>
                  <button type="button" onClick={() => void flush().then(() => showTeamProject(ctx, p.project.id))}>
                    {p.project.title}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <button type="button" onClick={() => void flush().then(onLeave)}>
          {t('bar.leave')}
          <span className="visually-hidden">{t('bar.leaveHint')}</span>
        </button>
      </header>
      {note && (
        <p className={note.kind === 'ok' ? 'form-ok jury-note' : 'form-error jury-note'} role={note.kind === 'ok' ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      <main className="team-main" id="content">
        <ProjectCard pkg={pkg} />
        {draft && (
          <ReportForm
            pkg={pkg}
            draft={draft}
            onChange={change}
            problems={problems ?? []}
            photos={
              <PhotoField
                photos={photos}
                busy={busy === 'photos'}
                note={photoNote?.kind === 'ok' ? photoNote.text : undefined}
                error={photoNote?.kind === 'error' ? photoNote.text : problems?.some((p) => p.field === 'photos') ? t('problems.too-many') : undefined}
                onAdd={(files) => void addPhotos(files)}
                onRemove={(id) => void removePhoto(id)}
              />
            }
          />
        )}
      </main>
    </div>
  );
}

const checkOf = (d: TeamDraft, photos: readonly ReportPhotoRow[]) => {
  const c = checkDraft(d, photos, todayIn());
  return c.ok ? [] : c.problems;
};
