import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../shared/contest';
import { canEdit } from '../../../shared/contest';
import { importApplications, saveApplication } from '../../db/repo/contest-applications';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import type { ParticipantRow } from '../../hooks/use-participants';
import { ApplicationDialog } from './ApplicationDialog';
import { ImportApplicationsDialog } from './ImportApplicationsDialog';
import { formatRub, statusLabel } from './labels';
import { errorText } from '../../i18n';

type Props = { setup: ContestSetup; data: ContestData; participants: ParticipantRow[] };

export function ApplicationsTab({ setup, data, participants }: Props) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [dialog, setDialog] = useState<{ kind: 'edit'; application?: Application } | { kind: 'import' } | null>(null);
  const [message, setMessage] = useState<string>();
  const nominationTitle = new Map(setup.nominations.map((n) => [n.id, n.title]));
  const submitted = data.applications.filter((a) => a.status === 'submitted');
  const editable = canEdit(setup.contest, 'applications');

  const admitAll = async () => {
    setMessage(undefined);
    try {
      for (const a of submitted) {
        const { attachments: _a, organizationId, contestId: _c, ...rest } = a;
        await saveApplication(ctx, setup.contest.id, { ...rest, status: 'admitted', organizationName: organizationId ? data.organizations.get(organizationId)?.name : undefined });
      }
      setMessage(t('applications.admitted', { count: submitted.length }));
    } catch (err) {
      setMessage(errorText(err));
    }
  };

  return (
    <div>
      <div className="contest-actions">
        <button type="button" className="primary" disabled={!editable} onClick={() => setDialog({ kind: 'edit' })}>
          {t('applications.new')}
        </button>
        <button type="button" disabled={!editable} onClick={() => setDialog({ kind: 'import' })}>
          {t('applications.import')}
        </button>
        {submitted.length > 0 && (
          <button type="button" disabled={!editable} onClick={() => void admitAll()}>
            {t('applications.admitAll', { count: submitted.length })}
          </button>
        )}
      </div>
      {message && (
        <p className="form-ok" role="status">
          {message}
        </p>
      )}
      {data.applications.length === 0 ? (
        <p className="empty">{t('applications.empty')}</p>
      ) : (
        <table className="simple-table contest-table" aria-label={t('applications.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('applications.project')}</th>
              <th scope="col">{t('applications.nomination')}</th>
              <th scope="col">{t('applications.municipality')}</th>
              <th scope="col">{t('applications.organization')}</th>
              <th scope="col" className="num">
                {t('applications.amount')}
              </th>
              <th scope="col">{t('applications.status')}</th>
              <th scope="col">{t('applications.files')}</th>
            </tr>
          </thead>
          <tbody>
            {data.applications.map((a) => (
              <tr key={a.id}>
                <td>
                  <button type="button" className="link" translate="no" onClick={() => setDialog({ kind: 'edit', application: a })}>
                    {a.title}
                  </button>
                </td>
                <td>{nominationTitle.get(a.nominationId) ?? '—'}</td>
                <td>{a.municipalityId ? (data.municipalities.get(a.municipalityId)?.name ?? '—') : '—'}</td>
                <td>{a.organizationId ? (data.organizations.get(a.organizationId)?.name ?? '—') : '—'}</td>
                <td className="num">{formatRub(a.requestedAmount)}</td>
                <td>
                  <span className={`app-status app-status-${a.status}`}>{statusLabel(a.status)}</span>
                  {a.rejectReason && <div className="muted small">{a.rejectReason}</div>}
                </td>
                <td className="num">{a.attachments.length || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'edit' && (
        <ApplicationDialog setup={setup} data={data} participants={participants} application={dialog.application} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && (
        <ImportApplicationsDialog
          setup={setup}
          onImport={async (rows) => {
            const n = await importApplications(ctx, setup.contest.id, rows);
            setMessage(t('applications.imported', { count: n }));
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
