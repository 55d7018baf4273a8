/** The desk's lock screen: a PIN set on first lock, asked to unlock. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('desk');
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
      if (!isAcceptablePin(pin)) return setError(t('lockScreen.badPin'));
      await setDeskPin(ctx, pin);
      setHasPin(true);
      setPin('');
      setError('');
      return;
    }
    if (await checkDeskPin(ctx, pin)) {
      setLocked(false);
    } else {
      setError(t('lockScreen.wrongPin'));
      setPin('');
    }
  };

  if (hasPin === undefined) return null;
  return (
    <section className="page desk-locked">
      <form className="card narrow-card" onSubmit={submit}>
        <h1>{t('lockScreen.title')}</h1>
        <p className="muted">{hasPin ? t('lockScreen.enter') : t('lockScreen.set')}</p>
        <TextField label={hasPin ? t('lockScreen.pin') : t('lockScreen.newPin')} autoFocus type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={setPin} error={error || undefined} />
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {hasPin ? t('lockScreen.unlock') : t('lockScreen.setAndLock')}
          </button>
        </div>
      </form>
    </section>
  );
}
