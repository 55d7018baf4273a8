import { useEffect, useState } from 'react';
import type { JurorPackage } from '../../../shared/contest';
import { bridge } from '../../bridge/bridge';
import { buildJurorScoreFile, jurorAttachmentIds, packageKey, rememberSheet, resumeSheet, switchJurorPackage } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { useJurorScores, useJurorShelf } from '../../hooks/use-juror';
import { ApplicationSheet } from './ApplicationSheet';
import { OpenPackageButton } from './OpenPackageButton';

const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'эксперт';

/** The juror's whole screen: their applications, one sheet at a time, progress and the score file. */
export function ScoreSheet({ pkg, onLeave }: { pkg: JurorPackage; onLeave: () => void }) {
  const ctx = useDb();
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
  if (!scores || current === null) return <div className="splash">Сход…</div>;
  const total = pkg.applications.length;
  const finals = pkg.applications.filter((a) => scores.get(a.id)?.status === 'final').length;
  const started = pkg.applications.filter((a) => scores.has(a.id)).length;
  const app = pkg.applications.find((a) => a.id === current);
  const index = pkg.applications.findIndex((a) => a.id === current);

  const saveFile = async () => {
    setNote(undefined);
    try {
      const bytes = new Uint8Array(await buildJurorScoreFile(ctx, pkg));
      const saved = await bridge.saveFile({ suggestedName: `оценки-${fileSafe(pkg.juror.name)}.skhod-scores`, bytes });
      if ('error' in saved) return setNote({ kind: 'error', text: saved.error.message });
      if (saved.data) {
        setNote({
          kind: 'ok',
          text: `Файл оценок сохранён: «${saved.data.name}» (завершено ${finals} из ${total}). Отправьте его организатору; если позже что-то измените — сохраните и отправьте файл заново.`,
        });
      }
    } catch (err) {
      setNote({ kind: 'error', text: (err as Error).message });
    }
  };

  return (
    <div className="jury-shell">
      <header className="topbar jury-topbar">
        <span className="brand">Сход</span>
        <span className="jury-who" title={`${pkg.juror.name} · ${pkg.contest.title}`}>
          Режим эксперта · <strong>{pkg.juror.name}</strong> · {pkg.contest.title}
        </span>
        <span className="jury-progress" role="status" aria-label="Прогресс">
          Завершено {finals} из {total}
          {started > finals ? ` · начато ${started - finals}` : ''}
        </span>
        <progress max={total} value={finals} aria-label={`Завершено ${finals} из ${total}`} />
        <button type="button" className="primary" onClick={() => void saveFile()}>
          Сохранить файл оценок
        </button>
        <OpenPackageButton label="Открыть новый пакет…" current={pkg} />
        {shelf && shelf.length > 0 && (
          <details className="jury-shelf">
            <summary>Другие пакеты ({shelf.length})</summary>
            <ul>
              {shelf.map((p) => (
                <li key={packageKey(p)}>
                  <button type="button" onClick={() => void switchJurorPackage(ctx, packageKey(p))}>
                    {p.juror.name} — «{p.contest.title}»
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <button type="button" onClick={onLeave}>
          Выйти<span className="visually-hidden"> из режима эксперта</span>
        </button>
      </header>
      {note && (
        <p className={note.kind === 'ok' ? 'form-ok jury-note' : 'form-error jury-note'} role={note.kind === 'ok' ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      <div className="jury-body">
        <nav className="jury-list" aria-label="Заявки для оценки">
          <ol>
            {pkg.applications.map((a, i) => {
              const s = scores.get(a.id);
              const mark = s?.status === 'final' ? '✓' : s ? '…' : '';
              return (
                <li key={a.id}>
                  <button type="button" aria-current={a.id === current ? 'true' : undefined} onClick={() => setCurrent(a.id)}>
                    <span className="jury-list-n">{i + 1}.</span> {a.title}
                    <span className="jury-list-mark" aria-label={s?.status === 'final' ? 'завершено' : s ? 'черновик' : 'не начато'}>
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
            <p className="empty">В пакете нет заявок. Попросите организатора прислать пакет заново.</p>
          )}
        </main>
      </div>
    </div>
  );
}
