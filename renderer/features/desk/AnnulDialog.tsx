/** Cancelling a check-in, with a reason kept in the log. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, TextField } from '../../components/ui';
import { appendCheckin } from '../../db/repo/checkins';
import { useDb } from '../../hooks/db-context';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useUiStore } from '../../stores/ui-store';
import { fullName } from '../../../shared/people/name';
import { errorText } from '../../i18n';

const usual = ['mistake', 'wrongPerson', 'left'] as const;

/** Undo of an arrival: an 'annul' entry with a reason is appended; nothing is erased from the log. */
export function AnnulDialog({ card, eventId, onClose }: { card: DeskCard; eventId: string; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('desk');
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const [done, setDone] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  const submit = async () => {
    if (!reason.trim()) return setError(t('annul.required'));
    try {
      await appendCheckin(ctx, { eventId, registrationId: card.registrationId, kind: 'annul', operator, reason: reason.trim() });
      setDone(true);
      onClose(true);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <FormDialog
      title={t('annul.title')}
      onClose={() => !done && onClose(false)}
      onSubmit={submit}
      cancelLabel={t('annul.keep')}
      submitLabel={t('annul.submit')}
    >
      <p>
        <strong>{fullName(card)}</strong>
        <br />
        <span className="muted">{card.municipality}</span>
      </p>
      <TextField label={t('annul.reason')} autoFocus list="annul-reasons" value={reason} onChange={setReason} error={error || undefined} />
      <datalist id="annul-reasons">
        {usual.map((r) => (
          <option key={r} value={t(`annul.usual.${r}`)} />
        ))}
      </datalist>
    </FormDialog>
  );
}
