/** This device's name and role, and the organizer PIN (set here on the organizer's device, shown elsewhere). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceRoles, type DeviceRole, type OrganizerPinRecord } from '../../../shared/domain/types';
import { effectiveOrganizerPin, isAcceptableOrganizerPin, isOutdatedPin, OUTDATED_PIN, tryOrganizerPin } from '../../../shared/security/organizer-pin';
import { useDb } from '../../hooks/db-context';
import { useEvents } from '../../hooks/use-events';
import { areasForRole, startArea } from '../../stores/ui-store';
import { loadPinAttempts, savePinAttempts, setOrganizerPin, spreadOrganizerPin, updateDevice, validateDeviceName } from '../../db/repo/device';
import { useOrganizerGate } from '../../components/organizer-gate';
import { formatDate } from '../../../shared/text/format';
import { errorText, sayText } from '../../i18n';
import { TextField } from '../../components/ui';

/** Name and role of this device, and the organizer PIN. */
export function DeviceSettings() {
  const { t } = useTranslation(['settings', 'app']);
  const ctx = useDb();
  const { device } = ctx;
  const [askOrganizer, gateDialog] = useOrganizerGate();
  const [name, setName] = useState(device.name);
  const [nameError, setNameError] = useState('');
  const [roleNote, setRoleNote] = useState('');

  const saveName = async (e: FormEvent) => {
    e.preventDefault();
    const problem = validateDeviceName(name);
    setNameError(problem);
    if (problem || name.trim() === device.name) return;
    await updateDevice(ctx, { name });
  };

  const changeRole = async (role: DeviceRole) => {
    if (role === device.role) return;
    // the role decides what the device shows: without the PIN here, «Организатор» is one click away
    if (!(await askOrganizer(t('device.roleReason', { role: t(`app:deviceRole.${role}`) })))) return;
    await updateDevice(ctx, { role });
    const start = t(`app:nav.${startArea(role, undefined)}`);
    setRoleNote(role === 'juror' ? t('device.nextStartJuror') : t('device.nextStart', { area: start }));
  };

  return (
    <>
      <h2 className="subheading">{t('app:settings.device')}</h2>
      <form className="field-row device-name" onSubmit={saveName}>
        {/* the hint gives way to the error, which says what to change */}
        <TextField label={t('app:settings.deviceName')} value={name} maxLength={80} onChange={setName} error={nameError || undefined} hint={nameError ? undefined : t('device.nameHint')} />
        <button type="submit" className="add-button" disabled={name.trim() === device.name}>
          {t('device.rename')}
        </button>
      </form>
      <fieldset className="role-choice">
        <legend>{t('app:settings.role')}</legend>
        {deviceRoles.map((r) => (
          <div key={r} className="role-option">
            <label className="checkbox">
              <input type="radio" name="device-role" value={r} checked={device.role === r} onChange={() => void changeRole(r)} aria-describedby={`role-hint-${r}`} />
              <b>{t(`app:deviceRole.${r}`)}</b>
            </label>
            <span id={`role-hint-${r}`} className="role-hint">
              {t(`roleHint.${r}`)}
              <span className="muted">{t('device.areas', { areas: areasForRole(r).map((a) => t(`app:nav.${a}`)).join(', ') })}</span>
            </span>
          </div>
        ))}
        {roleNote && (
          <p className="muted" role="status">
            {roleNote}
          </p>
        )}
      </fieldset>
      <OrganizerPinSettings />
      {gateDialog}
    </>
  );
}

/** Set or change the organizer PIN (on the organizer's device); elsewhere, say whether one arrived. */
function OrganizerPinSettings() {
  const { t } = useTranslation('settings');
  const ctx = useDb();
  const events = useEvents();
  const pin = events ? effectiveOrganizerPin(events) : undefined;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  if (pin === undefined) return null;

  if (ctx.device.role !== 'organizer') {
    return (
      <section aria-labelledby="organizer-pin-heading">
        <h3 id="organizer-pin-heading">{t('pin.heading')}</h3>
        <p className="muted">{pin ? t('pin.arrived', { when: formatDate(pin.setAt, 'dateTime') }) : t('pin.notArrived')}
        </p>
      </section>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    if (pin) {
      const now = Date.now();
      const outcome = await tryOrganizerPin(pin, current.trim(), await loadPinAttempts(ctx), now);
      if (outcome.result !== 'wait') await savePinAttempts(ctx, outcome.attempts);
      if (outcome.result !== 'ok') return setError(t(outcome.result === 'wrong' ? 'pin.wrongCurrent' : 'pin.tooMany'));
    }
    if (!isAcceptableOrganizerPin(next)) return setError(t('pin.badNew'));
    if (next !== repeat) return setError(t('pin.mismatch'));
    setBusy(true);
    try {
      await setOrganizerPin(ctx, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setError('');
      setDone(t('pin.saved'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const behind = pin ? events!.filter((e) => e.organizerPin?.hash !== pin.hash || e.organizerPin.setAt !== pin.setAt) : [];
  const pinInput = (label: string, value: string, set: (v: string) => void) => (
    <TextField label={label} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={value} onChange={set} />
  );
  return (
    <section aria-labelledby="organizer-pin-heading">
      <h3 id="organizer-pin-heading">{t('pin.heading')}</h3>
      <p className="muted">{pin ? t('pin.set') : t('pin.notSet')}</p>
      <OutdatedPinNote pin={pin} />
      {behind.length > 0 && (
        <p className="likely">
          {t('pin.behind', { events: behind.map((e) => `«${e.shortTitle ?? e.title}»`).join(', ') })}{' '}
          <button type="button" className="link" onClick={() => void spreadOrganizerPin(ctx)}>
            {t('pin.spread')}
          </button>
        </p>
      )}
      <form className="field-row pin-form" onSubmit={submit}>
        {pin && pinInput(t('pin.current'), current, setCurrent)}
        {pinInput(t(pin ? 'pin.new' : 'pin.first'), next, setNext)}
        {pinInput(t('pin.repeat'), repeat, setRepeat)}
        <button type="submit" className="add-button" disabled={busy}>
          {t(pin ? 'pin.change' : 'pin.setPin')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="ok-note" role="status">
          {done}
        </p>
      )}
    </section>
  );
}

/** A PIN set by a version before issue 19 (maybe 4–5 digits, PBKDF2): the organizer is asked for a new one. */
function OutdatedPinNote({ pin }: { pin: OrganizerPinRecord | null }) {
  if (!pin || !isOutdatedPin(pin)) return null;
  return (
    <p className="form-error" data-testid="organizer-pin-outdated">
      {sayText(OUTDATED_PIN)}
    </p>
  );
}
