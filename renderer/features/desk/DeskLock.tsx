import { useEffect, useState, type FormEvent } from 'react';
import { isAcceptablePin } from '../../../shared/security/pin';
import { checkDeskPin, hasDeskPin, setDeskPin } from '../../db/repo/settings';
import { TextField } from '../../components/ui';
import { useDb } from '../../hooks/db-context';
import { useUiStore } from '../../stores/ui-store';

/**
 * The locked desk: nothing of the list is visible until the PIN is entered. On the first lock of a
 * device the operator chooses the PIN.
 */
export function DeskLock() {
  const ctx = useDb();
  const setLocked = useUiStore((s) => s.setDeskLocked);
  const [hasPin, setHasPin] = useState<boolean>();
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void hasDeskPin(ctx).then(setHasPin);
  }, [ctx]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!hasPin) {
      if (!isAcceptablePin(pin)) return setError('PIN — от 4 до 8 цифр');
      await setDeskPin(ctx, pin);
      setHasPin(true);
      setPin('');
      setError('');
      return;
    }
    if (await checkDeskPin(ctx, pin)) {
      setLocked(false);
    } else {
      setError('Неверный PIN');
      setPin('');
    }
  };

  if (hasPin === undefined) return null;
  return (
    <section className="page desk-locked">
      <form className="card narrow-card" onSubmit={submit}>
        <h1>Стойка заблокирована</h1>
        <p className="muted">{hasPin ? 'Введите PIN, чтобы продолжить работу.' : 'Задайте PIN для блокировки этой стойки (4–8 цифр).'}</p>
        <TextField label={hasPin ? 'PIN' : 'Новый PIN'} autoFocus type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={setPin} error={error || undefined} />
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {hasPin ? 'Разблокировать' : 'Задать PIN и заблокировать'}
          </button>
        </div>
      </form>
    </section>
  );
}
