import { useEffect, useRef, useState, type FormEvent } from 'react';
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
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => ref.current?.showModal(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Укажите причину — она останется в журнале');
    try {
      await appendCheckin(ctx, { eventId, registrationId: card.registrationId, kind: 'annul', operator, reason: reason.trim() });
      onClose(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="annul-title" onClose={() => onClose(false)}>
      <form onSubmit={submit}>
        <h2 id="annul-title">Отменить отметку о прибытии</h2>
        <p>
          <strong>{fullName(card)}</strong>
          <br />
          <span className="muted">{card.municipality}</span>
        </p>
        <label className="field">
          <span>Причина</span>
          <input autoFocus list="annul-reasons" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} />
          <datalist id="annul-reasons">
            {usual.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => onClose(false)}>
            Не отменять
          </button>
          <button type="submit" className="primary">
            Отменить отметку
          </button>
        </div>
      </form>
    </dialog>
  );
}
