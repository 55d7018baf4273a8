/** Creating, editing and deleting a section (deleting asks for the word typed). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../shared/domain/types';
import { FormDialog, NumberField, TextField, closeDialog, useConfirm } from '../../components/ui';
import { deleteSection, saveSection, validateSection } from '../../db/repo/sections';
import { useDb } from '../../hooks/db-context';
import { errorText } from '../../i18n';

const hhmm = (iso?: string) => (iso ? iso.slice(11, 16) : '');

export function SectionEditDialog({ eventId, section, onClose }: { eventId: string; section?: Section; onClose: () => void }) {
  const { t } = useTranslation('sections');
  const ctx = useDb();
  const [confirm, confirmDialog] = useConfirm();
  const [form, setForm] = useState({
    title: section?.title ?? '',
    room: section?.room ?? '',
    capacity: String(section?.capacity ?? 30),
    moderators: section?.moderators.join(', ') ?? '',
    start: hhmm(section?.startsAt),
    end: hhmm(section?.endsAt),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});

  // times keep the date and offset of the stored value (the event's day); a new section gets none
  const withTime = (iso: string | undefined, t: string) => (t && iso ? `${iso.slice(0, 11)}${t}${iso.slice(16)}` : iso && !t ? undefined : iso);

  const submit = async () => {
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
      setErrors({ form: errorText(err) });
    }
  };

  const remove = async (e: { currentTarget: Element }) => {
    const target = e.currentTarget;
    if (!section) return;
    const ok = await confirm({
      title: t('edit.removeTitle', { title: section.title }),
      body: t('edit.removeBody'),
      action: t('edit.remove'),
      danger: true,
      typed: t('edit.removeWord'),
    });
    if (!ok) return;
    await deleteSection(ctx, section.id);
    closeDialog({ currentTarget: target });
  };

  const text = (key: keyof typeof form, label: string, type = 'text') => (
    <TextField label={label} type={type} value={form[key]} onChange={(v) => setForm({ ...form, [key]: v })} error={errors[key]} />
  );

  return (
    <>
      <FormDialog
        title={section ? t('edit.title') : t('edit.titleNew')}
        onClose={onClose}
        onSubmit={submit}
        error={errors.form}
        footerStart={
          section && (
            <button type="button" onClick={(e) => void remove(e)}>
              {t('edit.remove')}
            </button>
          )
        }
      >
        {text('title', t('edit.name'))}
        <div className="field-row">
          {text('room', t('edit.room'))}
          <NumberField label={t('edit.capacity')} value={form.capacity} onChange={(v) => setForm({ ...form, capacity: v })} error={errors.capacity} />
        </div>
        {text('moderators', t('edit.moderators'))}
        {section?.startsAt && (
          <div className="field-row">
            {text('start', t('edit.start'), 'time')}
            {text('end', t('edit.end'), 'time')}
          </div>
        )}
      </FormDialog>
      {confirmDialog}
    </>
  );
}
