import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildJurorPackage, packageAttachments, packJurorPackage } from '../../../shared/contest';
import type { EventRow } from '../../../shared/domain/types';
import { bridge } from '../../bridge/bridge';
import { ensureInvite, importScoreFile, loadAttachmentBytes, markPackageSent } from '../../db/repo/contest-scoring';
import { rememberPackageCode, sealForJuror, type PackageCode } from '../../db/repo/package-codes';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup, JurorView } from '../../hooks/use-contest';
import { usePackageCodes } from '../../hooks/use-package-codes';
import { JurorSheets, pendingGrants } from './JurorSheets';
import { formatWhen, nameIn } from './labels';
import { PackageCodeDialog } from './PackageCode';
import { errorText, sayText } from '../../i18n';

const MAX_SCORE_FILE = 20 * 1024 * 1024;

type Note = { kind: 'ok' | 'error'; text: string; details?: string[] };

const fileSafe = (s: string, fallback: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || fallback;

/** Juror packages out, score files in, and the returns board: who got what, who sent what back. */
export function ReturnsTab({ event, setup, data }: { event: EventRow; setup: ContestSetup; data: ContestData }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string>();
  // the codes of the packages exported on this device (device-local); `shown`: whose code is on screen
  const codes = usePackageCodes(setup.contest.id);
  const [shown, setShown] = useState<{ record: PackageCode; fresh: boolean }>();

  // a package is only worth sending while scoring is open: before, the criteria may still change; after, its file is refused
  const noPackage =
    setup.contest.status === 'setup'
      ? t('returns.beforeOpen')
      : setup.contest.status === 'closed'
        ? t('returns.afterClose')
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
      return setNote({ kind: 'error', text: t('returns.nothingAssigned', { name: nameIn(j.person, j.name, 'dative') }) });
    }
    // the bytes of exactly the packaged applications' files, nothing else leaves the device
    const refs = packageAttachments(pkg);
    const packed = packJurorPackage(pkg, await loadAttachmentBytes(ctx, refs.map((f) => f.id)));
    if (!packed.ok) return setNote({ kind: 'error', text: sayText(packed.said) });
    // sealed under a fresh code: a forwarded file shows nothing, not even the juror's name
    const sealed = await sealForJuror(packed.bytes);
    const saved = await bridge.saveFile({ suggestedName: `${fileSafe(j.person?.surname ?? j.name, t('returns.fileFallback'))}.skhod-jury`, bytes: sealed.bytes });
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
      text: t('returns.packageSaved', {
        name: nameIn(j.person, j.name, 'genitive'),
        file: saved.data.name,
        applications: pkg.applications.length,
        files: refs.length,
        returned: returned > 0 ? t('returns.packageReturned', { count: returned }) : '',
      }),
      details: omitted.length > 0 ? [t('returns.omitted', { count: omitted.length })] : undefined,
    });
  };

  const importFile = async () => {
    setNote(undefined);
    const picked = await bridge.openFile({ title: t('returns.scoreFileDialog'), filters: [], maxBytes: MAX_SCORE_FILE });
    if ('error' in picked) return setNote({ kind: 'error', text: picked.error.message });
    if (!picked.data) return;
    setBusy(true);
    try {
      const r = await importScoreFile(ctx, setup.contest.id, picked.data.bytes);
      if (!r.ok) return setNote({ kind: 'error', text: t('returns.refused', { file: picked.data.name, message: r.message }) });
      const name = data.jurors.find((j) => j.id === r.jurorId)?.name ?? t('returns.someJuror');
      const changed = r.added + r.replaced;
      setNote({
        kind: 'ok',
        text:
          changed === 0
            ? t('returns.nothingNew', { file: picked.data.name, name })
            : t('returns.accepted', { file: picked.data.name, name, added: r.added, replaced: r.replaced, unchanged: r.unchanged }) + (r.backup.ok ? t('returns.backedUp') : ''),
        details: r.refused,
      });
    } catch (err) {
      setNote({ kind: 'error', text: t('returns.failed', { file: picked.data.name, message: errorText(err) }) });
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
          {t('returns.load')}
        </button>
        <span className="muted">{t('returns.loadHint')}</span>
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
        <p className="empty">{t('returns.noJurors')}</p>
      ) : (
        <table className="simple-table contest-table" aria-label={t('returns.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('returns.juror')}</th>
              <th scope="col">{t('returns.sent')}</th>
              <th scope="col" className="num">
                {t('returns.received')}
              </th>
              <th scope="col" className="num">
                {t('returns.finished')}
              </th>
              <th scope="col">{t('returns.lastFile')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('returns.actions')}</span>
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
                    <td>{sent ? formatWhen(sent) : t('returns.notSent')}</td>
                    <td className="num">{t('returns.ofAssigned', { count: mine.length, total: assigned.size })}</td>
                    <td className="num">
                      {t('returns.ofAssigned', { count: final, total: assigned.size })}
                      {returned > 0 && <span className="returns-back">{t('returns.back', { count: returned })}</span>}
                    </td>
                    <td>{j.returned ? t('returns.lastFileWhen', { created: formatWhen(j.returned.fileCreatedAt), imported: formatWhen(j.returned.importedAt) }) : '—'}</td>
                    <td>
                      <button type="button" disabled={noPackage !== null} aria-describedby={noPackage ? 'no-package-reason' : undefined} title={noPackage ?? undefined} onClick={() => void download(j)}>
                        {t('returns.download')}
                      </button>{' '}
                      {code && (
                        <>
                          <button type="button" onClick={() => setShown({ record: code, fresh: false })}>
                            {t('returns.code')}
                            <span className="visually-hidden">{t('returns.codeWhose', { name: nameIn(j.person, j.name, 'genitive') })}</span>
                          </button>{' '}
                        </>
                      )}
                      <button type="button" aria-expanded={expanded} onClick={() => setOpen(expanded ? undefined : j.id)}>
                        {t('returns.sheets')}
                        <span className="visually-hidden">{t('returns.sheetsWhose', { name: nameIn(j.person, j.name, 'genitive') })}</span>
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
