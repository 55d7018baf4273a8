/** The registration desk: search-as-you-type check-in by keyboard, scanner or camera, and the outcome of each. */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arrival } from '../../../shared/domain/arrival';
import type { EventRow } from '../../../shared/domain/types';
import { appendCheckin } from '../../db/repo/checkins';
import { useDb } from '../../hooks/db-context';
import { useArrivals } from '../../hooks/use-arrivals';
import { useDeskIndex, type DeskCard } from '../../hooks/use-desk-index';
import { MAX_QUERY_LENGTH } from '../../../shared/search';
import { cardForEnter, NO_RESULTS, scannedCard, searchDesk, whyNoEnter } from './desk-search';
import { CameraScanner } from './CameraScanner';
import { useUiStore } from '../../stores/ui-store';
import { AnnulDialog } from './AnnulDialog';
import { DeskCounters } from './DeskCounters';
import { DeskLock } from './DeskLock';
import { DeskResult } from './DeskResult';
import { OperatorPrompt } from './OperatorPrompt';
import { WalkInDialog } from './WalkInDialog';
import { BadgePrintDialog, type BadgeBatchSource } from './BadgePrintDialog';
import { DeskSectionPicker } from './DeskSectionPicker';
import { CertificatesDialog } from '../reports';
import { fullName } from '../../../shared/people/name';
import { formatDate } from '../../../shared/text/format';
import { genderOf } from '../../../shared/text/names';
import { errorText } from '../../i18n';

type Outcome =
  | { kind: 'arrived'; card: DeskCard; at: string }
  | { kind: 'already'; card: DeskCard; arrival: Arrival }
  | { kind: 'annulled'; card: DeskCard }
  | { kind: 'error'; message: string };

type Dialog =
  | { kind: 'annul'; card: DeskCard }
  | { kind: 'walk-in' }
  | { kind: 'badges'; cards: DeskCard[] }
  | { kind: 'badge-batch'; batch: BadgeBatchSource }
  | { kind: 'certificate'; card: DeskCard }
  | null;

export function DeskPage({ event }: { event: EventRow }) {
  const { t } = useTranslation('desk');
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const locked = useUiStore((s) => s.deskLocked);
  const autoBadge = useUiStore((s) => s.autoBadge);
  const setOperator = useUiStore((s) => s.setOperator);
  const setAutoBadge = useUiStore((s) => s.setAutoBadge);
  const desk = useDeskIndex(event.id);
  // the counters walk every card: the search field becomes ready first, the counters a frame later
  const countersDesk = useDeferredValue(desk);
  const arrivals = useArrivals(event.id);
  const [query, setQuery] = useState('');
  /** The result picked with the arrow keys; null: none picked, Enter acts only on a certain top hit. */
  const [picked, setPicked] = useState<number | null>(null);
  /** Enter was pressed and did nothing: the reason is said louder. */
  const [refused, setRefused] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [dialog, setDialog] = useState<Dialog>(null);
  /** The camera scanner: off until the operator turns it on (only then is the camera asked for). */
  const [camera, setCamera] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const { results, decision } = useMemo(
    () => (desk ? searchDesk(desk, query) : NO_RESULTS),
    // desk.version: the index object is mutated in place by incremental updates
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [desk, desk?.version, query],
  );
  const selected = picked ?? (decision.act ? 0 : -1);
  const why = whyNoEnter(decision, results.length);
  const setQueryText = (text: string) => {
    setQuery(text);
    setPicked(null);
    setRefused(false);
  };

  const focusSearch = useCallback(() => inputRef.current?.focus(), []);
  useEffect(() => {
    if (!dialog && !locked && operator) focusSearch();
  }, [dialog, locked, operator, focusSearch]);

  const checkIn = async (card: DeskCard) => {
    const arrival = arrivals?.byRegistration.get(card.registrationId);
    setQueryText('');
    if (arrival?.arrived) {
      setOutcome({ kind: 'already', card, arrival });
      return;
    }
    try {
      const entry = await appendCheckin(ctx, { eventId: event.id, registrationId: card.registrationId, kind: 'arrive', operator });
      setOutcome({ kind: 'arrived', card, at: entry.at });
      if (autoBadge) setDialog({ kind: 'badges', cards: [card] });
    } catch (err) {
      setOutcome({ kind: 'error', message: errorText(err) });
    }
  };

  const onCameraCode = (text: string) => {
    const card = desk && scannedCard(desk, text);
    if (card) void checkIn(card);
    else setOutcome({ kind: 'error', message: t('cameraRead', { text: text.slice(0, 40) }) });
  };

  /** An Enter typed (or scanned) before the list was ready: carried out as soon as it is. */
  const pendingEnter = useRef<{ query: string; picked: number | null }>(undefined);
  useEffect(() => {
    const pending = pendingEnter.current;
    if (!pending || !desk || !arrivals) return;
    pendingEnter.current = undefined;
    const card = cardForEnter(desk, pending.query, pending.picked);
    if (card) void checkIn(card);
    // what triggers this is the list becoming ready; checkIn is this render's
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk, arrivals]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (results.length) setPicked(Math.min(selected + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length) setPicked(Math.max(selected - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // still loading (the desk just opened): the Enter is kept and carried out once the list is there
      if (!desk || !arrivals) pendingEnter.current = { query, picked };
      else {
        const card = cardForEnter(desk, query, picked);
        if (card) void checkIn(card);
        else setRefused(true);
      }
    } else if (e.key === 'Escape') {
      setQueryText('');
    }
  };

  useEffect(() => {
    const onGlobalKey = (e: globalThis.KeyboardEvent) => {
      if (dialog || locked || !operator) return;
      if (e.key === 'F2') {
        e.preventDefault();
        setDialog({ kind: 'walk-in' });
      }
    };
    window.addEventListener('keydown', onGlobalKey);
    return () => window.removeEventListener('keydown', onGlobalKey);
  }, [dialog, locked, operator]);

  if (locked) return <DeskLock />;
  if (!operator) return <OperatorPrompt />;

  const activeId = results[selected] ? `desk-result-${results[selected]!.card.registrationId}` : undefined;
  return (
    <section className="page desk">
      <header className="page-header desk-header">
        <h1>{t('heading')}</h1>
        <span className="muted">
          {t('operator', { name: operator })}{' '}
          <button type="button" className="link" onClick={() => setOperator('')}>
            {t('changeOperator')}
          </button>
        </span>
        <span className="spacer" />
        <label className="checkbox">
          <input type="checkbox" checked={autoBadge} onChange={(e) => setAutoBadge(e.target.checked)} />
          {t('autoBadge')}
        </label>
        <button type="button" aria-pressed={camera} onClick={() => setCamera((on) => !on)} disabled={!desk} title={camera ? t('cameraOff') : t('cameraOn')}>
          {t('camera')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'walk-in' })}>
          {t('walkInButton')} <kbd>{t('walkInKey')}</kbd>
        </button>
        <button
          type="button"
          onClick={() => desk && setDialog({ kind: 'badge-batch', batch: { all: [...desk.cards.values()], found: results.map((r) => r.card) } })}
          disabled={!desk}
        >
          {t('badgesButton')}
        </button>
        <LockButton />
      </header>
      <div className="desk-grid">
        <div className="desk-main">
          <input
            ref={inputRef}
            className="desk-search"
            type="search"
            aria-label={t('search')}
            placeholder={desk ? t('searchPlaceholder') : t('searchLoading')}
            autoComplete="off"
            spellCheck={false}
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls="desk-results"
            aria-activedescendant={activeId}
            value={query}
            maxLength={MAX_QUERY_LENGTH}
            onChange={(e) => setQueryText(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => {
              // the search field keeps the focus: a scanner's burst must always land in it
              if (!dialog) setTimeout(() => document.activeElement === document.body && focusSearch(), 0);
            }}
          />
          {camera && desk && <CameraScanner onCode={onCameraCode} />}
          {outcome && (
            <OutcomeBanner
              outcome={outcome}
              eventId={event.id}
              onAnnul={(card) => setDialog({ kind: 'annul', card })}
              onBadge={(card) => setDialog({ kind: 'badges', cards: [card] })}
              onCertificate={(card) => setDialog({ kind: 'certificate', card })}
            />
          )}
          {query.trim() && desk && why && (
            <p className={`desk-why${refused ? ' attention' : ''}`} role={refused ? 'alert' : 'status'}>
              {refused ? `${t('refused')} ` : ''}
              {why}
            </p>
          )}
          {query.trim() && (
            <ul className="desk-results" id="desk-results" role="listbox" aria-label={t('results')}>
              {results.length === 0 && <li className="desk-empty">{t('nobody')}</li>}
              {results.map(({ card, kind, namesake }, i) => (
                <DeskResult
                  key={card.registrationId}
                  card={card}
                  matchKind={kind}
                  namesake={namesake}
                  arrival={arrivals?.byRegistration.get(card.registrationId)}
                  ownDevice={ctx.device.id}
                  selected={i === selected}
                  onPick={() => {
                    setPicked(i);
                    void checkIn(card);
                  }}
                  onAnnul={() => setDialog({ kind: 'annul', card })}
                />
              ))}
            </ul>
          )}
          {!desk && query.trim() && (
            <p className="desk-hint" role="status">
              {t('stillLoading')}
            </p>
          )}
          {!query.trim() && <p className="desk-hint">{t('hint')}</p>}
        </div>
        <DeskCounters event={event} arrivals={arrivals} desk={countersDesk} />
      </div>
      {dialog?.kind === 'annul' && (
        <AnnulDialog
          card={dialog.card}
          onClose={(done) => {
            setDialog(null);
            if (done) setOutcome({ kind: 'annulled', card: dialog.card });
          }}
          eventId={event.id}
        />
      )}
      {dialog?.kind === 'walk-in' && desk && (
        <WalkInDialog
          event={event}
          desk={desk}
          onClose={(card) => {
            setDialog(null);
            if (!card) return;
            setOutcome({ kind: 'arrived', card, at: new Date().toISOString() });
            if (autoBadge) setDialog({ kind: 'badges', cards: [card] });
          }}
          onPickExisting={(card) => {
            setDialog(null);
            void checkIn(card);
          }}
        />
      )}
      {dialog?.kind === 'certificate' && (
        <CertificatesDialog
          event={event}
          people={[{ id: dialog.card.registrationId, fullName: fullName(dialog.card), municipality: dialog.card.municipality }]}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'badges' && <BadgePrintDialog event={event} cards={dialog.cards} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'badge-batch' && <BadgePrintDialog event={event} batch={dialog.batch} onClose={() => setDialog(null)} />}
    </section>
  );
}

function LockButton() {
  const { t } = useTranslation('desk');
  const setLocked = useUiStore((s) => s.setDeskLocked);
  return (
    <button type="button" onClick={() => setLocked(true)} title={t('lockHint')}>
      {t('lock')}
    </button>
  );
}

const clock = (iso: string) => formatDate(iso, 'time');

function OutcomeBanner(props: { outcome: Outcome; eventId: string; onAnnul: (c: DeskCard) => void; onBadge: (c: DeskCard) => void; onCertificate: (c: DeskCard) => void }) {
  const { t } = useTranslation('desk');
  const { outcome, eventId, onAnnul, onBadge, onCertificate } = props;
  if (outcome.kind === 'error') {
    return (
      <div className="banner banner-error" role="alert">
        {t('outcome.failed', { message: outcome.message })}
      </div>
    );
  }
  const { card } = outcome;
  return (
    <div className={`banner banner-${outcome.kind}`} role="status" aria-live="polite">
      <div>
        <strong>{fullName(card)}</strong>
        {outcome.kind === 'arrived' && t('outcome.arrived', { time: clock(outcome.at) })}
        {outcome.kind === 'already' && t('outcome.already', { context: genderOf(card), time: clock(outcome.arrival.at!) })}
        {outcome.kind === 'annulled' && t('outcome.annulled')}
        <div className="banner-details">
          {[card.municipality, card.section && t('outcome.section', { title: card.section })].filter(Boolean).join(' · ')}
        </div>
        {card.note && outcome.kind !== 'annulled' && <div className="attention">⚠ {card.note}</div>}
        {outcome.kind !== 'annulled' && <DeskSectionPicker key={card.registrationId} eventId={eventId} card={card} />}
      </div>
      {outcome.kind !== 'annulled' && (
        <div className="banner-actions">
          <button type="button" onClick={() => onBadge(card)}>
            {t('outcome.badge')}
          </button>
          <button type="button" onClick={() => onCertificate(card)}>
            {t('outcome.certificate')}
          </button>
          <button type="button" onClick={() => onAnnul(card)}>
            {t('outcome.annul')}
          </button>
        </div>
      )}
    </div>
  );
}
