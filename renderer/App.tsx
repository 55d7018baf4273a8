import { useState } from 'react';
import type { EventRow } from '../shared/domain/types';
import { EventSwitcher, formatDate } from './components/EventSwitcher';
import { Nav } from './components/Nav';
import { BackupGuard } from './features/backup/BackupGuard';
import { ContestPage } from './features/contest/ContestPage';
import { DeskPage } from './features/desk/DeskPage';
import { ExchangePage } from './features/exchange/ExchangePage';
import { JurorApp } from './features/jury/JurorApp';
import { CreateEventDialog } from './features/onboarding/CreateEventDialog';
import { FirstRun } from './features/onboarding/FirstRun';
import { ParticipantsPage } from './features/participants/ParticipantsPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { SectionsPage } from './features/sections/SectionsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { DbProvider } from './hooks/db-context';
import { useCurrentEvent } from './hooks/use-current-event';
import { useJurorMode } from './hooks/use-juror';
import { useUiStore, type Area } from './stores/ui-store';

export function App() {
  return (
    <DbProvider>
      <BackupGuard />
      <Shell />
    </DbProvider>
  );
}

function Shell() {
  const event = useCurrentEvent();
  const [creating, setCreating] = useState(false);
  const jurorMode = useJurorMode();
  if (event === undefined || jurorMode === undefined) return <div className="splash">Сход…</div>;
  if (jurorMode) return <JurorApp />;
  if (event === null) return <FirstRun />;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Сход</span>
        <EventSwitcher current={event} onCreate={() => setCreating(true)} />
        <span className="topbar-meta">
          {event.city} · {formatDate(event.startDate)}
        </span>
      </header>
      <Nav />
      <main className="content" id="content">
        <AreaPage event={event} />
      </main>
      {creating && <CreateEventDialog onClose={() => setCreating(false)} />}
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
