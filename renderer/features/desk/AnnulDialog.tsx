import { useState } from 'react';
import { FormDialog, TextField } from '../../components/ui';
import { appendCheckin } from '../../db/repo/checkins';
import { useDb } from '../../hooks/db-context';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useUiStore } from '../../stores/ui-store';
import { fullName } from '../../../shared/people/name';

const usual = ['Отметили по ошибке', 'Отметили другого человека', 'Участник ушёл до начала'];

/** Undo of an arrival: an 'annul' entry with a reason is appended; nothing is erased from the log. */
export function AnnulDialog({ card, eventId, onClose }: { card: DeskCard; eventId: string; onClose: (done: boolean) => void }) {
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const [done, setDone] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  const submit = async () => {
    if (!reason.trim()) return setError('Укажите причину — она останется в журнале');
    try {
      await appendCheckin(ctx, { eventId, registrationId: card.registrationId, kind: 'annul', operator, reason: reason.trim() });
      setDone(true);
      onClose(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <FormDialog
      title="Отменить отметку о прибытии"
      onClose={() => !done && onClose(false)}
      onSubmit={submit}
      cancelLabel="Не отменять"
      submitLabel="Отменить отметку"
    >
      <p>
        <strong>{fullName(card)}</strong>
        <br />
        <span className="muted">{card.municipality}</span>
      </p>
      <TextField label="Причина" autoFocus list="annul-reasons" value={reason} onChange={setReason} error={error || undefined} />
      <datalist id="annul-reasons">
        {usual.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </FormDialog>
  );
}
