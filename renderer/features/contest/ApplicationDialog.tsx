/**
 * One application: project, nomination, municipality, applicant organization and people, amount, date,
 * status, files. Built from the UI kit like the participant's card: fields with their errors, the form's
 * Enter saves and closes, «Удалить заявку» asks in the app's own dialog. After the first save the dialog
 * stays open on the saved application («Сохранить и приложить файлы»), so files can be attached.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application, ApplicationStatus } from '../../../shared/contest';
import { formatBytes } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import { FormDialog, SelectField, TextAreaField, TextField, closeDialog, useConfirm, type Option } from '../../components/ui';
import { addAttachment, ATTACHMENT_EXTENSIONS, deleteApplication, loadAttachment, MAX_ATTACHMENT_BYTES, removeAttachment, saveApplication, validateApplication, type ApplicationInput } from '../../db/repo/contest-applications';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { useMunicipalities } from '../../hooks/use-municipalities';
import type { ParticipantRow } from '../../hooks/use-participants';
import { APPLICATION_STATUSES, statusLabel } from './labels';
import { errorText } from '../../i18n';

type Props = { setup: ContestSetup; data: ContestData; participants: ParticipantRow[]; application?: Application; onClose: () => void };

/** A moment as a datetime-local input holds it (the laptop's wall clock). */
const localInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** «150 000,50» or «150000.5» → 150000.5; '' → undefined; anything else → NaN (the repository refuses it). */
const parseRubles = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.')));

const personLabel = (r: ParticipantRow) => `${r.fullName}${r.organization ? ` — ${r.organization}` : r.municipality ? ` — ${r.municipality}` : ''}`;

export function ApplicationDialog({ setup, data, participants, application, onClose }: Props) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const municipalities = useMunicipalities();
  const [confirm, confirmDialog] = useConfirm();
  // after the first save the dialog stays open on the saved application, so files can be attached
  const [saved, setSaved] = useState<Application | undefined>(application);
  const live = saved ? (data.applications.find((a) => a.id === saved.id) ?? saved) : undefined;
  const [form, setForm] = useState({
    title: application?.title ?? '',
    summary: application?.summary ?? '',
    nominationId: application?.nominationId ?? setup.nominations[0]?.id ?? '',
    municipalityId: application?.municipalityId ?? '',
    organization: application?.organizationId ? (data.organizations.get(application.organizationId)?.name ?? '') : '',
    amount: application?.requestedAmount === undefined ? '' : String(application.requestedAmount).replace('.', ','),
    submittedAt: localInput(application?.submittedAt ?? new Date().toISOString()),
    status: application?.status ?? ('submitted' as ApplicationStatus),
    rejectReason: application?.rejectReason ?? '',
  });
  const [applicants, setApplicants] = useState<string[]>(application?.applicantPersonIds ?? []);
  const [applicantQuery, setApplicantQuery] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const byPerson = new Map(participants.map((r) => [r.person.id, r]));
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  const addApplicant = () => {
    const q = applicantQuery.trim();
    if (!q) return;
    const found = participants.filter((r) => personLabel(r) === q || r.fullName === q);
    if (found.length !== 1) return setErrors({ ...errors, applicants: found.length === 0 ? t('application.noSuchParticipant') : t('application.severalParticipants') });
    setApplicants([...new Set([...applicants, found[0]!.person.id])]);
    setApplicantQuery('');
    setErrors({ ...errors, applicants: '' });
  };

  const input = (): ApplicationInput => {
    const amount = parseRubles(form.amount);
    const when = new Date(form.submittedAt);
    const out: ApplicationInput = {
      id: saved?.id,
      title: form.title,
      summary: form.summary,
      nominationId: form.nominationId,
      applicantPersonIds: applicants,
      submittedAt: Number.isNaN(when.getTime()) ? '' : when.toISOString(),
      status: form.status,
      organizationName: form.organization,
    };
    if (form.municipalityId) out.municipalityId = form.municipalityId;
    if (amount !== undefined) out.requestedAmount = amount;
    if (form.status === 'rejected') out.rejectReason = form.rejectReason;
    return out;
  };

  /** Validates and saves; `close` closes the dialog the event came from, otherwise it stays on the saved application. */
  const save = async (e: { currentTarget: Element }, close: boolean) => {
    const target = e.currentTarget;
    const value = input();
    const found = validateApplication(value);
    if (found.requestedAmount) found.requestedAmount = t('application.amountInvalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      setSaved(await saveApplication(ctx, setup.contest.id, value));
      if (close) closeDialog({ currentTarget: target });
    } catch (err) {
      setErrors({ form: errorText(err) });
    } finally {
      setSaving(false);
    }
  };

  const attach = async () => {
    if (!live) return;
    const picked = await bridge.openFile({ title: t('application.fileDialog'), filters: [{ name: t('application.fileFilter'), extensions: ATTACHMENT_EXTENSIONS }], maxBytes: MAX_ATTACHMENT_BYTES });
    if ('error' in picked) return setErrors({ ...errors, files: picked.error.message });
    if (!picked.data) return;
    try {
      await addAttachment(ctx, live.id, picked.data);
      setErrors({ ...errors, files: '' });
    } catch (err) {
      setErrors({ ...errors, files: errorText(err) });
    }
  };

  const download = async (id: string) => {
    const blob = await loadAttachment(ctx, id);
    if (blob) await bridge.saveFile({ suggestedName: blob.name, bytes: new Uint8Array(blob.bytes) });
  };

  const remove = async (e: { currentTarget: Element }) => {
    const target = e.currentTarget;
    if (!live) return;
    const ok = await confirm({ title: t('application.deleteTitle', { title: live.title }), body: t('application.deleteBody'), action: t('application.deleteConfirm'), danger: true });
    if (!ok) return;
    await deleteApplication(ctx, live.id);
    closeDialog({ currentTarget: target });
  };

  const nominationOptions: Option<string>[] = setup.nominations.map((n) => [n.id, n.title]);
  const municipalityOptions: Option<string>[] = (municipalities ?? []).map((m) => [m.id, m.name]);
  const statusOptions: Option<ApplicationStatus>[] = APPLICATION_STATUSES.map((s) => [s, statusLabel(s)]);
  const footerStart: ReactNode = live ? (
    <button type="button" className="danger" onClick={(e) => void remove(e)}>
      {t('application.delete')}
    </button>
  ) : (
    <button type="button" disabled={saving} onClick={(e) => void save(e, false)}>
      {t('application.saveAndAttach')}
    </button>
  );

  return (
    <>
      <FormDialog
        title={saved ? t('application.title') : t('application.newTitle')}
        wide
        onClose={onClose}
        onSubmit={(e) => save(e, true)}
        busy={saving}
        error={errors.form}
        cancelLabel={t('application.close')}
        footerStart={footerStart}
      >
        <TextField label={t('application.projectTitle')} required autoFocus value={form.title} onChange={(v) => set('title', v)} error={errors.title} />
        <TextAreaField label={t('application.summary')} rows={3} value={form.summary} onChange={(v) => set('summary', v)} />
        <div className="field-row">
          <SelectField label={t('application.nomination')} required value={form.nominationId} onChange={(v) => set('nominationId', v)} options={nominationOptions} error={errors.nominationId} />
          <SelectField
            label={t('application.municipality')}
            value={form.municipalityId}
            onChange={(v) => set('municipalityId', v)}
            options={municipalityOptions}
            placeholder={t('application.noMunicipality')}
          />
        </div>
        <div className="field-row">
          <TextField label={t('application.organization')} list="contest-orgs" value={form.organization} onChange={(v) => set('organization', v)} error={errors.organization} />
          <TextField label={t('application.amount')} inputMode="decimal" autoComplete="off" value={form.amount} onChange={(v) => set('amount', v)} error={errors.requestedAmount} />
        </div>
        <datalist id="contest-orgs">
          {[...data.organizations.values()].slice(0, 500).map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        <fieldset className="applicants">
          <legend>{t('application.applicants')}</legend>
          {applicants.length > 0 && (
            <ul className="chips">
              {applicants.map((id) => (
                <li key={id}>
                  {byPerson.get(id)?.fullName ?? t('application.otherEventParticipant')}
                  <button type="button" aria-label={t('application.removeApplicant', { name: byPerson.get(id)?.fullName ?? '' })} onClick={() => setApplicants(applicants.filter((x) => x !== id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="field-row">
            <TextField
              label={t('application.addApplicant')}
              list="contest-applicants"
              value={applicantQuery}
              onChange={setApplicantQuery}
              error={errors.applicants || undefined}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addApplicant();
                }
              }}
            />
            <button type="button" className="align-end" onClick={addApplicant}>
              {t('application.add')}
            </button>
          </div>
          <datalist id="contest-applicants">
            {participants.map((r) => (
              <option key={r.registration.id} value={personLabel(r)} />
            ))}
          </datalist>
        </fieldset>
        <div className="field-row">
          <TextField label={t('application.submittedAt')} type="datetime-local" value={form.submittedAt} onChange={(v) => set('submittedAt', v)} error={errors.submittedAt} />
          <SelectField label={t('application.status')} value={form.status} onChange={(v) => set('status', v)} options={statusOptions} />
        </div>
        {form.status === 'rejected' && (
          <TextField label={t('application.rejectReason')} required value={form.rejectReason} onChange={(v) => set('rejectReason', v)} error={errors.rejectReason} />
        )}
        <fieldset className="attachments">
          <legend>{t('application.files', { max: formatBytes(MAX_ATTACHMENT_BYTES) })}</legend>
          {!live ? (
            <p className="muted">{t('application.saveFirst')}</p>
          ) : (
            <>
              {live.attachments.length > 0 && (
                <ul className="attachment-list">
                  {live.attachments.map((f) => (
                    <li key={f.id}>
                      <button type="button" className="link" onClick={() => void download(f.id)}>
                        {f.name}
                      </button>{' '}
                      <span className="muted">{formatBytes(f.size)}</span>
                      <button type="button" aria-label={t('application.removeFile', { name: f.name })} onClick={() => void removeAttachment(ctx, live.id, f.id)}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" onClick={() => void attach()}>
                {t('application.attach')}
              </button>
            </>
          )}
          {errors.files && (
            <p className="form-error" role="alert">
              {errors.files}
            </p>
          )}
        </fieldset>
      </FormDialog>
      {confirmDialog}
    </>
  );
}
