import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createEvent, validateNewEvent, type NewEventInput } from '../../db/repo/events';
import { useDb } from '../../hooks/db-context';
import { todayIn } from '../../../shared/text/format';
import { FormDialog, TextField } from '../../components/ui';
import { useUiStore } from '../../stores/ui-store';
import { errorText } from '../../i18n';

// the event's day in Ufa's time zone: before 05:00 local, UTC is still on yesterday
const today = () => todayIn();

export function CreateEventDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ctx = useDb();
  const setEventId = useUiStore((s) => s.setEventId);
  const setArea = useUiStore((s) => s.setArea);
  const [form, setForm] = useState<NewEventInput>({ title: '', startDate: today(), endDate: today(), city: t('event.defaultCity'), venue: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();

  const submit = async () => {
    const found = validateNewEvent(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const event = await createEvent(ctx, form);
      setEventId(event.id);
      setArea('participants');
      onClose();
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  const field = (key: keyof NewEventInput, type = 'text') => (
    <TextField label={t(`event.${key}`)} type={type} value={form[key] ?? ''} error={errors[key]} onChange={(v) => setForm({ ...form, [key]: v })} />
  );

  return (
    <FormDialog title={t('firstRun.create')} onClose={onClose} onSubmit={submit} submitLabel={t('common.create')} error={failure}>
      {field('title')}
      <div className="field-row">
        {field('startDate', 'date')}
        {field('endDate', 'date')}
      </div>
      {field('city')}
      {field('venue')}
    </FormDialog>
  );
}
