import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Application, ApplicationStatus } from '../../../shared/contest';
import { bridge } from '../../bridge/bridge';
import { addAttachment, ATTACHMENT_EXTENSIONS, deleteApplication, loadAttachment, MAX_ATTACHMENT_BYTES, removeAttachment, saveApplication, validateApplication, type ApplicationInput } from '../../db/repo/contest-applications';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { useMunicipalities } from '../../hooks/use-municipalities';
import type { ParticipantRow } from '../../hooks/use-participants';
import { STATUS_LABELS } from './labels';

type Props = { setup: ContestSetup; data: ContestData; participants: ParticipantRow[]; application?: Application; onClose: () => void };

const localInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} КБ` : `${(n / 1024 / 1024).toFixed(1)} МБ`);

export function ApplicationDialog({ setup, data, participants, application, onClose }: Props) {
  const ctx = useDb();
  const ref = useRef<HTMLDialogElement>(null);
  const municipalities = useMunicipalities();
  // after the first save the dialog stays open on the saved application, so files can be attached
  const [saved, setSaved] = useState<Application | undefined>(application);
  const live = saved ? (data.applications.find((a) => a.id === saved.id) ?? saved) : undefined;
  const [form, setForm] = useState({
    title: application?.title ?? '',
    summary: application?.summary ?? '',
    nominationId: application?.nominationId ?? setup.nominations[0]?.id ?? '',
    municipalityId: application?.municipalityId ?? '',
    organization: application?.organizationId ? (data.organizations.get(application.organizationId)?.name ?? '') : '',
    amount: application?.requestedAmount === undefined ? '' : String(application.requestedAmount),
    submittedAt: localInput(application?.submittedAt ?? new Date().toISOString()),
    status: application?.status ?? ('submitted' as ApplicationStatus),
    rejectReason: application?.rejectReason ?? '',
  });
  const [applicants, setApplicants] = useState<string[]>(application?.applicantPersonIds ?? []);
  const [applicantQuery, setApplicantQuery] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => ref.current?.showModal(), []);

  const personLabel = (r: ParticipantRow) => `${r.fullName}${r.organization ? ` — ${r.organization}` : r.municipality ? ` — ${r.municipality}` : ''}`;
  const byPerson = new Map(participants.map((r) => [r.person.id, r]));

  const addApplicant = () => {
    const q = applicantQuery.trim();
    if (!q) return;
    const found = participants.filter((r) => personLabel(r) === q || r.fullName === q);
    if (found.length !== 1) return setErrors({ ...errors, applicants: found.length === 0 ? 'Нет такого участника — выберите из подсказок.' : 'Таких участников несколько — выберите из подсказок с организацией.' });
    setApplicants([...new Set([...applicants, found[0]!.person.id])]);
    setApplicantQuery('');
    setErrors({ ...errors, applicants: '' });
  };

  const input = (): ApplicationInput => {
    const amount = form.amount.trim() === '' ? undefined : Number(form.amount.replace(/\s/g, '').replace(',', '.'));
    const out: ApplicationInput = {
      id: saved?.id,
      title: form.title,
      summary: form.summary,
      nominationId: form.nominationId,
      applicantPersonIds: applicants,
      submittedAt: new Date(form.submittedAt).toISOString(),
      status: form.status,
      organizationName: form.organization,
    };
    if (form.municipalityId) out.municipalityId = form.municipalityId;
    if (amount !== undefined) out.requestedAmount = amount;
    if (form.status === 'rejected') out.rejectReason = form.rejectReason;
    return out;
  };

  const submit = async (e: FormEvent, close: boolean) => {
    e.preventDefault();
    let value: ApplicationInput;
    try {
      value = input();
    } catch {
      return setErrors({ submittedAt: 'Укажите дату и время подачи.' });
    }
    const found = validateApplication(value);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const row = await saveApplication(ctx, setup.contest.id, value);
      setSaved(row);
      if (close) onClose();
    } catch (err) {
      setErrors({ form: (err as Error).message });
    }
  };

  const attach = async () => {
    if (!live) return;
    const picked = await bridge.openFile({ title: 'Файл к заявке', filters: [{ name: 'PDF, изображения, документы', extensions: ATTACHMENT_EXTENSIONS }], maxBytes: MAX_ATTACHMENT_BYTES });
    if ('error' in picked) return setErrors({ files: picked.error.message });
    if (!picked.data) return;
    try {
      await addAttachment(ctx, live.id, picked.data);
      setErrors({ ...errors, files: '' });
    } catch (err) {
      setErrors({ ...errors, files: (err as Error).message });
    }
  };

  const download = async (id: string) => {
    const blob = await loadAttachment(ctx, id);
    if (blob) await bridge.saveFile({ suggestedName: blob.name, bytes: new Uint8Array(blob.bytes) });
  };

  const field = (key: 'title' | 'organization' | 'amount', label: string, extra?: Record<string, string>) => (
    <label className="field">
      <span>{label}</span>
      <input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} aria-invalid={errors[key === 'amount' ? 'requestedAmount' : key] ? true : undefined} {...extra} />
      {errors[key === 'amount' ? 'requestedAmount' : key] && <span className="field-error">{errors[key === 'amount' ? 'requestedAmount' : key]}</span>}
    </label>
  );

  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="application-title" onClose={onClose}>
      <form onSubmit={(e) => void submit(e, true)} noValidate>
        <h2 id="application-title">{saved ? 'Заявка' : 'Новая заявка'}</h2>
        {field('title', 'Название проекта')}
        <label className="field">
          <span>Краткое описание</span>
          <textarea rows={3} value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Номинация</span>
            <select value={form.nominationId} onChange={(e) => setForm({ ...form, nominationId: e.target.value })}>
              {setup.nominations.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Муниципалитет</span>
            <select value={form.municipalityId} onChange={(e) => setForm({ ...form, municipalityId: e.target.value })}>
              <option value="">— не указан —</option>
              {municipalities?.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="field-row">
          {field('organization', 'Организация-заявитель', { list: 'contest-orgs' })}
          {field('amount', 'Запрошенная сумма, ₽', { inputMode: 'decimal' })}
        </div>
        <datalist id="contest-orgs">
          {[...data.organizations.values()].slice(0, 500).map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        <fieldset className="applicants">
          <legend>Заявители (участники мероприятия)</legend>
          {applicants.length > 0 && (
            <ul className="chips">
              {applicants.map((id) => (
                <li key={id}>
                  {byPerson.get(id)?.fullName ?? 'участник другого мероприятия'}
                  <button type="button" aria-label={`Убрать заявителя ${byPerson.get(id)?.fullName ?? ''}`} onClick={() => setApplicants(applicants.filter((x) => x !== id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="field-row">
            <label className="field">
              <span>Добавить заявителя</span>
              <input
                list="contest-applicants"
                value={applicantQuery}
                onChange={(e) => setApplicantQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addApplicant();
                  }
                }}
              />
              {errors.applicants && <span className="field-error">{errors.applicants}</span>}
            </label>
            <button type="button" className="align-end" onClick={addApplicant}>
              Добавить
            </button>
          </div>
          <datalist id="contest-applicants">
            {participants.map((r) => (
              <option key={r.registration.id} value={personLabel(r)} />
            ))}
          </datalist>
        </fieldset>
        <div className="field-row">
          <label className="field">
            <span>Подана</span>
            <input type="datetime-local" value={form.submittedAt} onChange={(e) => setForm({ ...form, submittedAt: e.target.value })} aria-invalid={errors.submittedAt ? true : undefined} />
            {errors.submittedAt && <span className="field-error">{errors.submittedAt}</span>}
          </label>
          <label className="field">
            <span>Статус</span>
            <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as ApplicationStatus })}>
              {(Object.keys(STATUS_LABELS) as ApplicationStatus[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {form.status === 'rejected' && (
          <label className="field">
            <span>Причина отказа</span>
            <input value={form.rejectReason} onChange={(e) => setForm({ ...form, rejectReason: e.target.value })} aria-invalid={errors.rejectReason ? true : undefined} />
            {errors.rejectReason && <span className="field-error">{errors.rejectReason}</span>}
          </label>
        )}
        <fieldset className="attachments">
          <legend>Файлы заявки (PDF, изображения, документы; до 20 МБ каждый)</legend>
          {!live ? (
            <p className="muted">Сохраните заявку, чтобы приложить файлы.</p>
          ) : (
            <>
              {live.attachments.length > 0 && (
                <ul className="attachment-list">
                  {live.attachments.map((f) => (
                    <li key={f.id}>
                      <button type="button" className="link" onClick={() => void download(f.id)}>
                        {f.name}
                      </button>{' '}
                      <span className="muted">{kb(f.size)}</span>
                      <button type="button" aria-label={`Удалить файл ${f.name}`} onClick={() => void removeAttachment(ctx, live.id, f.id)}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" onClick={() => void attach()}>
                Приложить файл…
              </button>
            </>
          )}
          {errors.files && (
            <p className="form-error" role="alert">
              {errors.files}
            </p>
          )}
        </fieldset>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="dialog-actions">
          {live && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(`Удалить заявку «${live.title}» вместе с файлами и назначениями?`)) void deleteApplication(ctx, live.id).then(onClose);
              }}
            >
              Удалить заявку
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Закрыть
          </button>
          {!live && (
            <button type="button" onClick={(e) => void submit(e, false)}>
              Сохранить и приложить файлы
            </button>
          )}
          <button type="submit" className="primary">
            Сохранить
          </button>
        </div>
      </form>
    </dialog>
  );
}
