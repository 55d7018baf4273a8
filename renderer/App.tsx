import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../shared/domain/types';
import { EventSwitcher } from './components/EventSwitcher';
import { formatDay } from '../shared/text/format';
import { Nav } from './components/Nav';
import { Splash } from './components/Splash';
import { BackupGuard } from './features/backup/BackupGuard';
import { ClockBanner } from './features/exchange/ClockBanner';
import { DeskPage } from './features/desk/DeskPage';
import { DbProvider } from './hooks/db-context';
import { useCurrentEvent } from './hooks/use-current-event';
import { useJurorMode } from './hooks/use-juror';
import { useUiStore, type Area } from './stores/ui-store';

/**
 * Only the desk is in the first chunk: it is what a desk laptop opens on, and every other area
 * (spreadsheets, charts, the contest) would otherwise be parsed before the desk could answer. The
 * rest loads on first use, and in the background once the app is up.
 */
const named = <K extends string, P>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) => {
  let started: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => (started ??= load().then((m) => ({ default: m[name] })));
  return Object.assign(lazy(preload), { preload });
};
const ParticipantsPage = named(() => import('./features/participants/ParticipantsPage'), 'ParticipantsPage');
const SectionsPage = named(() => import('./features/sections/SectionsPage'), 'SectionsPage');
const ContestPage = named(() => import('./features/contest/ContestPage'), 'ContestPage');
const ReportsPage = named(() => import('./features/reports/ReportsPage'), 'ReportsPage');
const ExchangePage = named(() => import('./features/exchange/ExchangePage'), 'ExchangePage');
const SettingsPage = named(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const JurorApp = named(() => import('./features/jury/JurorApp'), 'JurorApp');
const FirstRun = named(() => import('./features/onboarding/FirstRun'), 'FirstRun');
const CreateEventDialog = named(() => import('./features/onboarding/CreateEventDialog'), 'CreateEventDialog');
// resumes a paired desk's or a hub's LAN sync at start (Electron only; renders nothing)
const HubBackground = named(() => import('./features/hub/HubBackground'), 'HubBackground');
// exchange files and juror packages opened from the file manager (Electron only; renders its notices)
const OpenedFiles = named(() => import('./features/exchange/OpenedFiles'), 'OpenedFiles');

/**
 * Fetches the other areas a while after start, when the page is idle, so that switching to one later
 * does not wait — and so that this never competes with the desk's own start.
 */
const preloadAreas = () => {
  const all = [ParticipantsPage, SectionsPage, ContestPage, ReportsPage, ExchangePage, SettingsPage, CreateEventDialog];
  const run = () => all.forEach((c) => void c.preload());
  const timer = setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 10_000 }) : run()), 5_000);
  return () => clearTimeout(timer);
};

const splash = <Splash />;

export function App() {
  return (
    <DbProvider>
      <BackupGuard />
      <Shell />
      <Suspense fallback={null}>
        <OpenedFiles />
      </Suspense>
    </DbProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const event = useCurrentEvent();
  const [creating, setCreating] = useState(false);
  const jurorMode = useJurorMode();
  const organizerApp = Boolean(event) && jurorMode === false;
  useEffect(() => (organizerApp ? preloadAreas() : undefined), [organizerApp]);
  if (event === undefined || jurorMode === undefined) return splash;
  if (jurorMode)
    return (
      <Suspense fallback={splash}>
        <JurorApp />
      </Suspense>
    );
  if (event === null)
    return (
      <Suspense fallback={splash}>
        <FirstRun />
      </Suspense>
    );
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <EventSwitcher current={event} onCreate={() => setCreating(true)} />
        <span className="topbar-meta">
          {event.city} · {formatDay(event.startDate)}
        </span>
      </header>
      <Nav />
      <main className="content" id="content">
        <ClockBanner />
        <Suspense fallback={<div className="splash" aria-busy="true" />}>
          <AreaPage event={event} />
        </Suspense>
      </main>
      <Suspense fallback={null}>
        <HubBackground event={event} />
      </Suspense>
      {creating && (
        <Suspense fallback={null}>
          <CreateEventDialog onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </div>
  );
}

function AreaPage({ event }: { event: EventRow }) {
  const area: Area = useUiStore((s) => s.area);
  switch (area) {
    case 'desk':
      return <DeskPage event={event} />;
    case 'participants':
      return <ParticipantsPage event={event} />;
    case 'sections':
      return <SectionsPage event={event} />;
    case 'contest':
      return <ContestPage event={event} />;
    case 'reports':
      return <ReportsPage event={event} />;
    case 'exchange':
      return <ExchangePage event={event} />;
    case 'settings':
      return <SettingsPage />;
  }
}
