/**
 * The first-run screen's «Подключиться к хабу организатора»: a new desk or district device pairs with
 * the organizer's hub, takes the role the organizer grants with «Разрешить», and receives the event in
 * the first round — no enrolment file needed. Only in the desktop app.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { useUiStore } from '../../stores/ui-store';
import { joinOverHub } from './hub-rounds';
import { PairWithHub, type Paired } from './PairWithHub';
import { unwrap } from './resume';
import './hub.css';

export function JoinHub() {
  const { t } = useTranslation('hub');
  const ctx = useDb();
  const setEventId = useUiStore((s) => s.setEventId);
  const setArea = useUiStore((s) => s.setArea);
  const [shell, setShell] = useState<'electron' | 'browser' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    void bridge.appInfo({}).then((r) => setShell('data' in r ? r.data.shell : 'browser'));
  }, []);

  const join = async (paired: Paired) => {
    setJoining(true);
    try {
      const eventId = await joinOverHub(ctx, paired, async (bytes) => unwrap(await bridge.hubSync({ eventId: paired.link.event.id, bytes: bytes as Uint8Array<ArrayBuffer> })));
      setEventId(eventId);
      setArea('participants');
    } finally {
      setJoining(false);
    }
  };

  return (
    <section className="hub-join" aria-label={t('join.label')}>
      {shell === 'browser' && <p className="muted">{t('browserOnly')}</p>}
      {shell === 'electron' && <PairWithHub role="desk" onPaired={join} setError={setError} />}
      {joining && <p className="muted">{t('join.joining')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
