import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Section } from '../../../shared/domain/types';
import { deleteSection, saveSection, validateSection } from '../../db/repo/sections';
import { useDb } from '../../hooks/db-context';

const hhmm = (iso?: string) => (iso ? iso.slice(11, 16) : '');

export function SectionEditDialog({ eventId, section, onClose }: { eventId: string; section?: Section; onClose: () => void }) {
  const ctx = useDb();
  const ref = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState({
    title: section?.title ?? '',
    room: section?.room ?? '',
    capacity: String(section?.capacity ?? 30),
    moderators: section?.moderators.join(', ') ?? '',
    start: hhmm(section?.startsAt),
    end: hhmm(section?.endsAt),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => ref.current?.showModal(), []);

  // times keep the date and offset of the stored value (the event's day); a new section gets none
  const withTime = (iso: string | undefined, t: string) => (t && iso ? `${iso.slice(0, 11)}${t}${iso.slice(16)}` : iso && !t ? undefined : iso);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      id: section?.id,
      title: form.title,
      room: form.room,
      capacity: Number(form.capacity),
      moderators: form.moderators.split(','),
      startsAt: withTime(section?.startsAt, form.start),
      endsAt: withTime(section?.endsAt, form.end),
    };
    const found = validateSection(input);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await saveSection(ctx, eventId, input);
      onClose();
    } catch (err) {
      setErrors({ form: (err as Error).message });
    }
  };

  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} aria-invalid={errors[key] ? true : undefined} />
      {errors[key] && <span className="field-error">{errors[key]}</span>}
    </label>
  );

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="section-edit-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="section-edit-title">{section ? 'Секция' : 'Новая секция'}</h2>
        {field('title', 'Название')}
        <div className="field-row">
          {field('room', 'Место (зал, аудитория)')}
          {field('capacity', 'Вместимость', 'number')}
        </div>
        {field('moderators', 'Модераторы и эксперты (через запятую)')}
        {section?.startsAt && (
          <div className="field-row">
            {field('start', 'Начало', 'time')}
            {field('end', 'Окончание', 'time')}
          </div>
        )}
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="dialog-actions">
          {section && (
            <button
              type="button"
              onClick={() => {
                if (confirm(`Удалить секцию «${section.title}»? Её участники останутся без секции.`)) void deleteSection(ctx, section.id).then(onClose);
              }}
            >
              Удалить секцию
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Отмена
          </button>
          <button type="submit" className="primary">
            Сохранить
          </button>
        </div>
      </form>
    </dialog>
  );
}
