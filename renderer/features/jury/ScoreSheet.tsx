import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JurorPackage } from '../../../shared/contest';
import { bridge } from '../../bridge/bridge';
import { buildJurorScoreFile, jurorAttachmentIds, packageKey, rememberSheet, resumeSheet, switchJurorPackage } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { useJurorScores, useJurorShelf } from '../../hooks/use-juror';
import { ApplicationSheet } from './ApplicationSheet';
import { OpenPackageButton } from './OpenPackageButton';
import { errorText } from '../../i18n';

const fileSafe = (s: string, fallback: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || fallback;

/** The juror's whole screen: their applications, one sheet at a time, progress and the score file. */
export function ScoreSheet({ pkg, onLeave }: { pkg: JurorPackage; onLeave: () => void }) {
  const ctx = useDb();
  const { t } = useTranslation('jury');
  const scores = useJurorScores(pkg);
  const shelf = useJurorShelf();
  // resumes at the sheet last open (or the first in progress) once the sheets are read
  const [current, setCurrentState] = useState<string | null>(null);
  useEffect(() => {
    if (!scores || current !== null) return;
    let live = true;
    void resumeSheet(ctx, pkg, scores).then((id) => live && setCurrentState(id ?? ''));
    return () => {
      live = false;
    };
  }, [ctx, pkg, scores, current]);
  const setCurrent = (id: string) => {
    setCurrentState(id);
    void rememberSheet(ctx, pkg, id);
  };
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string }>();
  // which files came with the package: fixed while this package is open (a new package remounts this screen)
  const [files, setFiles] = useState<Set<string>>();
  useEffect(() => {
    let live = true;
    void jurorAttachmentIds(ctx).then((ids) => live && setFiles(ids));
    return () => {
      live = false;
    };
  }, [ctx]);
  if (!scores || current === null) return <div className="splash">{t('splash')}</div>;
  const total = pkg.applications.length;
  const finals = pkg.applications.filter((a) => scores.get(a.id)?.status === 'final').length;
  const started = pkg.applications.filter((a) => scores.has(a.id)).length;
  const app = pkg.applications.find((a) => a.id === current);
  const index = pkg.applications.findIndex((a) => a.id === current);

  const saveFile = async () => {
    setNote(undefined);
    try {
      const bytes = new Uint8Array(await buildJurorScoreFile(ctx, pkg));
      const saved = await bridge.saveFile({ suggestedName: t('shell.fileName', { name: fileSafe(pkg.juror.name, t('shell.fileFallback')) }), bytes });
      if ('error' in saved) return setNote({ kind: 'error', text: saved.error.message });
      if (saved.data) {
        setNote({
          kind: 'ok',
          text: t('shell.saved', { name: saved.data.name, finals, total }),
        });
      }
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <div className="jury-shell">
      <header className="topbar jury-topbar">
        <span className="brand">{t('brand')}</span>
        <span className="jury-who" title={`${pkg.juror.name} · ${pkg.contest.title}`}>
          {t('shell.mode')}
          <strong>{pkg.juror.name}</strong> · {pkg.contest.title}
        </span>
        <span className="jury-progress" role="status" aria-label={t('shell.progressLabel')}>
          {t('shell.progress', { finals, total })}
          {started > finals ? t('shell.started', { count: started - finals }) : ''}
        </span>
        <progress max={total} value={finals} aria-label={t('shell.progress', { finals, total })} />
        <button type="button" className="primary" onClick={() => void saveFile()}>
          {t('shell.saveFile')}
        </button>
        <OpenPackageButton label={t('shell.openNew')} current={pkg} />
        {shelf && shelf.length > 0 && (
          <details className="jury-shelf">
            <summary>{t('shell.shelf', { count: shelf.length })}</summary>
            <ul>
              {shelf.map((p) => (
                <li key={packageKey(p)}>
                  <button type="button" onClick={() => void switchJurorPackage(ctx, packageKey(p))}>
                    {t('shell.shelfItem', { name: p.juror.name, contest: p.contest.title })}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <button type="button" onClick={onLeave}>
          {t('shell.leave')}
          <span className="visually-hidden">{t('shell.leaveWhat')}</span>
        </button>
      </header>
      {note && (
        <p className={note.kind === 'ok' ? 'form-ok jury-note' : 'form-error jury-note'} role={note.kind === 'ok' ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      <div className="jury-body">
        <nav className="jury-list" aria-label={t('shell.listLabel')}>
          <ol>
            {pkg.applications.map((a, i) => {
              const s = scores.get(a.id);
              const mark = s?.status === 'final' ? '✓' : s ? '…' : '';
              return (
                <li key={a.id}>
                  <button type="button" aria-current={a.id === current ? 'true' : undefined} onClick={() => setCurrent(a.id)}>
                    <span className="jury-list-n">{i + 1}.</span> {a.title}
                    <span className="jury-list-mark" aria-label={s?.status === 'final' ? t('shell.markFinal') : s ? t('shell.markDraft') : t('shell.markNone')}>
                      {mark}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <main className="jury-main" id="content">
          {app ? (
            <ApplicationSheet
              key={app.id}
              pkg={pkg}
              application={app}
              score={scores.get(app.id)}
              files={files}
              onNext={index < total - 1 ? () => setCurrent(pkg.applications[index + 1]!.id) : undefined}
            />
          ) : (
            <p className="empty">{t('shell.empty')}</p>
          )}
        </main>
      </div>
    </div>
  );
}
