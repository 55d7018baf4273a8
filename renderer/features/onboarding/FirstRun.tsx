import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb } from '../../hooks/db-context';
import { RestoreFromFileButton } from '../backup';
import { refreshDeskCache } from '../../db/repo/desk-cache';
import { useOpenedFileStore } from '../../stores/opened-file-store';
import { useUiStore } from '../../stores/ui-store';
import { ExchangeImport } from '../exchange';
import { JoinHub } from '../hub';
import { JurorEntryButton } from '../jury';
import { TeamEntryButton } from '../project-team';
import { CreateEventDialog } from './CreateEventDialog';
import { openDemoEvent } from './open-demo';
import { errorText } from '../../i18n';

/**
 * `#demo-participants=100000` makes the demo that large: benchmarks and load checks use it to fill the
 * database through the product's own path. Capped so a typo cannot hang the app.
 */
function demoSizeFromUrl(): number | undefined {
  const m = /demo-participants=(\d+)/.exec(location.hash);
  return m ? Math.min(Number(m[1]), 200_000) : undefined;
}

export function FirstRun() {
  const { t } = useTranslation();
  const ctx = useDb();
  const setEventId = useUiStore((s) => s.setEventId);
  const setArea = useUiStore((s) => s.setArea);
  const [creating, setCreating] = useState(false);
  // an exchange file opened from the file manager shows the receiving panel, and it stays open
  const [receiving, setReceiving] = useState(() => useOpenedFileStore.getState().pending !== null);
  useEffect(() => useOpenedFileStore.subscribe((s) => s.pending && setReceiving(true)), []);
  const [joining, setJoining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const demo = async (followUp = false) => {
    setBusy(true);
    setError(undefined);
    try {
      const id = await openDemoEvent(ctx, demoSizeFromUrl(), { followUp });
      void refreshDeskCache(ctx, id).catch(() => undefined);
      setEventId(id);
      setArea(followUp ? 'projects' : 'participants');
    } catch (err) {
      setError(t('firstRun.demoFailed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="first-run">
      <div className="first-run-card">
        <p className="brand" aria-hidden="true">
          {t('app.name')}
        </p>
        <h1>{t('firstRun.heading')}</h1>
        <p className="lead">{t('firstRun.lead')}</p>
        <div className="first-run-actions">
          <button type="button" className="big primary" onClick={() => setCreating(true)} disabled={busy}>
            {t('firstRun.create')}
            <small>{t('firstRun.createHint')}</small>
          </button>
          <button type="button" className="big" onClick={() => void demo()} disabled={busy} aria-busy={busy}>
            {t('firstRun.demo')}
            <small>{busy ? t('firstRun.demoLoading') : t('firstRun.demoHint')}</small>
          </button>
          <button type="button" className="big" onClick={() => void demo(true)} disabled={busy} aria-busy={busy}>
            {t('firstRun.demoYear')}
            <small>{busy ? t('firstRun.demoLoading') : t('firstRun.demoYearHint')}</small>
          </button>
          <button type="button" className="big" onClick={() => setReceiving(true)} disabled={busy} aria-expanded={receiving}>
            {t('firstRun.receive')}
            <small>{t('firstRun.receiveHint')}</small>
          </button>
          <button type="button" className="big" onClick={() => setJoining(true)} disabled={busy} aria-expanded={joining}>
            {t('firstRun.hub')}
            <small>{t('firstRun.hubHint')}</small>
          </button>
          <RestoreFromFileButton className="big" />
          <JurorEntryButton />
          <TeamEntryButton />
        </div>
        {receiving && <ExchangeImport eventId={null} />}
        {joining && <JoinHub />}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {creating && <CreateEventDialog onClose={() => setCreating(false)} />}
    </main>
  );
}
