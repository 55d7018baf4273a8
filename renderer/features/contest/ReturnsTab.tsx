import { Fragment, useState } from 'react';
import { buildJurorPackage, packageAttachments, packJurorPackage } from '../../../shared/contest';
import type { EventRow } from '../../../shared/domain/types';
import { bridge } from '../../bridge/bridge';
import { ensureInvite, importScoreFile, loadAttachmentBytes, markPackageSent } from '../../db/repo/contest-scoring';
import { rememberPackageCode, sealForJuror, type PackageCode } from '../../db/repo/package-codes';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup, JurorView } from '../../hooks/use-contest';
import { usePackageCodes } from '../../hooks/use-package-codes';
import { JurorSheets, pendingGrants } from './JurorSheets';
import { formatWhen } from './labels';
import { PackageCodeDialog } from './PackageCode';

const MAX_SCORE_FILE = 20 * 1024 * 1024;

type Note = { kind: 'ok' | 'error'; text: string; details?: string[] };

const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'эксперт';

/** Juror packages out, score files in, and the returns board: who got what, who sent what back. */
export function ReturnsTab({ event, setup, data }: { event: EventRow; setup: ContestSetup; data: ContestData }) {
  const ctx = useDb();
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string>();
  // the codes of the packages exported on this device (device-local); `shown`: whose code is on screen
  const codes = usePackageCodes(setup.contest.id);
  const [shown, setShown] = useState<{ record: PackageCode; fresh: boolean }>();

  // a package is only worth sending while scoring is open: before, the criteria may still change; after, its file is refused
  const noPackage =
    setup.contest.status === 'setup'
      ? 'Пакеты можно скачать после открытия приёма оценок (вкладка «Настройка»): тогда критерии в пакете уже не изменятся.'
      : setup.contest.status === 'closed'
        ? 'Приём оценок закрыт: новые пакеты не нужны — файлы оценок по ним не будут приняты.'
        : null;

  const download = async (j: JurorView) => {
    setNote(undefined);
    if (noPackage) return setNote({ kind: 'error', text: noPackage });
    const invite = await ensureInvite(ctx, j.id);
    const { package: pkg, omitted } = buildJurorPackage({
      contest: setup.contest,
      eventTitle: event.title,
      nominations: setup.nominations,
      applications: data.applications,
      assignments: data.assignments,
      conflicts: data.conflicts,
      juror: j,
      jurorName: j.name,
      invitationSecret: invite.invitationSecret,
      createdAt: new Date().toISOString(),
      organizationName: (id) => data.organizations.get(id)?.name,
      municipalityName: (id) => data.municipalities.get(id)?.name,
    });
    if (pkg.applications.length === 0) {
      return setNote({ kind: 'error', text: `Эксперту ${j.name} не назначено ни одной заявки — распределите заявки на вкладке «Распределение».` });
    }
    // the bytes of exactly the packaged applications' files, nothing else leaves the device
    const refs = packageAttachments(pkg);
    const packed = packJurorPackage(pkg, await loadAttachmentBytes(ctx, refs.map((f) => f.id)));
    if (!packed.ok) return setNote({ kind: 'error', text: packed.message });
    // sealed under a fresh code: a forwarded file shows nothing, not even the juror's name
    const sealed = await sealForJuror(packed.bytes);
    const saved = await bridge.saveFile({ suggestedName: `${fileSafe(j.person?.surname ?? j.name)}.skhod-jury`, bytes: sealed.bytes });
    if ('error' in saved) return setNote({ kind: 'error', text: saved.error.message });
    if (!saved.data) return;
    // the record itself is shown, not the stored list's: that may still hold this juror's previous code
    const record: PackageCode = { jurorId: j.id, jurorName: j.name, contestId: setup.contest.id, code: sealed.code, fileName: saved.data.name, savedAt: new Date().toISOString() };
    await rememberPackageCode(ctx, record);
    await markPackageSent(ctx, j.id);
    setShown({ record, fresh: true });
    const returned = pkg.reopens?.length ?? 0;
    setNote({
      kind: 'ok',
      text: `Пакет эксперта ${j.name} сохранён: «${saved.data.name}», заявок: ${pkg.applications.length}, файлов заявок: ${refs.length}${returned > 0 ? `, возвратов на доработку: ${returned}` : ''}. Файл зашифрован: код доступа сообщите эксперту отдельно от файла.`,
      details: omitted.length > 0 ? [`Не вошли в пакет (не допущены, другая номинация или конфликт): ${omitted.length}.`] : undefined,
    });
  };

  const importFile = async () => {
    setNote(undefined);
    const picked = await bridge.openFile({ title: 'Файл оценок эксперта', filters: [], maxBytes: MAX_SCORE_FILE });
    if ('error' in picked) return setNote({ kind: 'error', text: picked.error.message });
    if (!picked.data) return;
    setBusy(true);
    try {
      const r = await importScoreFile(ctx, setup.contest.id, picked.data.bytes);
      if (!r.ok) return setNote({ kind: 'error', text: `Файл «${picked.data.name}»: ${r.message}` });
      const name = data.jurors.find((j) => j.id === r.jurorId)?.name ?? 'эксперта';
      const changed = r.added + r.replaced;
      setNote({
        kind: 'ok',
        text:
          changed === 0
            ? `Файл «${picked.data.name}» (${name}) уже был загружен: новых оценок нет.`
            : `Файл «${picked.data.name}» (${name}) принят: новых листов ${r.added}, обновлено ${r.replaced}, без изменений ${r.unchanged}.${r.backup.ok ? ' Перед загрузкой сделана резервная копия.' : ''}`,
        details: r.refused,
      });
    } catch (err) {
      setNote({ kind: 'error', text: `Файл «${picked.data.name}» не загружен: ${(err as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {noPackage && (
        <p className="results-note results-note-warn" id="no-package-reason">
          {noPackage}
        </p>
      )}
      <div className="contest-actions">
        <button type="button" className="primary" disabled={busy} aria-busy={busy} onClick={() => void importFile()}>
          Загрузить файл оценок…
        </button>
        <span className="muted">Файлы можно загружать в любом порядке и сколько угодно раз: устаревшие и повторные ничего не меняют.</span>
      </div>
      {note && (
        <div className={note.kind === 'ok' ? 'assign-report ok' : 'assign-report bad'} role={note.kind === 'ok' ? 'status' : 'alert'}>
          <p>{note.text}</p>
          {note.details && note.details.length > 0 && (
            <ul>
              {note.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {data.jurors.length === 0 ? (
        <p className="empty">Экспертов пока нет — добавьте их на вкладке «Эксперты и конфликты».</p>
      ) : (
        <table className="simple-table contest-table" aria-label="Возвраты оценок">
          <thead>
            <tr>
              <th scope="col">Эксперт</th>
              <th scope="col">Пакет отправлен</th>
              <th scope="col" className="num">
                Получено оценок
              </th>
              <th scope="col" className="num">
                Завершено
              </th>
              <th scope="col">Последний файл</th>
              <th scope="col">
                <span className="visually-hidden">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.jurors.map((j) => {
              const assigned = new Set(data.assignments.filter((a) => a.jurorId === j.id).map((a) => a.applicationId));
              const mine = data.scores.filter((s) => s.jurorId === j.id && assigned.has(s.applicationId));
              const final = mine.filter((s) => s.status === 'final').length;
              const sent = j.invite?.sentAt;
              const returned = data.assignments.filter((a) => a.jurorId === j.id && pendingGrants(a.reopens, mine.find((s) => s.applicationId === a.applicationId)).length > 0).length;
              const expanded = open === j.id;
              const code = codes?.get(j.id);
              return (
                <Fragment key={j.id}>
                  <tr className={assigned.size > 0 && final === assigned.size ? 'returns-done' : undefined}>
                    <td>{j.name}</td>
                    <td>{sent ? formatWhen(sent) : 'не отправлен'}</td>
                    <td className="num">
                      {mine.length} из {assigned.size}
                    </td>
                    <td className="num">
                      {final} из {assigned.size}
                      {returned > 0 && <span className="returns-back"> · на доработке {returned}</span>}
                    </td>
                    <td>{j.returned ? `${formatWhen(j.returned.fileCreatedAt)} (загружен ${formatWhen(j.returned.importedAt)})` : '—'}</td>
                    <td>
                      <button type="button" disabled={noPackage !== null} aria-describedby={noPackage ? 'no-package-reason' : undefined} title={noPackage ?? undefined} onClick={() => void download(j)}>
                        Скачать пакет эксперта
                      </button>{' '}
                      {code && (
                        <>
                          <button type="button" onClick={() => setShown({ record: code, fresh: false })}>
                            Код доступа<span className="visually-hidden"> к пакету эксперта {j.name}</span>
                          </button>{' '}
                        </>
                      )}
                      <button type="button" aria-expanded={expanded} onClick={() => setOpen(expanded ? undefined : j.id)}>
                        Листы<span className="visually-hidden"> эксперта {j.name}</span>
                      </button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr className="returns-sheets">
                      <td colSpan={6}>
                        <JurorSheets juror={j} data={data} nominations={setup.nominations} onReopened={(text) => setNote({ kind: 'ok', text })} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {shown && <PackageCodeDialog key={shown.record.code} record={shown.record} fresh={shown.fresh} onClose={() => setShown(undefined)} />}
    </div>
  );
}
